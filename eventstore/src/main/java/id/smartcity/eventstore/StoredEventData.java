package id.smartcity.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.bson.Document;

/**
 * One stored event as Axon reads it. Nothing is converted until asked for: the payload and metadata become Jackson
 * trees, and the timestamp an instant, only when an upcaster or handler needs them, so a processor that passes an
 * event by its type pays for neither (profiled: converting and parsing them up front took a sixth of a replay).
 */
record StoredEventData(long position, String eventIdentifier, String type, String aggregateIdentifier,
                       long sequenceNumber, String recordedTimestamp, SerializedObject<JsonNode> payload,
                       SerializedObject<JsonNode> metaData)
        implements TrackedEventData<JsonNode>, DomainEventData<JsonNode> {

    private static final SimpleSerializedType META_DATA_TYPE =
            new SimpleSerializedType("org.axonframework.messaging.MetaData", null);

    static StoredEventData of(Document document) {
        return new StoredEventData(document.getLong(EventLog.ID), document.getString(EventLog.EVENT_ID),
                document.getString(EventLog.AGGREGATE_TYPE), document.getString(EventLog.AGGREGATE_ID),
                document.getLong(EventLog.SEQUENCE), document.getString(EventLog.TIMESTAMP),
                new Tree(document.get(EventLog.PAYLOAD, Document.class),
                        new SimpleSerializedType(document.getString(EventLog.TYPE),
                                document.getString(EventLog.REVISION))),
                new Tree(document.get(EventLog.META, Document.class), META_DATA_TYPE));
    }

    /** A stored document, turned into a Jackson tree once, when first read. */
    private static final class Tree implements SerializedObject<JsonNode> {
        private final Document document;
        private final SerializedType type;
        private JsonNode tree;

        Tree(Document document, SerializedType type) {
            this.document = document;
            this.type = type;
        }

        @Override
        public Class<JsonNode> getContentType() {
            return JsonNode.class;
        }

        @Override
        public SerializedType getType() {
            return type;
        }

        @Override
        public synchronized JsonNode getData() {
            if (tree == null) {
                tree = BsonJson.toJson(document);
            }
            return tree;
        }
    }

    @Override
    public TrackingToken trackingToken() {
        return new GlobalSequenceTrackingToken(position);
    }

    @Override
    public String getType() {
        return type;
    }

    @Override
    public String getAggregateIdentifier() {
        return aggregateIdentifier;
    }

    @Override
    public long getSequenceNumber() {
        return sequenceNumber;
    }

    @Override
    public String getEventIdentifier() {
        return eventIdentifier;
    }

    @Override
    public Instant getTimestamp() {
        return Instant.parse(recordedTimestamp);
    }

    @Override
    public SerializedObject<JsonNode> getMetaData() {
        return metaData;
    }

    @Override
    public SerializedObject<JsonNode> getPayload() {
        return payload;
    }
}
