package id.smartcity.ledger.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;
import org.bson.Document;

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
    static final int FETCH_CHUNK = 128;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> streams;
    private final MongoCollection<Document> head;
    private final MongoCollection<Document> snapshots;

    public EventLog(MongoDatabase database) {
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
        return readHead().getLong(MATERIALIZED);
    }

    /**
     * The events at positions {@code from..to}, in order, fetched by listing their positions: the embedded server
     * answers {@code _id} lookups from its index but scans the whole collection for a sorted range. It also checks
     * every document found against the whole {@code $in} list, so one list of n positions costs n squared
     * comparisons: lists of {@value #FETCH_CHUNK} keep that small and the round trips few (profiled: a list of 1,000
     * spent a quarter of the server's time in that check).
     */
    public List<Document> eventsBetween(long from, long to) {
        if (to < from) {
            return List.of();
        }
        List<Document> found = new ArrayList<>((int) (to - from + 1));
        for (long start = from; start <= to; start += FETCH_CHUNK) {
            List<Long> positions = LongStream.rangeClosed(start, Math.min(to, start + FETCH_CHUNK - 1)).boxed()
                    .toList();
            events.find(in(ID, positions)).into(found);
        }
        found.sort(Comparator.comparingLong(document -> document.getLong(ID)));
        return found;
    }

    static AppendedEvent appended(Document event) {
        return new AppendedEvent(event.getString(EVENT_ID), event.getLong(ID), event.getString(TYPE),
                event.getString(AGGREGATE_ID), event.getLong(SEQUENCE));
    }

    public Document eventAt(long position) {
        return events.find(eq(ID, position)).first();
    }
}
