package id.smartcity.eventstore.audit;

import id.smartcity.eventstore.CanonicalEvent;
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

    /** Whether the path leads from the leaf to the root; hex that does not parse is a proof that does not hold. */
    public boolean verify() {
        return MerkleTree.verifyInclusion(CanonicalEvent.unhex(leafHash), leafIndex, treeSize,
                path.stream().map(CanonicalEvent::unhex).toList(), CanonicalEvent.unhex(root));
    }
}
