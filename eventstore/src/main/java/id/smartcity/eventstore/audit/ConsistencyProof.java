package id.smartcity.eventstore.audit;

import id.smartcity.eventstore.CanonicalEvent;
import java.util.List;

/**
 * That the Merkle tree of the first {@code from} events (root {@code fromRoot}) is a prefix of the tree of the first
 * {@code to} events (root {@code toRoot}), RFC 6962: nothing recorded by then was altered or removed. Hashes in hex.
 */
public record ConsistencyProof(long from, long to, String fromRoot, String toRoot, List<String> path) {
    public ConsistencyProof {
        path = List.copyOf(path);
    }

    /** The same proof with either root replaced by one kept elsewhere. */
    public ConsistencyProof against(String keptFromRoot, String keptToRoot) {
        return new ConsistencyProof(from, to, keptFromRoot, keptToRoot, path);
    }

    public boolean verify() {
        return MerkleTree.verifyConsistency(from, to, CanonicalEvent.unhex(fromRoot), CanonicalEvent.unhex(toRoot),
                path.stream().map(CanonicalEvent::unhex).toList());
    }
}
