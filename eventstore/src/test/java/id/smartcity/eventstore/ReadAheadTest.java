package id.smartcity.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCursor;
import id.smartcity.eventstore.testing.EmbeddedMongo;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A cursor read ahead by its own thread: every document once and in order, a failure passed on, a close obeyed. */
class ReadAheadTest {
    private static final int DOCUMENTS = 2_500;
    private EmbeddedMongo mongo;
    private EventLog log;

    @BeforeEach
    void setUp() {
        mongo = new EmbeddedMongo();
        log = new EventLog(mongo.database(), ReadStrategy.EMBEDDED_SERVER);
        List<Document> documents = new ArrayList<>();
        LongStream.rangeClosed(1, DOCUMENTS).forEach(n -> documents.add(new Document(EventLog.ID, n)));
        log.events().insertMany(documents);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private ReadAhead readAhead() {
        return new ReadAhead(() -> log.events().find().batchSize(100).iterator(), 64, 2);
    }

    @Test
    void yieldsEveryDocumentOfTheCursorInItsOrder() {
        List<Long> read = new ArrayList<>();
        try (ReadAhead documents = readAhead()) {
            documents.forEachRemaining(document -> read.add(document.getLong(EventLog.ID)));
            assertThat(documents.hasNext()).isFalse();
        }
        assertThat(read).containsExactlyElementsOf(LongStream.rangeClosed(1, DOCUMENTS).boxed().toList());
    }

    @Test
    void passesOnAQueryThatFailsToTheReader() {
        try (ReadAhead documents = new ReadAhead(() -> {
            throw new MongoException("server unreachable");
        }, 64, 2)) {
            assertThatThrownBy(documents::hasNext).isInstanceOf(MongoException.class).hasMessage("server unreachable");
        }
    }

    @Test
    void stopsReadingWhenClosedBeforeTheEnd() {
        ReadAhead documents = readAhead();
        assertThat(documents.next().getLong(EventLog.ID)).isEqualTo(1L);

        documents.close();

        assertThat(documents.reading()).isFalse();
    }

    @Test
    void passesTheCursorsFailureToTheReader() {
        AtomicInteger served = new AtomicInteger();
        AtomicBoolean closed = new AtomicBoolean();
        MongoCursor<?> failing = (MongoCursor<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MongoCursor.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "hasNext" -> true;
                    case "available" -> 0;
                    case "next" -> {
                        if (served.incrementAndGet() > 3) {
                            throw new MongoException("connection reset");
                        }
                        yield new Document(EventLog.ID, (long) served.get());
                    }
                    case "close" -> {
                        closed.set(true);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        @SuppressWarnings("unchecked")
        ReadAhead documents = new ReadAhead(() -> (MongoCursor<Document>) failing, 64, 2);

        List<Long> read = new ArrayList<>();
        assertThatThrownBy(() -> documents.forEachRemaining(document -> read.add(document.getLong(EventLog.ID))))
                .isInstanceOf(MongoException.class).hasMessage("connection reset");
        assertThat(read).containsExactly(1L, 2L, 3L);
        documents.close();
        assertThat(closed).isTrue();
    }
}
