package id.smartcity.eventstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import id.smartcity.eventstore.EventSerialization;
import id.smartcity.eventstore.MongoEventStorageEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What any Axon storage engine promises, asked of this one: the cases of Axon's own {@code EventStorageEngineTest}
 * and {@code AbstractEventStorageEngineTest} (which Axon does not publish as a test jar), written again here with
 * neutral payloads, plus the store's own promises (gap-free positions, recorded times that drive the tokens).
 * Each server the store runs on gets a subclass that supplies an empty database.
 *
 * <p>Where this store differs from Axon's JPA and JDBC engines, on purpose, the case says so: a token at an instant
 * follows the time the store recorded an event, never the time its sender claimed.
 */
public abstract class EventStorageEngineConformance {
    protected static final String AGGREGATE = "account-1";
    private static final Instant START = Instant.parse("2007-12-03T10:15:00Z");

    private final List<MongoEventStorageEngine> engines = new ArrayList<>();
    private final MovableClock clock = new MovableClock(START);
    private MongoEventStorageEngine engine;

    /** An empty database on the server under test. */
    protected abstract MongoDatabase emptyDatabase();

    /** Neutral payloads: the store knows nothing of any domain. */
    @Revision("1")
    public record Deposited(String account, long cents, String note) {
    }

    @BeforeEach
    void createEngine() {
        engine = engine(builder -> builder);
    }

    @AfterEach
    void closeEngines() {
        engines.forEach(MongoEventStorageEngine::close);
    }

    private MongoEventStorageEngine engine(UnaryOperator<MongoEventStorageEngine.Builder> customization) {
        MongoEventStorageEngine.Builder builder = MongoEventStorageEngine.builder().database(emptyDatabase())
                .eventSerializer(EventSerialization.serializer())
                .snapshotSerializer(EventSerialization.serializer()).clock(clock);
        MongoEventStorageEngine created = customization.apply(builder).build();
        engines.add(created);
        return created;
    }

