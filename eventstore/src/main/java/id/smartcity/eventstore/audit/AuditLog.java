package id.smartcity.eventstore.audit;

import static com.mongodb.client.model.Filters.gt;

import id.smartcity.eventstore.CanonicalEvent;
import id.smartcity.eventstore.EventLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.bson.Document;

/**
 * The auditor's view of the event log: verification of the hash chain and the Merkle tree, digests, proofs, and the
 * log itself, page by page or exported whole. Reads only; verify, digest and export hold a few pages whatever the
 * length of the log; only a proof holds every event hash (32 bytes each), which its tree needs.
 */
public final class AuditLog {
    private static final int PAGE = 1000;
    private static final int SEARCH_WINDOW = 1000;

    private final EventLog log;
    private final Clock clock;

    public AuditLog(EventLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public long head() {
        return log.materializedHead();
    }

    /** Recomputes every hash and the tree; with a digest, also checks that the log extends it. */
    public Verification verify(Digest kept, LongConsumer progress) {
        long size = head();
        byte[] previous = CanonicalEvent.GENESIS;
        MerkleFrontier tree = new MerkleFrontier();
        byte[] rootAtKept = kept != null && kept.treeSize() == 0 ? tree.root() : null;
        long position = 0;
        try (Stream<Document> events = log.stream(1, size)) {
            Iterator<Document> iterator = events.iterator();
            while (position < size) {
                Document event = iterator.hasNext() ? iterator.next() : null;
                position++;
                if (event == null || event.getLong(EventLog.ID) != position) {
                    return Verification.broken(position - 1, position, Verification.Kind.EVENT_MISSING,
                            "No event at position " + position + " of " + size);
                }
                byte[] stored = storedHash(event);
                boolean chains = stored != null && Arrays.equals(CanonicalEvent.chain(previous, event), stored);
                byte[] chainedTo = recordedPrevious(event);
                if (chainedTo != null && !Arrays.equals(chainedTo, previous)
                        && (chains || Arrays.equals(CanonicalEvent.chain(chainedTo, event), stored))) {
                    return predecessorChanged(position, previous, chainedTo, chains);
                }
                if (!chains) {
                    return classify(position, previous, event, size);
                }
                previous = stored;
                tree.add(MerkleTree.leafHash(stored));
                if (kept != null && position == kept.treeSize()) {
                    rootAtKept = tree.root();
                }
                if (position % PAGE == 0) {
                    progress.accept(position);
                }
            }
            progress.accept(size);
        }
        long total = log.events().countDocuments();
        if (total > size) {
            Document extra = log.events().find(gt(EventLog.ID, size)).first();
            Object where = extra == null ? "outside the numbered positions" : extra.get(EventLog.ID);
            return Verification.broken(size, extra != null && extra.get(EventLog.ID) instanceof Long at ? at : size + 1,
                    Verification.Kind.EVENT_INSERTED, (total - size) + " event(s) beyond the head (" + size
                            + "), first at " + where);
        }
        String headHash = log.readHead().getString(EventLog.LAST_HASH);
        String lastHash = size == 0 ? null : CanonicalEvent.hex(previous);
        if (size > 0 && !lastHash.equals(headHash)) {
            return Verification.broken(size, size, Verification.Kind.HEAD_MISMATCH,
                    "The head records hash " + headHash + ", the last event has " + lastHash);
        }
        Digest now = new Digest(size, lastHash, CanonicalEvent.hex(tree.root()), clock.instant());
        if (kept != null) {
            if (kept.treeSize() > size) {
                return Verification.broken(size, size + 1, Verification.Kind.HEAD_DOES_NOT_EXTEND_DIGEST,
                        "The digest covers " + kept.treeSize() + " events; the log has only " + size);
            }
            String rootThen = CanonicalEvent.hex(rootAtKept);
            if (!rootThen.equals(kept.root())) {
                return Verification.broken(size, kept.treeSize(), Verification.Kind.HEAD_DOES_NOT_EXTEND_DIGEST,
                        "The first " + kept.treeSize() + " events now have root " + rootThen + ", the digest "
                                + kept.root() + ": history up to it was rewritten");
            }
        }
        return Verification.ok(size, now);
    }

    /**
     * The event at {@code position} records the hash it was chained to, and the event before it no longer has that
     * hash, although it matches its own content: that event was changed and its hash recomputed, and, if this one
     * still chains, every hash after it too.
     */
    private Verification predecessorChanged(long position, byte[] previous, byte[] chainedTo, boolean rehashed) {
        if (position == 1) {
            return Verification.broken(0, 1, Verification.Kind.PAYLOAD_CHANGED, "The event at 1 records a"
                    + " predecessor, " + CanonicalEvent.hex(chainedTo) + ", and the first event has none");
        }
        Document altered = log.eventAt(position - 1);
        return Verification.broken(position - 2, position - 1, Verification.Kind.PAYLOAD_CHANGED, "The event at "
                + (position - 1) + " (" + altered.getString(EventLog.TYPE) + ", "
                + altered.getString(EventLog.AGGREGATE_ID) + ") was changed and its hash recomputed"
                + (rehashed ? ", and the hashes after it" : "") + ": the event at " + position + " was chained to "
                + CanonicalEvent.hex(chainedTo) + ", the event at " + (position - 1) + " now has "
                + CanonicalEvent.hex(previous));
    }

    /** Says how the chain broke at {@code position}, given the verified hash before it. */
    private Verification classify(long position, byte[] previous, Document event, long size) {
        long verified = position - 1;
        List<Document> later = log.eventsBetween(position + 1, Math.min(size, position + SEARCH_WINDOW));
        Map<Long, Document> byPosition = byPosition(later);
        for (Document candidate : later) {
            long q = candidate.getLong(EventLog.ID);
            Document before = q - 1 == position ? candidate : byPosition.get(q - 1);
            byte[] previousAtQ = before == null ? null : storedHash(before);
            if (previousAtQ != null && Arrays.equals(hashAt(previousAtQ, event, q), storedHash(event))) {
                return Verification.broken(verified, position, Verification.Kind.ORDER_CHANGED, "The event at "
                        + position + " was recorded at " + q + ": events " + position + " and " + q + " changed places");
            }
        }
        Document next = byPosition.get(position + 1);
        if (next != null && Arrays.equals(hashAt(previous, next, position), storedHash(next))) {
            return Verification.broken(verified, position, Verification.Kind.EVENT_INSERTED, "The event at "
                    + position + " was not appended there: the event after it belongs at " + position);
        }
        // A forged event whose hash chains correctly hides at the position before: this one belongs there.
        Document beforePrevious = position > 2 ? log.eventAt(position - 2) : null;
        byte[] twoBack = position == 2 ? CanonicalEvent.GENESIS
                : beforePrevious == null ? null : storedHash(beforePrevious);
        if (twoBack != null && Arrays.equals(hashAt(twoBack, event, position - 1), storedHash(event))) {
            return Verification.broken(position - 2, position - 1, Verification.Kind.EVENT_INSERTED, "The event at "
                    + (position - 1) + " was not appended there: the event after it belongs at " + (position - 1));
        }
        return Verification.broken(verified, position, Verification.Kind.PAYLOAD_CHANGED, "The event at " + position
                + " (" + event.getString(EventLog.TYPE) + ", " + event.getString(EventLog.AGGREGATE_ID)
                + ") does not match its hash: its content or its hash was changed");
    }

    private static byte[] hashAt(byte[] previous, Document event, long position) {
        Document moved = new Document(event);
        moved.put(EventLog.ID, position);
        return CanonicalEvent.chain(previous, moved);
    }

    private static byte[] storedHash(Document event) {
        return hashIn(event, CanonicalEvent.HASH);
    }

    private static byte[] recordedPrevious(Document event) {
        return hashIn(event, CanonicalEvent.PREVIOUS);
    }

    /** A hash field of the stored event; null when it is missing or not hex (the caller then names the break). */
    private static byte[] hashIn(Document event, String field) {
        String hash = event.getString(field);
        try {
            return hash == null ? null : CanonicalEvent.unhex(hash);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<Long, Document> byPosition(List<Document> events) {
        Map<Long, Document> byPosition = new HashMap<>(events.size() * 2);
        events.forEach(event -> byPosition.put(event.getLong(EventLog.ID), event));
        return byPosition;
    }

    private static byte[] leafHash(Document event) {
        return MerkleTree.leafHash(CanonicalEvent.unhex(event.getString(CanonicalEvent.HASH)));
    }

    /** The tree over the first {@code size} event hashes, every leaf in memory, for proofs. */
    public MerkleTree tree(long size) {
        if (size < 0 || size > head()) {
            throw new IllegalArgumentException("The log has " + head() + " events, not " + size);
        }
        List<byte[]> leaves = new ArrayList<>((int) size);
        try (Stream<Document> events = log.stream(1, size)) {
            events.forEach(event -> leaves.add(leafHash(event)));
        }
        return MerkleTree.ofLeafHashes(leaves);
    }

    /** The inclusion proof of the event at {@code position} in the tree of the first {@code size} events. */
    public InclusionProof inclusionProof(long position, long size) {
        // Before the tree, which reads every event hash up to the size.
        if (position < 1 || position > size) {
            throw new IllegalArgumentException("Event " + position + " is not in the tree of the first " + size
                    + " events");
        }
        MerkleTree tree = tree(size);
        String eventHash = events(position, 1).get(0).getString(CanonicalEvent.HASH);
        return new InclusionProof(position, position - 1, size, eventHash,
                CanonicalEvent.hex(MerkleTree.leafHash(CanonicalEvent.unhex(eventHash))),
                tree.inclusionProof((int) position - 1, (int) size).stream().map(CanonicalEvent::hex).toList(),
                CanonicalEvent.hex(tree.root((int) size)));
    }

    /** The proof that the tree of the first {@code from} events is a prefix of the tree of the first {@code size}. */
    public ConsistencyProof consistencyProof(long from, long size) {
        // Checked as a long: cast to an int first, 4294967297 became 1 and was answered with the proof for 1.
        // From 0 too: the empty tree is a prefix of every tree, and RFC 9162 has no proof of it to check.
        if (from < 1 || from > size) {
            throw new IllegalArgumentException("No consistency proof from " + from + " to " + size + " events: a"
                    + " proof starts from a tree of 1 to " + size + " events");
        }
        MerkleTree tree = tree(size);
        return new ConsistencyProof(from, size, CanonicalEvent.hex(tree.root((int) from)),
                CanonicalEvent.hex(tree.root((int) size)),
                tree.consistencyProof((int) from, (int) size).stream().map(CanonicalEvent::hex).toList());
    }

    public Digest digest() {
        long size = head();
        MerkleFrontier tree = new MerkleFrontier();
        try (Stream<Document> events = log.stream(1, size)) {
            events.forEach(event -> tree.add(leafHash(event)));
        }
        return new Digest(size, size == 0 ? null : log.readHead().getString(EventLog.LAST_HASH),
                CanonicalEvent.hex(tree.root()), clock.instant());
    }

    /** Events from {@code from}, in order, as stored (with their hashes). */
    public List<Document> events(long from, int limit) {
        long head = head();
        return log.eventsBetween(Math.max(1, from), Math.min(head, Math.max(1, from) + limit - 1));
    }

    /** Writes every event from {@code from} as one line of canonical JSON with its hash, page by page. */
    public long export(long from, Writer out, LongConsumer progress) {
        long head = head();
        long written = 0;
        try (Stream<Document> events = log.stream(Math.max(1, from), head)) {
            Iterator<Document> iterator = events.iterator();
            while (iterator.hasNext()) {
                Document event = iterator.next();
                out.write(CanonicalEvent.json(event, true));
                out.write('\n');
                if (++written % PAGE == 0) {
                    out.flush();
                    progress.accept(event.getLong(EventLog.ID));
                }
            }
            out.flush();
            progress.accept(head);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }
}
