package id.smartcity.ledger.audit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * The root of a Merkle tree (the same tree as {@link MerkleTree}) computed as leaves arrive, keeping only the roots of
 * the perfect subtrees the leaves so far fill: at most one per bit of the size, so a verify of any length holds a few
 * kilobytes instead of every leaf. The RFC 6962 tree of n leaves is exactly those subtrees, largest first, joined from
 * the right.
 */
public final class MerkleFrontier {
    private record Subtree(long size, byte[] hash) {
    }

    /** Smallest last. */
    private final Deque<Subtree> subtrees = new ArrayDeque<>();
    private long size;

    public void add(byte[] leafHash) {
        Subtree joined = new Subtree(1, leafHash);
        while (!subtrees.isEmpty() && subtrees.peekLast().size() == joined.size()) {
            Subtree left = subtrees.removeLast();
            joined = new Subtree(left.size() * 2, MerkleTree.nodeHash(left.hash(), joined.hash()));
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
        Iterator<Subtree> smallestFirst = subtrees.descendingIterator();
        byte[] root = smallestFirst.next().hash();
        while (smallestFirst.hasNext()) {
            root = MerkleTree.nodeHash(smallestFirst.next().hash(), root);
        }
        return root;
    }
}
