package id.smartcity.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Axon's event storage on MongoDB (mongodb-driver-sync), with one gap-free global order: every event has a position
 * 1, 2, 3, ... that is its {@code _id}, and tracking processors follow that position. See
 * {@code docs/adr/0002-event-store-on-mongodb.md}.
 */
public class MongoEventStorageEngine extends AbstractEventStorageEngine implements AutoCloseable {
    private final EventLog log;
    private final AppendSequencer sequencer;
    private final int pageSize;
    private final LongConsumer appendTimer;
    private final EventUpcaster upcasters;

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        this.upcasters = builder.upcasters();
        this.log = new EventLog(builder.database, builder.readStrategy != null ? builder.readStrategy
                : ReadStrategy.detect(builder.database));
        this.log.initialize();
        this.sequencer = new AppendSequencer(log, builder.durability, builder.clock, builder.maxCommitEvents);
        this.pageSize = builder.pageSize;
        this.appendTimer = builder.appendTimer;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<Document> documents = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            documents.add(toDocument(event, serializer));
        }
        long start = System.nanoTime();
        List<AppendedEvent> appended = sequencer.append(documents);
        appendTimer.accept(System.nanoTime() - start);
        // Axon appends a unit of work's events while that unit commits, on the thread that commits it.
        CurrentUnitOfWork.ifStarted(unitOfWork -> AppendReceipt.record(unitOfWork, appended));
    }

    /** Why appends are refused, when the head does not match the stored log (an alarm for an auditor). */
    public Optional<String> integrityAlarm() {
        return sequencer.integrityAlarm();
    }

    private static Document toDocument(EventMessage<?> event, Serializer serializer) {
        SerializedObject<JsonNode> payload = event.serializePayload(serializer, JsonNode.class);
        SerializedObject<JsonNode> metaData = event.serializeMetaData(serializer, JsonNode.class);
        Document document = new Document(EventLog.EVENT_ID, event.getIdentifier());
        if (event instanceof DomainEventMessage<?> domainEvent && domainEvent.getType() != null) {
            document.append(EventLog.AGGREGATE_TYPE, domainEvent.getType())
                    .append(EventLog.AGGREGATE_ID, domainEvent.getAggregateIdentifier())
                    .append(EventLog.SEQUENCE, domainEvent.getSequenceNumber());
        } else {
            // An event outside any aggregate stands alone: its own identifier, sequence 0 (as Axon's JPA store does).
            document.append(EventLog.AGGREGATE_TYPE, null)
                    .append(EventLog.AGGREGATE_ID, event.getIdentifier())
                    .append(EventLog.SEQUENCE, 0L);
        }
        return document.append(EventLog.TYPE, payload.getType().getName())
                .append(EventLog.REVISION, payload.getType().getRevision())
                .append(EventLog.TIMESTAMP, event.getTimestamp().toString())
                .append(EventLog.PAYLOAD, BsonJson.toDocument(payload.getData()))
                .append(EventLog.META, BsonJson.toDocument(metaData.getData()));
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document document = toDocument(snapshot, serializer);
        document.put(EventLog.ID, snapshot.getAggregateIdentifier());
        try {
            // Only over an older one: two instances that snapshot one aggregate must not put back the older state.
            log.snapshots().replaceOne(Filters.and(eq(EventLog.ID, snapshot.getAggregateIdentifier()),
                    Filters.lt(EventLog.SEQUENCE, snapshot.getSequenceNumber())), document,
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // A snapshot of the same or a later sequence is stored already: it stays.
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document snapshot = log.snapshots().find(eq(EventLog.ID, aggregateIdentifier)).first();
        if (snapshot == null) {
            return Stream.empty();
        }
        snapshot.put(EventLog.ID, -1L);
        return Stream.of(StoredEventData.of(snapshot));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
        Document stream = log.streams().find(eq(EventLog.ID, identifier)).first();
        if (stream == null) {
            return Stream.empty();
        }
        List<Long> positions = stream.getList(EventLog.POSITIONS, Long.class);
        List<Document> events = log.events().find(in(EventLog.ID, positions)).into(new ArrayList<>());
        return events.stream()
                .filter(event -> event.getLong(EventLog.SEQUENCE) >= firstSequenceNumber)
                .sorted(Comparator.comparingLong(event -> event.getLong(EventLog.SEQUENCE)))
                .map(StoredEventData::of);
    }

    /**
     * The log after the token. A reader's own read ({@code mayBlock} false: a processor behind the head, a replay,
     * time travel) streams everything up to the head as it is now, window by window with bounded memory, so a replay
     * reads the log once. The embedded event store's shared reader ({@code mayBlock} true) gets one page: it reads on
     * as long as it finds events, whether or not the processors keep up, and a processor that falls behind it opens
     * a read of its own; given more, it raced through the log beside them (measured: during a replay of 1,000,000
     * events Axon's cache held 36,000 events, 270 MB, and the server worked 40% more).
     */
    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        long after = positionOf(trackingToken);
        long head = log.materializedHead();
        if (head <= after) {
            return Stream.empty();
        }
        long to = mayBlock ? Math.min(head, after + pageSize) : head;
        return log.stream(after + 1, to).map(StoredEventData::of);
    }

    /**
     * The events at the given positions, in position order, as a processor receives them (upcast, with their
     * tracking tokens): for a reader that needs a few events of the log, not a stretch of it.
     */
    public Stream<TrackedEventMessage<?>> readEventsAt(List<Long> positions) {
        return EventUtils.upcastAndDeserializeTrackedEvents(log.eventsAt(positions, null).stream()
                .map(StoredEventData::of), getEventSerializer(), upcasters);
    }

    private static long positionOf(TrackingToken token) {
        if (token == null) {
            return 0;
        }
        if (token instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex();
        }
        return token.position().orElseThrow(() -> new IllegalArgumentException(
                "Tokens of this store are positions, not " + token.getClass().getSimpleName()));
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return Optional.ofNullable(log.streams().find(eq(EventLog.ID, aggregateIdentifier)).first())
                .map(stream -> stream.getLong(EventLog.LAST_SEQUENCE));
    }

    @Override
    public TrackingToken createTailToken() {
        return new GlobalSequenceTrackingToken(0);
    }

    @Override
    public TrackingToken createHeadToken() {
        return new GlobalSequenceTrackingToken(log.materializedHead());
    }

    /** The token just before the first event recorded at or after {@code dateTime}: recorded times never decrease. */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long low = 1;
        long high = log.materializedHead();
        long first = high + 1;
        while (low <= high) {
            long middle = (low + high) >>> 1;
            Instant recorded = Instant.parse(log.eventAt(middle).get(EventLog.META, Document.class)
                    .getString(StoreMetadata.RECORDED_AT));
            if (recorded.isBefore(dateTime)) {
                low = middle + 1;
            } else {
                first = middle;
                high = middle - 1;
            }
        }
        return new GlobalSequenceTrackingToken(first - 1);
    }

    /**
     * The events whose metadata holds every given entry, in log order. For rare paths (a request whose first attempt
     * died between storing and answering): a scan where the server has no index on the metadata.
     */
    public List<AppendedEvent> eventsWithMetadata(Map<String, String> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("A query by metadata names at least one entry");
        }
        List<Bson> filters = entries.entrySet().stream()
                .map(entry -> Filters.eq(EventLog.META + "." + entry.getKey(), entry.getValue())).toList();
        List<Document> found = log.events().find(Filters.and(filters)).into(new ArrayList<>());
        found.sort(Comparator.comparingLong(document -> document.getLong(EventLog.ID)));
        return found.stream().map(EventLog::appended).toList();
    }

    /** The collections behind this store, for the auditor's reads. */
    public EventLog eventLog() {
        return log;
    }

    /** The last position whose event can be read. */
    public long headPosition() {
        return log.materializedHead();
    }

    @Override
    public void close() {
        sequencer.close();
    }

    public static class Builder extends AbstractEventStorageEngine.Builder {
        private MongoDatabase database;
        private Durability durability = Durability.WRITE_CONCERN;
        private Clock clock = Clock.systemUTC();
        private int pageSize = 1000;
        private int maxCommitEvents = 1000;
        private ReadStrategy readStrategy;
        private LongConsumer appendTimer = nanos -> { };

        /** Told how long each append took, in nanoseconds, until durable (for metrics). */
        public Builder appendTimer(LongConsumer appendTimer) {
            this.appendTimer = appendTimer;
            return this;
        }

        /** How the log is read from its server; detected from the server when not given (ADR 17). */
        public Builder readStrategy(ReadStrategy readStrategy) {
            this.readStrategy = readStrategy;
            return this;
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder durability(Durability durability) {
            this.durability = durability;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** How many events the embedded event store's shared reader takes per fetch. */
        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /** How many events, from however many commands, one commit of the sequencer takes at most. */
        public Builder maxCommitEvents(int maxCommitEvents) {
            this.maxCommitEvents = maxCommitEvents;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        EventUpcaster upcasters() {
            return upcasterChain;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            if (database == null) {
                throw new AxonConfigurationException("The MongoDB database of the event store is missing");
            }
            if (pageSize < 1 || maxCommitEvents < 1) {
                throw new AxonConfigurationException("Page size and commit size must be positive");
            }
        }

        public MongoEventStorageEngine build() {
            validate();
            return new MongoEventStorageEngine(this);
        }
    }
}
