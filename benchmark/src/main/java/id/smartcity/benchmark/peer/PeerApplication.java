package id.smartcity.benchmark.peer;

import id.smartcity.eventstore.EventSerialization;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * A small Axon 4 application of the ledger's shape, on Axon's own JDBC storage engine: the region aggregate, the
 * command bus and gateway, an embedded event store, a JDBC token store and one tracking processor writing a JDBC
 * table. Axon's configuration API only, no Spring: the benchmark fixture the ledger is compared with.
 */
public final class PeerApplication implements AutoCloseable {
    private final PeerDatabase database;
    private final PeerSettings settings;
    private final JdbcTransactions transactions;
    private final JdbcEventStorageEngine storageEngine;
    private final RegionTable regions;
    private final Configuration configuration;

    private PeerApplication(PeerDatabase database, PeerSettings settings) throws SQLException {
        this.database = database;
        this.settings = settings;
        this.transactions = new JdbcTransactions(database.dataSource());
        // The ledger's own serializer (Jackson, ISO dates), so that both store the same JSON for the same event.
        Serializer serializer = EventSerialization.serializer();
        this.storageEngine = JdbcEventStorageEngine.builder()
                .connectionProvider(transactions)
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .batchSize(settings.readBatch())
                .build();
        storageEngine.createSchema(database.eventTables());
        JdbcTokenStore tokenStore = JdbcTokenStore.builder()
                .connectionProvider(transactions)
                .serializer(serializer)
                .build();
        tokenStore.createSchema(database.tokenTables());
        this.regions = new RegionTable(transactions);
        regions.createTable();
        this.configuration = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .registerComponent(org.axonframework.common.transaction.TransactionManager.class, c -> transactions)
                .configureEmbeddedEventStore(c -> storageEngine)
                .configureAggregate(Region.class)
                .eventProcessing(processing -> processing
                        .registerTokenStore(c -> tokenStore)
                        .registerTrackingEventProcessor(RegionTable.PROCESSOR, Configuration::eventStore,
                                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                        .andBatchSize(settings.processorBatch()))
                        .registerEventHandler(c -> regions))
                .start();
    }

    /** Creates the peer's tables in {@code database} (Axon's schema factories for the event and token tables). */
    public static PeerApplication start(PeerDatabase database, PeerSettings settings) throws SQLException {
        return new PeerApplication(database, settings);
    }

    public CommandGateway commandGateway() {
        return configuration.commandGateway();
    }

    public EventStorageEngine storageEngine() {
        return storageEngine;
    }

    public PeerDatabase database() {
        return database;
    }

    /** Events in the store (the global index may have gaps, so they are counted). */
    public long storedEvents() throws SQLException {
        String sql = "SELECT COUNT(*) FROM " + new EventSchema().domainEventTable();
        try (Connection connection = transactions.getConnection(); Statement statement = connection.createStatement();
             ResultSet answer = statement.executeQuery(sql)) {
            answer.next();
            return answer.getLong(1);
        }
    }

    /** Events the read model was built from. */
    public long projectedEvents() throws SQLException {
        return regions.events();
    }

    public void stopProjection() {
        processor().shutDown();
    }

    /**
     * Rebuilds the read model: stops the processor, resets its token (the reset handler empties the table), starts it
     * and waits until it has caught up with the head; then checks that it applied every stored event once.
     */
    public void replay() throws SQLException, InterruptedException {
        TrackingEventProcessor processor = processor();
        processor.shutDown();
        TrackingToken head = storageEngine.createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        processor.resetTokens();
        processor.start();
        long deadline = System.nanoTime() + settings.catchUpTimeout().toNanos();
        while (!caughtUp(processor.processingStatus().values(), headPosition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the " + RegionTable.PROCESSOR + " processor did not catch up in "
                        + settings.catchUpTimeout());
            }
            Thread.sleep(5);
        }
        long stored = storedEvents();
        long projected = projectedEvents();
        if (stored != projected) {
            throw new IllegalStateException("the read model applied " + projected + " events of " + stored);
        }
    }

    private static boolean caughtUp(Collection<EventTrackerStatus> segments, long headPosition) {
        if (segments.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus segment : segments) {
            if (segment.isErrorState()) {
                throw new IllegalStateException("the processor failed", segment.getError());
            }
            // Not isReplaying(): a replay token ends only at an event after the reset point, and when the reset
            // point is the head that event never comes.
            if (!segment.isCaughtUp() || segment.getCurrentPosition().orElse(-1) < headPosition) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every stored event read in order of its global index, each column taken as the engine takes it (strings, the
     * payload and metadata as bytes) but not deserialized: the best of two reads, what no replay can beat.
     */
    public double rawRead() throws SQLException {
        EventSchema schema = new EventSchema();
        String sql = "SELECT " + String.join(", ", schema.globalIndexColumn(), schema.typeColumn(),
                schema.aggregateIdentifierColumn(), schema.sequenceNumberColumn(), schema.eventIdentifierColumn(),
                schema.timestampColumn(), schema.payloadTypeColumn(), schema.payloadRevisionColumn(),
                schema.payloadColumn(), schema.metaDataColumn()) + " FROM " + schema.domainEventTable() + " ORDER BY "
                + schema.globalIndexColumn();
        double best = 0;
        for (int round = 0; round < 2; round++) {
            System.gc();
            long start = System.nanoTime();
            long count = 0;
            // In a transaction: PostgreSQL streams a result in pages of the fetch size only outside autocommit.
            Transaction transaction = transactions.startTransaction();
            try (Connection connection = transactions.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.setFetchSize(settings.readBatch());
                try (ResultSet rows = statement.executeQuery(sql)) {
                    while (rows.next()) {
                        rows.getLong(1);
                        rows.getLong(4);
                        for (int column : new int[] {2, 3, 5, 6, 7, 8}) {
                            rows.getString(column);
                        }
                        rows.getBytes(9);
                        rows.getBytes(10);
                        count++;
                    }
                }
            } finally {
                transaction.commit();
            }
            best = Math.max(best, count / ((System.nanoTime() - start) / 1e9));
        }
        return best;
    }

    private TrackingEventProcessor processor() {
        return configuration.eventProcessingConfiguration()
                .eventProcessor(RegionTable.PROCESSOR, TrackingEventProcessor.class).orElseThrow();
    }

    @Override
    public void close() {
        configuration.shutdown();
    }
}
