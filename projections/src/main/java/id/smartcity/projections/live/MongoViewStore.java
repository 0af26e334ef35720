package id.smartcity.projections.live;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import id.smartcity.eventstore.ReadStrategy;
import id.smartcity.projections.model.ViewStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;

/**
 * A read model's documents in MongoDB. Inside an event processor's batch, reads see the batch's own writes and all
 * writes go out in one bulk write at the end of the batch; elsewhere (queries) it reads the collection.
 */
public final class MongoViewStore<V> implements ViewStore<V> {
    private final MongoCollection<Document> collection;
    private final MongoCollection<Document> positions;
    private final ObjectMapper json;
    private final Class<V> type;
    private final String bufferKey;
    private final ReadStrategy reads;

    private static final String POSITION = "position";
    /** Set while a rebuild replays the log: the head it must reach before its documents are whole again. */
    private static final String REBUILDING_TO = "rebuildingTo";
    /** The shape of the documents the projectors write ({@link ReadModels#FORMAT}), kept with the position. */
    private static final String FORMAT = "format";

    /** {@code positions} keeps, per read model, the last event position its documents include. */
    public MongoViewStore(MongoCollection<Document> collection, MongoCollection<Document> positions, ObjectMapper json,
                          Class<V> type, ReadStrategy reads) {
        this.reads = reads;
        this.collection = collection;
        this.positions = positions;
        this.json = json;
        this.type = type;
        this.bufferKey = "view-buffer:" + collection.getNamespace().getCollectionName();
    }

    @Override
    public V find(String id) {
        Map<String, V> buffer = buffer();
        if (buffer != null && buffer.containsKey(id)) {
            return buffer.get(id);
        }
        if (buffer != null && absent().contains(id)) {
            return null;
        }
        Document document = collection.find(eq("_id", id)).first();
        return document == null ? null : read(document);
    }

    @Override
    public void save(String id, V view) {
        Map<String, V> buffer = buffer();
        if (buffer != null) {
            buffer.put(id, view);
        } else {
            flush(Map.of(id, view));
        }
    }

    @Override
    public Collection<V> all() {
        // Batches keep each reply small: the embedded server otherwise answers the whole collection at once.
        return collection.find().batchSize(1000).map(this::read).into(new ArrayList<>());
    }

    /** Every document with its id, streamed in batches: memory holds a batch, not the collection. */
    public void forEachWithId(java.util.function.BiConsumer<String, V> action) {
        collection.find().batchSize(1000).forEach(document -> action.accept(document.getString("_id"),
                read(document)));
    }

    public String collectionName() {
        return collection.getNamespace().getCollectionName();
    }

    public void drop() {
        // An empty or missing collection is left alone: the embedded server logs an error for dropping a missing one.
        if (collection.estimatedDocumentCount() > 0) {
            collection.drop();
        }
        positions.deleteOne(eq("_id", collectionName()));
    }

    /**
     * Loads the documents a batch will ask for into the batch's buffer in a few {@code $in} queries, and remembers
     * which do not exist, so that the projector's lookups during the batch cost no round trip.
     */
    public void prefetch(Collection<String> ids) {
        Map<String, V> buffer = buffer();
        if (buffer == null || ids.isEmpty()) {
            return;
        }
        List<String> wanted = ids.stream().distinct().filter(id -> !buffer.containsKey(id)).toList();
        Map<String, V> found = new HashMap<>();
        List<Document> documents = new ArrayList<>(wanted.size());
        reads.findByIds(collection, wanted, null, documents);
        documents.forEach(document -> found.put(document.getString("_id"), read(document)));
        Set<String> absent = absent();
        wanted.forEach(id -> {
            if (found.containsKey(id)) {
                buffer.put(id, found.get(id));
            } else {
                absent.add(id);
            }
        });
    }

    /** Where a read model stands: the last position its documents include, and the head a rebuild must reach. */
    record Progress(long position, Long rebuildingTo) {
        boolean rebuilding() {
            return rebuildingTo != null && position < rebuildingTo;
        }
    }

