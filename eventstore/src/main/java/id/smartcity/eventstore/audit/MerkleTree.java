package id.smartcity.eventstore.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Merkle tree over the event hashes, as RFC 6962 / RFC 9162 define it: leaf = SHA-256(0x00 || data),
 * node = SHA-256(0x01 || left || right), split at the largest power of two below the size. Roots, inclusion and
 * consistency proofs, and their verification, which anyone can redo offline with the same two rules.
 */
public final class MerkleTree {
    private static final int HASH_BYTES = 32;
    private final List<byte[]> leaves;

    /** A tree whose leaf {@code i} is the leaf hash of {@code data.get(i)}. */
    public static MerkleTree of(List<byte[]> data) {
        List<byte[]> leaves = new ArrayList<>(data.size());
        data.forEach(entry -> leaves.add(leafHash(entry)));
        return new MerkleTree(leaves);
    }

    /** A tree over leaf hashes already computed. */
    public static MerkleTree ofLeafHashes(List<byte[]> leafHashes) {
        return new MerkleTree(leafHashes);
    }

    private MerkleTree(List<byte[]> leaves) {
        this.leaves = leaves;
    }

    public int size() {
        return leaves.size();
    }

    public static byte[] leafHash(byte[] data) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0);
        sha256.update(data);
        return sha256.digest();
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 1);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** The root of the first {@code size} leaves. */
    public byte[] root(int size) {
        checkSize(size);
        return size == 0 ? sha256().digest() : hash(0, size);
    }

    public byte[] root() {
        return root(leaves.size());
    }

    /** The audit path of leaf {@code index} in the tree of the first {@code size} leaves. */
    public List<byte[]> inclusionProof(int index, int size) {
        checkSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("Leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, proof);
        return proof;
    }

    /** The proof that the tree of {@code first} leaves is a prefix of the tree of {@code second} leaves. */
    public List<byte[]> consistencyProof(int first, int second) {
        checkSize(second);
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("No consistency from " + first + " to " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, proof);
        }
        return proof;
    }

    private byte[] hash(int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = split(n);
        return nodeHash(hash(from, from + k), hash(from + k, to));
    }

    private void path(int index, int from, int to, List<byte[]> proof) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = split(n);
        if (index < k) {
            path(index, from, from + k, proof);
            proof.add(hash(from + k, to));
        } else {
            path(index - k, from + k, to, proof);
            proof.add(hash(from, from + k));
        }
    }

    private void subproof(int m, int from, int to, boolean complete, List<byte[]> proof) {
        int n = to - from;
        if (m == n) {
            if (!complete) {
                proof.add(hash(from, to));
            }
            return;
        }
        int k = split(n);
        if (m <= k) {
            subproof(m, from, from + k, complete, proof);
            proof.add(hash(from + k, to));
        } else {
            subproof(m - k, from + k, to, false, proof);
            proof.add(hash(from, from + k));
        }
    }

    /** RFC 9162, 2.1.3.2: does {@code proof} put {@code leafHash} at {@code index} of a tree with {@code root}? */
    public static boolean verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || !isHash(leafHash) || !isHash(root) || !allHashes(proof)) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162, 2.1.4.2: does {@code proof} show the tree of {@code first} leaves is a prefix of the other? */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> proof) {
        // The empty tree is a prefix of every tree, and no proof shows it: the reference vectors refuse one, even
        // between two empty trees.
        if (first <= 0 || first > second || proof == null) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (proof.isEmpty() || !allHashes(proof) || !isHash(firstRoot) || !isHash(secondRoot)) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    private static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private void checkSize(int size) {
        if (size < 0 || size > leaves.size()) {
            throw new IllegalArgumentException("The tree has " + leaves.size() + " leaves, not " + size);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A hash of a proof is 32 bytes: an empty, truncated or extended one proves nothing, whatever it hashes to. */
    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == HASH_BYTES;
    }

    private static boolean allHashes(List<byte[]> hashes) {
        return hashes != null && hashes.stream().allMatch(MerkleTree::isHash);
    }
}
