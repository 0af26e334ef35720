package id.smartcity.projections.model;

import java.util.Collection;

/** Where a projection keeps its documents: MongoDB for the live read models, memory for time travel. */
public interface ViewStore<V> {
    V find(String id);

    void save(String id, V view);

    Collection<V> all();
}
