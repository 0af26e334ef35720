package id.smartcity.projections.live;

import static com.mongodb.client.model.Filters.eq;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import id.smartcity.projections.model.ViewStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

/**
 * A read model's documents in MongoDB. Inside an event processor's batch, reads see the batch's own writes and all
 * writes go out in one bulk write at the end of the batch; elsewhere (queries) it reads the collection.
 */
public final class MongoViewStore<V> implements ViewStore<V> {
    private final MongoCollection<Document> collection;
    private final ObjectMapper json;
    private final Class<V> type;
    private final String bufferKey;

    public MongoViewStore(MongoCollection<Document> collection, ObjectMapper json, Class<V> type) {
        this.collection = collection;
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
        return collection.find().map(this::read).into(new ArrayList<>());
    }

    public String collectionName() {
        return collection.getNamespace().getCollectionName();
    }

    public void drop() {
        collection.drop();
    }

    /**
     * Writes the batch's documents when its last event has been handled. Axon stores the processor's token when the
     * batch commits; writing the documents before that means a crash can only make the token lag behind them, and a
     * redelivered event is skipped by the documents' last position. Never the other way round, which would lose it.
     */
    public void flushAtEndOfBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        if (unitOfWork instanceof BatchingUnitOfWork<?> batch && !batch.isLastMessage()) {
            return;
        }
        Map<String, V> buffer = unitOfWork.root().getResource(bufferKey);
        if (buffer != null) {
            flush(buffer);
            buffer.clear();
        }
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
        List<WriteModel<Document>> writes = new ArrayList<>(views.size());
        views.forEach((id, view) -> {
            Document document = new Document("_id", id);
            document.putAll(json.convertValue(view, Document.class));
            writes.add(new ReplaceOneModel<>(eq("_id", id), document, new ReplaceOptions().upsert(true)));
        });
        collection.bulkWrite(writes);
    }
}
