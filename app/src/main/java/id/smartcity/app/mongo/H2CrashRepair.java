package id.smartcity.app.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an H2 data folder when the embedded server opens it, and completes what a crash under H2's old background
 * commit could leave (ADR 3): a document in a collection's data map without some of its index entries, because
 * mongo-java-server writes the document first and its index entries after. Such an insert was cut off mid-way; it
 * is completed (its missing index entries added by the server's own index code), never dropped, so nothing that was
 * written is lost, and whoever wrote it and writes it again (the event store completing its pending commit) finds
 * the same document there. Works on mongo-java-server's map layout: data in {@code databases.<db>.<collection>}, each
 * index in {@code <db>.<collection>._index_<name>}, mapping index keys to the document's key.
 */
final class H2CrashRepair {
    private static final Logger LOG = LoggerFactory.getLogger(H2CrashRepair.class);
    private static final String DATA_PREFIX = "databases.";
    private static final String INDEX_INFIX = "._index_";

    private H2CrashRepair() {
    }

    /** A collection whose indexes miss some of its documents, or point at documents that are not there. */
    record Damage(String database, String collection, Set<Object> unindexed, int dangling) {
        String namespace() {
            return database + "." + collection;
        }
    }

    /** Finds the damage, reading the raw maps only; O(1) per collection when there is none. */
    static List<Damage> find(MVStore store) {
        List<Damage> found = new ArrayList<>();
        for (String dataName : List.copyOf(store.getMapNames())) {
            if (!dataName.startsWith(DATA_PREFIX)) {
                continue;
            }
            String namespace = dataName.substring(DATA_PREFIX.length());
            int dot = namespace.indexOf('.');
            if (dot < 0 || namespace.substring(dot + 1).startsWith("system.")) {
                continue;
            }
            MVMap<Object, Object> data = store.openMap(dataName);
            List<MVMap<Object, Object>> indexes = new ArrayList<>();
            for (String name : store.getMapNames()) {
                if (name.startsWith(namespace + INDEX_INFIX)) {
                    indexes.add(store.openMap(name));
                }
            }
            long documents = data.sizeAsLong();
            if (indexes.stream().allMatch(index -> index.sizeAsLong() == documents)) {
                continue;
            }
            Set<Object> keys = new HashSet<>(data.keySet());
            Set<Object> unindexed = new LinkedHashSet<>();
            int dangling = 0;
            for (MVMap<Object, Object> index : indexes) {
                Set<Object> indexed = new HashSet<>(index.values());
                keys.stream().filter(key -> !indexed.contains(key)).forEach(unindexed::add);
                dangling += (int) indexed.stream().filter(position -> !keys.contains(position)).count();
            }
            // A sparse or multikey index may legitimately differ in size; only missing or dangling entries count.
            if (!unindexed.isEmpty() || dangling > 0) {
                found.add(new Damage(namespace.substring(0, dot), namespace.substring(dot + 1), unindexed, dangling));
            }
        }
        return found;
    }

    /**
     * Completes each damaged collection through the server's own indexes, as far as it can, and answers what could not
     * be completed (a unique key that the index gives to another document: no crash leaves that). Commits only when
     * everything was completed, or when {@code openDamaged} asks for the best it can do (a salvage); otherwise throws
     * {@link EmbeddedStoreDamagedException} and the caller discards the changes.
     */
    static void complete(H2Backend backend, List<Damage> damages, String file, boolean openDamaged) {
        List<String> conflicts = new ArrayList<>();
        for (Damage damage : damages) {
            MongoCollection<?> collection = backend.resolveDatabase(damage.database())
                    .resolveCollection(damage.collection(), false);
            if (collection == null) {
                conflicts.add(damage.namespace() + " has index entries but cannot be opened");
                continue;
            }
            int before = conflicts.size();
            int completed = complete(collection, backend.getMvStore().openMap(DATA_PREFIX + damage.namespace()),
                    damage, conflicts);
            int removed = removeDangling(backend.getMvStore(), damage);
            LOG.warn("{} in {}: {} document(s) without all their index entries and {} index entries pointing at"
                    + " nothing, as a crash under H2's background commit left them; {} document(s) completed, {} entries"
                    + " removed{}", damage.namespace(), file, damage.unindexed().size(), damage.dangling(), completed,
                    removed, conflicts.size() > before ? ", " + (conflicts.size() - before) + " not completable" : "");
        }
        if (!conflicts.isEmpty() && !openDamaged) {
            throw new EmbeddedStoreDamagedException(file, String.join("; ", conflicts));
        }
        if (!conflicts.isEmpty()) {
            LOG.warn("The embedded store {} is damaged: {}; opened with what could be completed, to read what it"
                    + " holds", file, String.join("; ", conflicts));
        }
        if (!damages.isEmpty()) {
            backend.commit();
        }
    }

    @SuppressWarnings("unchecked")
    private static <P> int complete(MongoCollection<P> collection, MVMap<Object, Document> data, Damage damage,
                                    List<String> conflicts) {
        List<Index<P>> indexes = indexes(collection);
        int completed = 0;
        for (Object key : damage.unindexed()) {
            Document document = data.get(key);
            if (document == null) {
                continue;
            }
            boolean whole = true;
            for (Index<P> index : indexes) {
                P indexed = index.getPosition(document);
                if (indexed != null && !indexed.equals(key)) {
                    conflicts.add(damage.namespace() + ": the document " + key + " cannot be put back into index "
                            + index.getName() + ", which gives its key to the document " + indexed);
                    whole = false;
                } else if (indexed == null) {
                    try {
                        index.add(document, (P) key, collection);
                    } catch (MongoServerException | IllegalStateException e) {
                        conflicts.add(damage.namespace() + ": the document " + key + " cannot be put back into index "
                                + index.getName() + " (" + e.getMessage() + ")");
                        whole = false;
                    }
                }
            }
            completed += whole ? 1 : 0;
        }
        return completed;
    }

    private static int removeDangling(MVStore store, Damage damage) {
        if (damage.dangling() == 0) {
            return 0;
        }
        MVMap<Object, Object> data = store.openMap(DATA_PREFIX + damage.namespace());
        int removed = 0;
        for (String name : List.copyOf(store.getMapNames())) {
            if (!name.startsWith(damage.namespace() + INDEX_INFIX)) {
                continue;
            }
            MVMap<Object, Object> index = store.openMap(name);
            List<Object> dangling = new ArrayList<>();
            index.forEach((indexKey, position) -> {
                if (!data.containsKey(position)) {
                    dangling.add(indexKey);
                }
            });
            dangling.forEach(index::remove);
            removed += dangling.size();
        }
        return removed;
    }

    /** The collection's index objects: mongo-java-server keeps them private, and offers no way to rebuild one. */
    @SuppressWarnings("unchecked")
    private static <P> List<Index<P>> indexes(MongoCollection<P> collection) {
        try {
            Field field = AbstractMongoCollection.class.getDeclaredField("indexes");
            field.setAccessible(true);
            return new ArrayList<>((List<Index<P>>) field.get(collection));
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("This mongo-java-server keeps its indexes elsewhere: check H2CrashRepair", e);
        }
    }
}
