package id.smartcity.eventstore.audit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * The root of a Merkle tree (the same tree as {@link MerkleTree}) computed as leaves arrive, keeping only the roots of
 * the perfect subtrees the leaves so far fill: one per 1-bit of the count, largest first, so a verify of any length
 * holds a few kilobytes instead of every leaf. The RFC 6962 tree of n leaves is exactly those subtrees joined from the
 * right.
 */
public final class MerkleFrontier {
    /** Smallest last; their sizes are the 1-bits of {@link #size}. */
    private final Deque<byte[]> subtrees = new ArrayDeque<>();
    private long size;

    public void add(byte[] leafHash) {
        byte[] joined = leafHash;
        // Each trailing 1-bit of the count is a subtree as large as the one being built: join them.
        for (long count = size; (count & 1) == 1; count >>= 1) {
            joined = MerkleTree.nodeHash(subtrees.removeLast(), joined);
        }
        subtrees.addLast(joined);
        size++;
    }

    public long size() {
        return size;
    }

    /** The root of the leaves added so far. */
    public byte[] root() {
        if (subtrees.isEmpty()) {
            return MerkleTree.sha256().digest();
        }
        Iterator<byte[]> smallestFirst = subtrees.descendingIterator();
        byte[] root = smallestFirst.next();
        while (smallestFirst.hasNext()) {
            root = MerkleTree.nodeHash(smallestFirst.next(), root);
        }
        return root;
    }
}
