package id.smartcity.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The collections of the event store and the shape of their documents.
 * <ul>
 * <li>{@code events}: one document per event, {@code _id} = its global position 1, 2, 3, ...</li>
 * <li>{@code event_streams}: per aggregate, its last sequence number and the positions of its events, so that an
 * aggregate loads by {@code _id} lookups and never by scanning the log.</li>
 * <li>{@code event_head}: one document, the commit point: the last position handed out, the last one fully written,
 * and the events of a commit that is still being written.</li>
 * </ul>
 */
public final class EventLog {
    public static final String EVENTS = "events";
    public static final String STREAMS = "event_streams";
    public static final String HEAD = "event_head";
    public static final String SNAPSHOTS = "event_snapshots";

    public static final String ID = "_id";
    public static final String EVENT_ID = "eventId";
    public static final String AGGREGATE_TYPE = "aggregateType";
    public static final String AGGREGATE_ID = "aggregateId";
    public static final String SEQUENCE = "seq";
    public static final String TYPE = "type";
    public static final String REVISION = "revision";
    public static final String TIMESTAMP = "timestamp";
    public static final String PAYLOAD = "payload";
    public static final String META = "meta";

    public static final String HEAD_ID = "head";
    public static final String POSITION = "position";
    public static final String MATERIALIZED = "materialized";
    public static final String PENDING = "pending";
    public static final String LAST_RECORDED_AT = "lastRecordedAt";
    public static final String LAST_HASH = "lastHash";
    public static final String LAST_SEQUENCE = "lastSeq";
    public static final String POSITIONS = "positions";
    /** Spans at least this long are streamed through one cursor rather than fetched position by position. */
    static final int STREAM_THRESHOLD = 4096;
    private static final int STREAM_BATCH = 1000;
    /** Batches a long read keeps ready ahead of its reader (of {@value #STREAM_BATCH} events each). */
    private static final int READ_AHEAD_BATCHES = 4;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> streams;
    private final MongoCollection<Document> head;
    private final MongoCollection<Document> snapshots;
    private final ReadStrategy reads;
    private final int streamWindow;

    public EventLog(MongoDatabase database, ReadStrategy reads) {
        this(database, reads, reads.window());
    }

    EventLog(MongoDatabase database, ReadStrategy reads, int streamWindow) {
        this.reads = reads;
        this.streamWindow = streamWindow;
        // The head is the commit point: it must be durable on a majority before anything is acknowledged.
        WriteConcern durable = WriteConcern.MAJORITY.withJournal(true);
        this.events = database.getCollection(EVENTS).withWriteConcern(durable);
        this.streams = database.getCollection(STREAMS).withWriteConcern(durable);
        this.head = database.getCollection(HEAD).withWriteConcern(durable);
        this.snapshots = database.getCollection(SNAPSHOTS);
    }

    /** Creates the indexes and the head document if they are missing; safe to call from every instance. */
    public void initialize() {
        events.createIndex(Indexes.ascending(EVENT_ID), new IndexOptions().unique(true).name("eventId_unique"));
        events.createIndex(Indexes.ascending(AGGREGATE_ID, SEQUENCE),
                new IndexOptions().unique(true).name("aggregate_sequence_unique"));
        head.updateOne(eq(ID, HEAD_ID), Updates.combine(Updates.setOnInsert(POSITION, 0L),
                Updates.setOnInsert(MATERIALIZED, 0L)), new UpdateOptions().upsert(true));
    }

    public MongoCollection<Document> events() {
        return events;
    }

    public MongoCollection<Document> streams() {
        return streams;
    }

    public MongoCollection<Document> head() {
        return head;
    }

    MongoCollection<Document> snapshots() {
        return snapshots;
    }

    public Document readHead() {
        Document document = head.find(eq(ID, HEAD_ID)).first();
        if (document == null) {
            throw new IllegalStateException("The event store is not initialized: no head document");
        }
        return document;
    }

    /** The highest position up to which every event is written: readers never look past it. */
    public long materializedHead() {
        // Only the number: the head may hold a whole commit's events, which readers have no use for.
        Document document = head.find(eq(ID, HEAD_ID)).projection(new Document(MATERIALIZED, 1)).first();
        if (document == null) {
            throw new IllegalStateException("The event store is not initialized: no head document");
        }
        return document.getLong(MATERIALIZED);
    }

    /**
     * The positions of the events of each stream whose identifier starts with {@code prefix}, up to {@code upTo}
     * (the materialized head, for callers that must not see a commit still being written).
     */
    public Map<String, List<Long>> streamPositions(String prefix, long upTo) {
        Map<String, List<Long>> positions = new TreeMap<>();
        streams.find(regex(ID, "^" + Pattern.quote(prefix))).forEach(stream ->
                positions.put(stream.getString(ID), upTo(stream, upTo)));
        return positions;
    }