    /** Every read model's progress as its flushes recorded it, by collection name, in one round trip. */
    static Map<String, Progress> positions(MongoCollection<Document> positions) {
        Map<String, Progress> byCollection = new HashMap<>();
        positions.find().forEach(document -> byCollection.put(document.getString("_id"), new Progress(
                document.get(POSITION, Number.class).longValue(),
                document.get(REBUILDING_TO) instanceof Number target ? target.longValue() : null)));
        return byCollection;
    }

    /** After {@link #drop()} for a rebuild: the documents are not whole until the log's head as it is now. */
    /**
     * Whether this read model holds documents of another shape than the projectors now write: built by an older
     * version (no format recorded) or a newer one. An empty read model (nothing applied yet) never does.
     */
    public boolean builtInAnotherFormat() {
        Document progress = positions.find(eq("_id", collectionName())).first();
        return progress != null && progress.get(POSITION, Number.class).longValue() > 0
                && !Integer.valueOf(ReadModels.FORMAT).equals(progress.get(FORMAT));
    }

    public void markRebuilding(long head) {
        positions.updateOne(eq("_id", collectionName()), Updates.combine(Updates.set(POSITION, 0L),
                Updates.set(REBUILDING_TO, head), Updates.set(FORMAT, ReadModels.FORMAT)),
                new UpdateOptions().upsert(true));
    }

    /**
     * Writes the batch's documents when its last event has been handled. Axon stores the processor's token when the
     * batch commits; writing the documents before that means a crash can only make the token lag behind them, and a
     * redelivered event is skipped by the documents' last position. Never the other way round, which would lose it.
     */
    public void flushAtEndOfBatch(long position) {
        UnitOfWork<?> batch = endOfBatch();
        if (batch == null) {
            return;
        }
        Map<String, V> buffer = batch.getResource(bufferKey);
        if (buffer != null) {
            flush(buffer);
            buffer.clear();
        }
        positions.updateOne(eq("_id", collectionName()), Updates.combine(Updates.max(POSITION, position),
                Updates.setOnInsert(FORMAT, ReadModels.FORMAT)), new UpdateOptions().upsert(true));
        positions.updateOne(and(eq("_id", collectionName()), lte(REBUILDING_TO, position)),
                Updates.unset(REBUILDING_TO));
    }

    /**
     * The processor's batch when the current event is its last (or the event is handled alone), else null: the
     * moment a batch's buffered writes go out.
     */
    static UnitOfWork<?> endOfBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        if (unitOfWork instanceof BatchingUnitOfWork<?> batch && !batch.isLastMessage()) {
            return null;
        }
        return unitOfWork.root();
    }

    /** Whether the current event is the first of its processor's batch. */
    public static boolean firstOfBatch() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch
                && batch.isFirstMessage();
    }

    /** The payloads of the current processor batch. */
    public static List<Object> batchPayloads() {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch) {
            return batch.getMessages().stream().map(message -> (Object) message.getPayload()).toList();
        }
        return List.of();
    }

    private Set<String> absent() {
        return CurrentUnitOfWork.get().root().getOrComputeResource(bufferKey + ":absent", key -> new HashSet<>());
    }

    private V read(Document document) {
        return json.convertValue(document, type);
    }

    private Map<String, V> buffer() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(bufferKey, key -> {
            Map<String, V> buffer = new LinkedHashMap<>();
            batch.onPrepareCommit(unitOfWork -> flush(buffer));
            return buffer;
        });
    }

    private void flush(Map<String, V> views) {
        if (views.isEmpty()) {
            return;
        }
        List<WriteModel<BsonDocument>> writes = new ArrayList<>(views.size());
        views.forEach((id, view) -> {
            BsonDocument document = new BsonDocument("_id", new BsonString(id));
            document.putAll(BsonTrees.document(json.valueToTree(view)));
            writes.add(new ReplaceOneModel<>(eq("_id", id), document, new ReplaceOptions().upsert(true)));
        });
        collection.withDocumentClass(BsonDocument.class).bulkWrite(writes);
    }
}
