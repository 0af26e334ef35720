package id.smartcity.eventstore;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.MongoException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * How spans of the log, and documents by their keys, are read from the server the store runs on (ADR 17). Only the
 * way of reading differs; what a read promises (every position in order, a missing one seen as a gap, nothing past
 * the materialized head) is {@link EventLog}'s, whichever strategy reads.
 */
public enum ReadStrategy {
    /**
     * mongo-java-server, the ledger's embedded default. It answers a range on {@code _id} by scanning the whole
     * collection and holds a cursor's whole result until it is read, but answers {@code $in} on {@code _id} from its
     * index, checking each document found against the whole list. So: short spans as lists of positions in chunks,
     * long spans as windows in the collection's natural order (put back in position order by the log).
     */
    EMBEDDED_SERVER(128, 250_000, false),
    /** A real MongoDB: a range on {@code _id} is read from its index, in order, through one cursor of any length. */
    RANGE(1000, Integer.MAX_VALUE, true);

    private final int listChunk;
    private final int window;
    private final boolean ordered;

    ReadStrategy(int listChunk, int window, boolean ordered) {
        this.listChunk = listChunk;
        this.window = window;
        this.ordered = ordered;
    }

    /**
     * Which server answers: the embedded server's {@code buildInfo} has no {@code gitVersion}, every MongoDB's has
     * (and {@code buildInfo} needs no privilege). A server that cannot be asked is treated as the embedded one, whose
     * reads are correct on any server, only slower.
     */
    public static ReadStrategy detect(MongoDatabase database) {
        try {
            Document info = database.runCommand(new Document("buildInfo", 1));
            return info.containsKey("gitVersion") ? RANGE : EMBEDDED_SERVER;
        } catch (MongoException e) {
            return EMBEDDED_SERVER;
        }
    }

    /** How many keys one {@code $in} list holds. */
    public int listChunk() {
        return listChunk;
    }

    /** Positions one cursor of a long read covers. */
    int window() {
        return window;
    }

    /** Whether {@link #span} returns its documents in position order. */
    boolean ordered() {
        return ordered;
    }

    /** The documents with the given {@code _id}s, in chunks of {@link #listChunk()}, in no particular order. */
    public <K> void findByIds(MongoCollection<Document> collection, List<K> ids, Bson projection,
                              Collection<Document> into) {
        for (int start = 0; start < ids.size(); start += listChunk) {
            FindIterable<Document> found = collection.find(in("_id", ids.subList(start,
                    Math.min(ids.size(), start + listChunk))));
            (projection == null ? found : found.projection(projection)).into(into);
        }
    }

    /** A cursor over the events at positions {@code from..to}: in order if {@link #ordered()}, else in natural order. */
    FindIterable<Document> span(MongoCollection<Document> events, long from, long to) {
        FindIterable<Document> found = events.find(and(gte(EventLog.ID, from), lte(EventLog.ID, to)));
        return ordered ? found.sort(Sorts.ascending(EventLog.ID)) : found;
    }
}
