package id.smartcity.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import id.smartcity.eventstore.testing.EmbeddedMongo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Long spans of the log are streamed window by window and come out in position order, gaps left out, whichever read
 * strategy reads them.
 */
class EventLogStreamTest {
    private static final int WINDOW = 20_000;
    private static final int EVENTS = WINDOW + 2 * EventLog.STREAM_THRESHOLD;
    private EmbeddedMongo mongo;
    private EventLog log;

    @BeforeEach
    void setUp() {
        mongo = new EmbeddedMongo();
    }

    /** Each strategy on the embedded server (a range read is only slower there): the promises are the log's. */
    private void readWith(ReadStrategy strategy) {
        log = new EventLog(mongo.database(), strategy, WINDOW);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private void insert(List<Long> positions) {
        List<Document> documents = new ArrayList<>();
        positions.forEach(position -> documents.add(new Document(EventLog.ID, position).append("n", position)));
        for (int start = 0; start < documents.size(); start += 1000) {
            log.events().insertMany(documents.subList(start, Math.min(documents.size(), start + 1000)));
        }
    }

    private List<Long> streamed(long from, long to) {
        try (Stream<Document> events = log.stream(from, to)) {
            return events.map(event -> event.getLong(EventLog.ID)).toList();
        }
    }

    @ParameterizedTest
    @EnumSource(ReadStrategy.class)
    void streamsALongSpanInPositionOrder(ReadStrategy strategy) {
        readWith(strategy);
        insert(LongStream.rangeClosed(1, EVENTS).boxed().toList());

        assertThat(streamed(1, EVENTS)).containsExactlyElementsOf(LongStream.rangeClosed(1, EVENTS).boxed().toList());
        assertThat(streamed(100, EVENTS - 100)).hasSize(EVENTS - 199).startsWith(100L).endsWith(EVENTS - 100L);
    }

    @ParameterizedTest
    @EnumSource(ReadStrategy.class)
    void putsEventsWrittenOutOfOrderBackInOrder(ReadStrategy strategy) {
        readWith(strategy);
        List<Long> shuffled = new ArrayList<>(LongStream.rangeClosed(1, EVENTS).boxed().toList());
        Collections.shuffle(shuffled, new java.util.Random(42));
        insert(shuffled);

        assertThat(streamed(1, EVENTS)).containsExactlyElementsOf(LongStream.rangeClosed(1, EVENTS).boxed().toList());
    }

    @ParameterizedTest
    @EnumSource(ReadStrategy.class)
    void leavesOutAPositionWithNoEvent(ReadStrategy strategy) {
        readWith(strategy);
        insert(LongStream.rangeClosed(1, EVENTS).filter(position -> position != 5000).boxed().toList());

        List<Long> positions = streamed(1, EVENTS);
        assertThat(positions).hasSize(EVENTS - 1).doesNotContain(5000L);
        assertThat(positions.get(4998)).isEqualTo(4999L);
        assertThat(positions.get(4999)).isEqualTo(5001L);
    }
}
