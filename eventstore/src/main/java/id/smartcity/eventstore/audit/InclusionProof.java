package id.smartcity.eventstore.audit;

import id.smartcity.eventstore.CanonicalEvent;
import java.util.Arrays;
import java.util.List;

/**
 * That the event at {@code position} is leaf {@code leafIndex} of the Merkle tree of the first {@code treeSize} events
 * with root {@code root} (RFC 6962): what the audit API answers and what the offline check reads. Hashes in hex.
 */
public record InclusionProof(long position, long leafIndex, long treeSize, String eventHash, String leafHash,
                             List<String> path, String root) {
    public InclusionProof {
        path = List.copyOf(path);
    }

    /** The same proof, held against a root kept elsewhere (a digest) instead of the one it names. */
    public InclusionProof against(String keptRoot) {
        return new InclusionProof(position, leafIndex, treeSize, eventHash, leafHash, path, keptRoot);
    }

    /**
     * Whether this proof shows what it names: the leaf is the event's hash as a leaf (when it names an event hash),
     * the leaf's index is the event's position less one, and the path leads from that leaf to the root. A proof whose
     * path holds but that names another event or another hash proves nothing about them.
     */
    public boolean verify() {
        byte[] leaf = CanonicalEvent.unhex(leafHash);
        return (eventHash == null || Arrays.equals(leaf, MerkleTree.leafHash(CanonicalEvent.unhex(eventHash))))
                && leafIndex == position - 1
                && MerkleTree.verifyInclusion(leaf, leafIndex, treeSize,
                path.stream().map(CanonicalEvent::unhex).toList(), CanonicalEvent.unhex(root));
    }
}
