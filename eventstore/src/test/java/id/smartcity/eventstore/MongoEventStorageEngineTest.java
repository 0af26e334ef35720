package id.smartcity.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import id.smartcity.eventstore.testing.EmbeddedMongo;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoEventStorageEngineTest {
    private static final LocalDate SELECTED = LocalDate.of(2017, 5, 22);

    private EmbeddedMongo mongo;
    private final List<MongoEventStorageEngine> engines = new ArrayList<>();
    private JacksonSerializer serializer;

    @BeforeEach
    void setUp() {
        mongo = new EmbeddedMongo();
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        serializer = JacksonSerializer.builder().objectMapper(mapper).build();
    }

    @AfterEach
    void tearDown() {
        engines.forEach(MongoEventStorageEngine::close);
        mongo.close();
    }

    private MongoEventStorageEngine engine() {
        return engine(Clock.systemUTC());
    }

    private MongoEventStorageEngine engine(Clock clock) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(mongo.database())
                .eventSerializer(serializer).snapshotSerializer(serializer).clock(clock).pageSize(100).build();
        engines.add(engine);
        return engine;
    }

    /** Neutral payloads: the store knows nothing of the programme's events. */
    @Revision("1")
    record AccountOpened(String code, String name, int year, LocalDate selectedOn) {
    }

    @Revision("1")
    record AgreementSigned(String code, int year, LocalDate signedOn, String place, List<String> parties) {
    }

    private static DomainEventMessage<?> selected(String code, long sequence) {
        return new GenericDomainEventMessage<>("Account", code, sequence,
                new AccountOpened(code, "Account " + code, 2017, SELECTED), MetaData.with("principal", "operator"));
    }

    private static DomainEventMessage<?> mou(String code, long sequence) {
        return new GenericDomainEventMessage<>("Account", code, sequence,
                new AgreementSigned(code, 2017, SELECTED, "Makassar", List.of("Wali Kota")));
    }

    private static List<Long> positions(MongoEventStorageEngine engine) {
        return engine.readEvents(new GlobalSequenceTrackingToken(0), false)
                .map(event -> event.trackingToken().position().orElseThrow()).toList();
    }

    @Test
    void givesEventsGapFreePositionsFromOne() {
        MongoEventStorageEngine engine = engine();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        AppendReceipt receipt = AppendReceipt.attachTo(unitOfWork);
        try {
            engine.appendEvents(selected("73.71", 0), mou("73.71", 1));
            engine.appendEvents(selected("32.73", 0));
        } finally {
            unitOfWork.commit();
        }
        assertThat(receipt.events()).extracting(AppendedEvent::position).containsExactly(1L, 2L, 3L);
        assertThat(positions(engine)).containsExactly(1L, 2L, 3L);
        assertThat(engine.headPosition()).isEqualTo(3);
    }

    @Test
    void aReadersOwnReadStreamsToTheHeadAndTheSharedReaderTakesOnePage() {
        MongoEventStorageEngine engine = engine();
        int events = EventLog.STREAM_THRESHOLD + 150;
        List<DomainEventMessage<?>> commit = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            commit.add(selected(String.format("%02d.%05d", 11 + i % 80, i), 0));
            if (commit.size() == 100 || i == events - 1) {
                engine.appendEvents(commit);
                commit = new ArrayList<>();
            }
        }

        assertThat(positions(engine)).as("a replay: one read to the head").hasSize(events).startsWith(1L)
                .endsWith((long) events).doesNotHaveDuplicates();
        assertThat(engine.readEvents(new GlobalSequenceTrackingToken(10), true)
                .map(event -> event.trackingToken().position().orElseThrow()).toList())
                .as("Axon's shared reader: one page of 100").hasSize(100).startsWith(11L).endsWith(110L);
        assertThat(engine.readEvents(new GlobalSequenceTrackingToken(events), true).count()).isZero();
    }

    @Test
    void readsAnAggregateBackInSequence() {
        MongoEventStorageEngine engine = engine();
        engine.appendEvents(selected("73.71", 0));
        engine.appendEvents(selected("32.73", 0));
        engine.appendEvents(mou("73.71", 1));

        List<? extends DomainEventMessage<?>> stream = engine.readEvents("73.71").asStream().toList();

        assertThat(stream).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L);
        assertThat(stream.get(1).getPayload()).isEqualTo(mou("73.71", 1).getPayload());
        assertThat(stream.get(0).getMetaData()).containsEntry("principal", "operator").containsKey("recordedAt");
        assertThat(engine.lastSequenceNumberFor("73.71")).contains(1L);
        assertThat(engine.lastSequenceNumberFor("11.71")).isEmpty();
    }

    @Test
    void storesPayloadAndMetadataAsReadableFields() {
        engine().appendEvents(selected("73.71", 0));

        Document stored = mongo.database().getCollection(EventLog.EVENTS).find(Filters.eq("_id", 1L)).first();

        assertThat(stored).isNotNull();
        assertThat(stored.getString("type")).isEqualTo(AccountOpened.class.getName());
        assertThat(stored.getString("revision")).isEqualTo("1");
        Document payload = stored.get("payload", Document.class);
        assertThat(payload.getString("code")).isEqualTo("73.71");
        assertThat(payload.getString("selectedOn")).isEqualTo("2017-05-22");
        assertThat(stored.get("meta", Document.class).getString("principal")).isEqualTo("operator");
    }

    @Test
    void refusesAnEventThatDoesNotContinueItsStreamAndStoresNothingOfThatCommand() {
        MongoEventStorageEngine engine = engine();
        engine.appendEvents(selected("73.71", 0));

        // The second event of this command collides; the first must not be stored either.
        assertThatThrownBy(() -> engine.appendEvents(selected("32.73", 0), mou("73.71", 0)))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(positions(engine)).containsExactly(1L);
        assertThat(engine.lastSequenceNumberFor("32.73")).isEmpty();
        engine.appendEvents(mou("73.71", 1));
        assertThat(positions(engine)).containsExactly(1L, 2L);
    }

    @Test
    void letsExactlyOneOfTwoRacingCommandsOnOneRegionWin() throws Exception {
        MongoEventStorageEngine engine = engine();
        engine.appendEvents(selected("73.71", 0));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            futures.add(pool.submit(() -> {
                try {
                    engine.appendEvents(mou("73.71", 1));
                } catch (ConcurrencyException e) {
                    refused.incrementAndGet();
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();

        assertThat(refused).hasValue(15);
        assertThat(positions(engine)).containsExactly(1L, 2L);
    }

    @Test
    void keepsPositionsGapFreeUnderConcurrentWritersOnTwoInstances() throws Exception {
        MongoEventStorageEngine first = engine();
        MongoEventStorageEngine second = engine();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> futures = new ArrayList<>();
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        for (int thread = 0; thread < 16; thread++) {
            MongoEventStorageEngine engine = thread % 2 == 0 ? first : second;
            int writer = thread;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    String code = String.format("%02d.%02d", 11 + writer, 1 + i);
                    engine.appendEvents(selected(code, 0), mou(code, 1));
                    acknowledged.add(code);
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();

        List<Long> all = positions(first);
        assertThat(all).containsExactlyElementsOf(LongStream.rangeClosed(1, 16 * 40 * 2).boxed().toList());
        List<String> stored = mongo.database().getCollection(EventLog.EVENTS).find()
                .map(document -> document.getString("aggregateId") + "#" + document.getLong("seq"))
                .into(new ArrayList<>());
        assertThat(stored).doesNotHaveDuplicates().hasSize(acknowledged.size() * 2);
        // A command's two events sit next to each other: nothing interleaves inside a commit.
        List<Document> events = mongo.database().getCollection(EventLog.EVENTS).find().into(new ArrayList<>());
        events.sort((a, b) -> Long.compare(a.getLong("_id"), b.getLong("_id")));
        for (int i = 0; i < events.size(); i += 2) {
            assertThat(events.get(i + 1).getString("aggregateId")).isEqualTo(events.get(i).getString("aggregateId"));
        }
    }

    @Test
    void completesACommitThatWasInterruptedBeforeItWasWrittenOut() {
        MongoEventStorageEngine engine = engine();
        engine.appendEvents(selected("73.71", 0));
        engine.close();
        // A crash right after the commit point: the head holds the events, the events collection does not.
        Document pendingEvent = pendingAfter(1L, "32.73");
        mongo.database().getCollection(EventLog.HEAD).updateOne(Filters.eq("_id", "head"),
                Updates.combine(Updates.set("position", 2L), Updates.set("pending", List.of(pendingEvent)),
                        Updates.set("lastHash", pendingEvent.getString("hash"))));
        assertThat(positions(engine)).containsExactly(1L);

        MongoEventStorageEngine restarted = engine();

        assertThat(positions(restarted)).containsExactly(1L, 2L);
        assertThat(restarted.lastSequenceNumberFor("32.73")).contains(0L);
        restarted.appendEvents(mou("32.73", 1));
        assertThat(positions(restarted)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void completesAnInterruptedWriteOutWhoseEventsAreAlreadyStored() {
        MongoEventStorageEngine engine = engine();
        engine.appendEvents(selected("73.71", 0));
        engine.appendEvents(selected("32.73", 0), mou("32.73", 1));
        engine.close();
        // A crash after the events were written out but before the head let go of them.
        List<Document> written = events().find(Filters.in("_id", 2L, 3L)).into(new ArrayList<>());
        head().updateOne(Filters.eq("_id", "head"), Updates.combine(Updates.set("pending", written),
                Updates.set("materialized", 1L)));

        MongoEventStorageEngine restarted = engine();

        assertThat(restarted.integrityAlarm()).isEmpty();
        assertThat(positions(restarted)).containsExactly(1L, 2L, 3L);
        restarted.appendEvents(selected("35.71", 0));
        assertThat(positions(restarted)).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void cannotCompleteAWriteOutOverAnotherEventAndSaysSo() {
        MongoEventStorageEngine engine = engine();
        engine.appendEvents(selected("73.71", 0));
        engine.appendEvents(selected("32.73", 0));
        engine.close();
        List<Document> written = events().find(Filters.eq("_id", 2L)).into(new ArrayList<>());
        head().updateOne(Filters.eq("_id", "head"), Updates.combine(Updates.set("pending", written),
                Updates.set("materialized", 1L)));
        events().updateOne(Filters.eq("_id", 2L), Updates.set("payload.name", "Kota Palsu"));

        MongoEventStorageEngine restarted = engine();

        assertThat(restarted.integrityAlarm()).hasValueSatisfying(alarm ->
                assertThat(alarm).contains("Position 2 holds another event"));
        assertThatThrownBy(() -> restarted.appendEvents(selected("35.71", 0)))
                .isInstanceOf(LedgerIntegrityException.class);
        assertThat(events().countDocuments()).isEqualTo(2);
    }

    @Test
    void refusesToChainOntoAForgedHeadAndResumesOnceItIsRestored() {
        MongoEventStorageEngine engine = engine();
        engine.appendEvents(selected("73.71", 0));
        engine.appendEvents(selected("32.73", 0));
        engine.close();
        String genuine = head().find().first().getString("lastHash");
        head().updateOne(Filters.eq("_id", "head"), Updates.set("lastHash", "ab".repeat(32)));

        MongoEventStorageEngine restarted = engine();

        assertThat(restarted.integrityAlarm()).hasValueSatisfying(alarm -> assertThat(alarm)
                .contains("The head records hash " + "ab".repeat(32) + " for position 2"));
        assertThatThrownBy(() -> restarted.appendEvents(selected("35.71", 0)))
                .isInstanceOf(LedgerIntegrityException.class);
        assertThat(events().countDocuments()).isEqualTo(2);

        head().updateOne(Filters.eq("_id", "head"), Updates.set("lastHash", genuine));
        restarted.appendEvents(selected("35.71", 0));

        assertThat(restarted.integrityAlarm()).isEmpty();
        assertThat(positions(restarted)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void refusesToAppendWhenAnEventLiesBeyondTheHeadOrTheLastEventWasChanged() {
        MongoEventStorageEngine engine = engine();
        engine.appendEvents(selected("73.71", 0));
        engine.appendEvents(selected("32.73", 0));
        engine.close();
        events().insertOne(pendingAfter(2L, "35.71"));

        MongoEventStorageEngine beyond = engine();

        assertThat(beyond.integrityAlarm()).hasValueSatisfying(alarm ->
                assertThat(alarm).contains("an event is stored at 3"));
        beyond.close();
        events().deleteOne(Filters.eq("_id", 3L));
        events().updateOne(Filters.eq("_id", 2L), Updates.set("payload.name", "Kota Palsu"));

        MongoEventStorageEngine changed = engine();

        assertThat(changed.integrityAlarm()).hasValueSatisfying(alarm ->
                assertThat(alarm).contains("The last event, at position 2, does not match its hash"));
        assertThatThrownBy(() -> changed.appendEvents(selected("35.71", 0)))
                .isInstanceOf(LedgerIntegrityException.class);
    }

    /** A well-formed event for position {@code previous + 1} of a new region, chained to the event at previous. */
    private Document pendingAfter(long previous, String code) {
        Document before = events().find(Filters.eq("_id", previous)).first();
        Document event = new Document(before);
        event.put("_id", previous + 1);
        event.put("eventId", "pending-" + code);
        event.put("aggregateId", code);
        event.put("seq", 0L);
        event.put(CanonicalEvent.PREVIOUS, before.getString("hash"));
        event.put("hash", CanonicalEvent.hex(CanonicalEvent.chain(CanonicalEvent.unhex(before.getString("hash")),
                event)));
        return event;
    }

    private com.mongodb.client.MongoCollection<Document> events() {
        return mongo.database().getCollection(EventLog.EVENTS);
    }

    private com.mongodb.client.MongoCollection<Document> head() {
        return mongo.database().getCollection(EventLog.HEAD);
    }

    @Test
    void feedsAxonTrackingStreamsInPositionOrder() throws Exception {
        MongoEventStorageEngine engine = engine();
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        for (int i = 1; i <= 250; i++) {
            engine.appendEvents(selected(String.format("%02d.%02d", 11 + i / 90, 1 + i % 90), 0));
        }
        List<Long> seen = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            // Axon's consumer may answer "nothing yet" while it moves from its own read to the shared cache: ask
            // again until a deadline; the order is still checked event by event below.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (seen.size() < 250 && System.nanoTime() < deadline) {
                if (stream.hasNextAvailable(1, java.util.concurrent.TimeUnit.SECONDS)) {
                    seen.add(stream.nextAvailable().trackingToken().position().orElseThrow());
                }
            }
            engine.appendEvents(mou("11.02", 1));
            assertThat(stream.hasNextAvailable(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            seen.add(stream.nextAvailable().trackingToken().position().orElseThrow());
        } finally {
            store.shutDown();
        }
        assertThat(seen).containsExactlyElementsOf(LongStream.rangeClosed(1, 251).boxed().toList());
    }

    @Test
    void recordedTimeNeverGoesBackAndTokensCanStartAtATime() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        MongoEventStorageEngine engine = engine(Clock.fixed(start, ZoneOffset.UTC));
        engine.appendEvents(selected("73.71", 0));
        engine.close();
        engines.remove(engine);
        MongoEventStorageEngine later = engine(Clock.fixed(start.plusSeconds(60), ZoneOffset.UTC));
        later.appendEvents(selected("32.73", 0));
        later.close();
        engines.remove(later);
        MongoEventStorageEngine skewed = engine(Clock.fixed(start.minusSeconds(3600), ZoneOffset.UTC));
        skewed.appendEvents(selected("11.71", 0));

        List<String> recorded = skewed.readEvents(new GlobalSequenceTrackingToken(0), false)
                .map(TrackedEventMessage::getMetaData).map(meta -> (String) meta.get("recordedAt"))
                .collect(Collectors.toList());
        assertThat(recorded).isSorted();
        assertThat(skewed.createTokenAt(start.plusSeconds(30))).isEqualTo(new GlobalSequenceTrackingToken(1));
        assertThat(skewed.createTokenAt(start.minusSeconds(1))).isEqualTo(new GlobalSequenceTrackingToken(0));
        assertThat(skewed.createHeadToken()).isEqualTo(new GlobalSequenceTrackingToken(3));
    }
}