    static DomainEventMessage<Deposited> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Account", aggregate, sequence,
                new Deposited(aggregate, 100 * (sequence + 1), "deposit " + sequence), MetaData.with("key", "value"));
    }

    static DomainEventMessage<Deposited> event(long sequence) {
        return event(AGGREGATE, sequence);
    }

    static List<DomainEventMessage<?>> events(int count) {
        return IntStream.range(0, count).<DomainEventMessage<?>>mapToObj(EventStorageEngineConformance::event)
                .toList();
    }

    private List<TrackedEventMessage<?>> readAll(TrackingToken after) {
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(after, false)) {
            return new ArrayList<>(stream.toList());
        }
    }

    private static List<String> identifiers(List<? extends EventMessage<?>> events) {
        return events.stream().map(EventMessage::getIdentifier).toList();
    }

    @Test
    void storesAndLoadsTheEventsOfEachAggregateApart() {
        engine.appendEvents(events(4));
        assertThat(engine.readEvents(AGGREGATE).asStream().count()).isEqualTo(4);

        engine.appendEvents(event("account-2", 0));

        assertThat(engine.readEvents(AGGREGATE).asStream().count()).isEqualTo(4);
        assertThat(engine.readEvents("account-2").asStream().count()).isEqualTo(1);
    }

    @Test
    void storesAndLoadsEventsGivenAsAnArray() {
        engine.appendEvents(event(0), event(1));

        List<Object> payloads = engine.readEvents(AGGREGATE).asStream().map(event -> (Object) event.getPayload())
                .toList();
        assertThat(payloads).containsExactly(event(0).getPayload(), event(1).getPayload());
    }

    @Test
    void storesAndLoadsAnEventOutsideAnyAggregate() {
        engine.appendEvents(new GenericEventMessage<>(new Deposited("none", 1, "application event"),
                MetaData.with("key", "value")));

        List<TrackedEventMessage<?>> read = readAll(null);

        assertThat(read).hasSize(1);
        assertThat(read.get(0).getPayload()).isEqualTo(new Deposited("none", 1, "application event"));
        assertThat(read.get(0).getMetaData()).containsEntry("key", "value");
    }

    @Test
    void anEventReadBackAltersItsMetadataLikeAnyMessage() {
        engine.appendEvents(event(0));
        DomainEventMessage<?> read = engine.readEvents(AGGREGATE).next();

        DomainEventMessage<?> altered = read.withMetaData(Map.of("key2", "value"));
        DomainEventMessage<?> combined = read.andMetaData(Map.of("key2", "value"));

        assertThat(altered.getMetaData()).containsKey("key2").doesNotContainKey("key");
        assertThat(combined.getMetaData()).containsKeys("key", "key2");
        assertThat(read.getPayload()).isNotNull();
        assertThat(read.getMetaData()).containsEntry("key", "value");
    }

    @Test
    void anAggregateWithoutEventsReadsEmpty() {
        assertThat(engine.readEvents(UUID.randomUUID().toString()).asStream().count()).isZero();
    }

    @Test
    void readsAnAggregateFromAGivenSequence() {
        engine.appendEvents(events(5));

        assertThat(engine.readEvents(AGGREGATE, 2).asStream().toList()).extracting(DomainEventMessage::getSequenceNumber)
                .containsExactly(2L, 3L, 4L);
    }

    @Test
    void keepsTheSnapshotOfTheHighestSequenceWhateverTheOrderTheyCome() {
        engine.storeSnapshot(event(0));
        engine.storeSnapshot(event(1));
        engine.storeSnapshot(event(3));
        engine.storeSnapshot(event(2));

        assertThat(engine.readSnapshot(AGGREGATE)).get().extracting(DomainEventMessage::getSequenceNumber)
                .isEqualTo(3L);
    }

    @Test
    void aSnapshotFilterDecidesWhichSnapshotsAreRead() {
        MongoEventStorageEngine allowing = engine(builder -> (MongoEventStorageEngine.Builder) builder
                .snapshotFilter(SnapshotFilter.allowAll()));
        allowing.storeSnapshot(event(1));
        assertThat(allowing.readSnapshot(AGGREGATE)).isPresent();

        MongoEventStorageEngine refusing = engine(builder -> (MongoEventStorageEngine.Builder) builder
                .snapshotFilter(SnapshotFilter.allowAll().combine(SnapshotFilter.rejectAll())));
        assertThat(refusing.readSnapshot(AGGREGATE)).isEmpty();
    }

    @Test
    void tracksEveryEventInTheOrderItWasStored() {
        engine.appendEvents(events(4));
        assertThat(readAll(null)).hasSize(4);

        DomainEventMessage<?> other = event("account-2", 0);
        engine.appendEvents(other);

        List<TrackedEventMessage<?>> read = readAll(null);
        assertThat(read).hasSize(5);
        assertThat(read.get(4).getIdentifier()).isEqualTo(other.getIdentifier());
        assertThat(read).extracting(event -> event.trackingToken().position().orElseThrow())
                .as("gap-free positions from 1").containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void tracksFromAGivenTokenOn() {
        List<DomainEventMessage<?>> stored = events(4);
        engine.appendEvents(stored);
        TrackingToken first = readAll(null).get(0).trackingToken();

        assertThat(identifiers(readAll(first))).isEqualTo(identifiers(stored.subList(1, 4)));
    }

    @Test
    void theTailTokenReadsEverythingAndTheHeadTokenNothing() {
        engine.appendEvents(events(3));

        assertThat(identifiers(readAll(engine.createTailToken()))).isEqualTo(identifiers(readAll(null)));
        assertThat(readAll(engine.createHeadToken())).isEmpty();
    }

    @Test
    void aTokenAtAnInstantFollowsTheTimeTheStoreRecordedNotTheTimeTheSenderClaimed() {
        // Axon's engines follow the event's own timestamp; a ledger must not let a sender date an event back.
        DomainEventMessage<?> first = event(0);
        engine.appendEvents(first);
        clock.set(START.plusSeconds(40));
        DomainEventMessage<?> second = event(1);
        engine.appendEvents(second);
        clock.set(START.plusSeconds(50));
        DomainEventMessage<?> third = event(2);
        engine.appendEvents(third);

        assertThat(identifiers(readAll(engine.createTokenAt(START.plusSeconds(30)))))
                .containsExactly(second.getIdentifier(), third.getIdentifier());
        assertThat(identifiers(readAll(engine.createTokenAt(START.plusSeconds(40)))))
                .as("an event recorded at exactly the instant is included")
                .containsExactly(second.getIdentifier(), third.getIdentifier());
        assertThat(identifiers(readAll(engine.createTokenAt(START.minusSeconds(1))))).hasSize(3);
        assertThat(readAll(engine.createTokenAt(START.plusSeconds(60)))).isEmpty();
    }

    @Test
    void twoEventsWithOneSequenceAreRefusedAndNeitherIsStored() {
        assertThatThrownBy(() -> engine.appendEvents(event(0), event(0))).isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(event(AGGREGATE, 1), event("account-2", 0), event(1)))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(readAll(null)).isEmpty();
        engine.appendEvents(event(0));
        assertThat(readAll(null)).as("the valid form of the same commit is stored").hasSize(1);
    }

    @Test
    void anUpcasterThatDoublesEachEventIsAppliedOnRead() {
        EventUpcaster doubling = representations -> representations.flatMap(event -> Stream.of(event, event));
        MongoEventStorageEngine upcasting = engine(builder -> (MongoEventStorageEngine.Builder) builder
                .upcasterChain(doubling));

        upcasting.appendEvents(events(4));
        List<? extends DomainEventMessage<?>> read = upcasting.readEvents(AGGREGATE).asStream().toList();

        assertThat(read).hasSize(8);
        for (int i = 0; i < read.size(); i += 2) {
            assertThat(read.get(i).getSequenceNumber()).isEqualTo(read.get(i + 1).getSequenceNumber());
            assertThat(read.get(i).getPayload()).isEqualTo(read.get(i + 1).getPayload());
        }
    }

    /** A clock the test moves: the store stamps each event with the time it records it. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
