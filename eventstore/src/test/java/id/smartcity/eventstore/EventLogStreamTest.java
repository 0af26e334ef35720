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
import org.junit.jupiter.api.Test;

/** Long spans of the log are streamed through one cursor and come out in position order, gaps left out. */
class EventLogStreamTest {
    private static final int WINDOW = 20_000;
    private static final int EVENTS = WINDOW + 2 * EventLog.STREAM_THRESHOLD;
    private EmbeddedMongo mongo;
    private EventLog log;

    @BeforeEach
    void setUp() {
        mongo = new EmbeddedMongo();
        log = new EventLog(mongo.database(), WINDOW);
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

    @Test
    void streamsALongSpanInPositionOrder() {
        insert(LongStream.rangeClosed(1, EVENTS).boxed().toList());

        assertThat(streamed(1, EVENTS)).containsExactlyElementsOf(LongStream.rangeClosed(1, EVENTS).boxed().toList());
        assertThat(streamed(100, EVENTS - 100)).hasSize(EVENTS - 199).startsWith(100L).endsWith(EVENTS - 100L);
    }

    @Test
    void putsEventsWrittenOutOfOrderBackInOrder() {
        List<Long> shuffled = new ArrayList<>(LongStream.rangeClosed(1, EVENTS).boxed().toList());
        Collections.shuffle(shuffled, new java.util.Random(42));
        insert(shuffled);

        assertThat(streamed(1, EVENTS)).containsExactlyElementsOf(LongStream.rangeClosed(1, EVENTS).boxed().toList());
    }

    @Test
    void leavesOutAPositionWithNoEvent() {
        insert(LongStream.rangeClosed(1, EVENTS).filter(position -> position != 5000).boxed().toList());

        List<Long> positions = streamed(1, EVENTS);
        assertThat(positions).hasSize(EVENTS - 1).doesNotContain(5000L);
        assertThat(positions.get(4998)).isEqualTo(4999L);
        assertThat(positions.get(4999)).isEqualTo(5001L);
    }
}
