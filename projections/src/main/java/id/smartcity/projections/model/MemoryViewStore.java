package id.smartcity.projections.model;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Documents in memory, in key order: what a replay for a date or an instant builds. */
public final class MemoryViewStore<V> implements ViewStore<V> {
    private final Map<String, V> views = new TreeMap<>();

    @Override
    public V find(String id) {
        return views.get(id);
    }

    @Override
    public void save(String id, V view) {
        views.put(id, view);
    }

    @Override
    public Collection<V> all() {
        return views.values();
    }

    /** The documents by id, in id order. */
    public Map<String, V> byId() {
        return Collections.unmodifiableMap(views);
    }
}