    /** The positions of the events of one stream, up to {@code upTo}; empty for a stream with no events. */
    public List<Long> streamPositionsOf(String streamId, long upTo) {
        Document stream = streams.find(eq(ID, streamId)).first();
        return stream == null ? List.of() : upTo(stream, upTo);
    }

    private static List<Long> upTo(Document stream, long upTo) {
        return stream.getList(POSITIONS, Long.class).stream().filter(position -> position <= upTo).toList();
    }

    /** How this log reads from its server. */
    public ReadStrategy reads() {
        return reads;
    }

    /** The events at the given positions, in position order; a position with no event is left out. */
    public List<Document> eventsAt(List<Long> positions, Bson projection) {
        List<Document> found = new ArrayList<>(positions.size());
        reads.findByIds(events, positions, projection, found);
        found.sort(Comparator.comparingLong(document -> document.getLong(ID)));
        return found;
    }

    /** The events at positions {@code from..to}, in order, fetched by listing their positions. */
    public List<Document> eventsBetween(long from, long to) {
        if (to < from) {
            return List.of();
        }
        return eventsAt(LongStream.rangeClosed(from, to).boxed().toList(), null);
    }

    /**
     * The events at positions {@code from..to}, in order, streamed: a long span is read through cursors of the read
     * strategy's window (on the embedded server in the collection's natural order, the order of insertion, put back
     * in position order through a bounded buffer); a short span is fetched by listing positions. A position with no event
     * is left out: callers that care see the jump. Close the stream to release the cursor.
     */
    public Stream<Document> stream(long from, long to) {
        if (to - from + 1 < STREAM_THRESHOLD) {
            return eventsBetween(from, to).stream();
        }
        // One cursor per window: the embedded server holds a cursor's whole result until it is read (ADR 11).
        Windows windows = new Windows(from, to);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(windows, Spliterator.ORDERED
                | Spliterator.NONNULL), false).onClose(windows::close);
    }

    /** The windows of a span one after the other, each read through its own cursor, opened when reached. */
    private final class Windows implements Iterator<Document>, AutoCloseable {
        private final long to;
        private long nextStart;
        private ReadAhead cursor;
        private InOrder current;

        Windows(long from, long to) {
            this.nextStart = from;
            this.to = to;
        }

        @Override
        public boolean hasNext() {
            while (current == null || !current.hasNext()) {
                close();
                if (nextStart > to) {
                    return false;
                }
                long start = nextStart;
                long end = Math.min(to, start + streamWindow - 1);
                cursor = new ReadAhead(() -> reads.span(events, start, end).batchSize(STREAM_BATCH).iterator(),
                        STREAM_BATCH, READ_AHEAD_BATCHES);
                current = new InOrder(cursor, start, end);
                nextStart = end + 1;
            }
            return true;
        }

        @Override
        public Document next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }

        @Override
        public void close() {
            if (cursor != null) {
                cursor.close();
                cursor = null;
            }
            current = null;
        }
    }

    /** Re-orders a natural-order cursor by position, looking up a position directly if it is long overdue. */
    private final class InOrder implements Iterator<Document> {
        private static final int MAX_BUFFERED = 10_000;
        private final Iterator<Document> cursor;
        private final TreeMap<Long, Document> early = new TreeMap<>();
        private final long to;
        private long expected;
        private Document next;

        InOrder(Iterator<Document> cursor, long from, long to) {
            this.cursor = cursor;
            this.expected = from;
            this.to = to;
        }

        @Override
        public boolean hasNext() {
            while (next == null && expected <= to) {
                Document buffered = early.remove(expected);
                if (buffered != null) {
                    take(buffered);
                } else if (cursor.hasNext() && early.size() < MAX_BUFFERED) {
                    Document document = cursor.next();
                    long position = document.getLong(ID);
                    if (position == expected) {
                        take(document);
                    } else if (position > expected) {
                        early.put(position, document);
                    }
                } else {
                    // Overdue: the cursor ended or the buffer is full without it. Ask for it; absent means a gap.
                    Document direct = eventAt(expected);
                    if (direct != null) {
                        take(direct);
                    } else {
                        expected++;
                    }
                }
            }
            return next != null;
        }

        private void take(Document document) {
            next = document;
            expected = document.getLong(ID) + 1;
        }

        @Override
        public Document next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Document document = next;
            next = null;
            return document;
        }
    }

    static AppendedEvent appended(Document event) {
        return new AppendedEvent(event.getString(EVENT_ID), event.getLong(ID), event.getString(TYPE),
                event.getString(AGGREGATE_ID), event.getLong(SEQUENCE));
    }

    public Document eventAt(long position) {
        return events.find(eq(ID, position)).first();
    }
}
