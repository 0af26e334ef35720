package id.smartcity.ledger.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;

/** One stored event as Axon reads it: payload and metadata stay Jackson trees until an upcaster or handler needs them. */
record StoredEventData(long position, String eventIdentifier, String type, String aggregateIdentifier,
                       long sequenceNumber, Instant timestamp, SerializedObject<JsonNode> payload,
                       SerializedObject<JsonNode> metaData)
        implements TrackedEventData<JsonNode>, DomainEventData<JsonNode> {

    private static final String META_DATA_TYPE = "org.axonframework.messaging.MetaData";

    static StoredEventData of(Document document) {
        String revision = document.getString(EventLog.REVISION);
        return new StoredEventData(document.getLong(EventLog.ID), document.getString(EventLog.EVENT_ID),
                document.getString(EventLog.AGGREGATE_TYPE), document.getString(EventLog.AGGREGATE_ID),
                document.getLong(EventLog.SEQUENCE), Instant.parse(document.getString(EventLog.TIMESTAMP)),
                new SimpleSerializedObject<>(BsonJson.toJson(document.get(EventLog.PAYLOAD, Document.class)),
                        JsonNode.class, document.getString(EventLog.TYPE), revision),
                new SimpleSerializedObject<>(BsonJson.toJson(document.get(EventLog.META, Document.class)),
                        JsonNode.class, META_DATA_TYPE, null));
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
        return timestamp;
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
