package id.smartcity.eventstore.audit;

/**
 * The outcome of recomputing the chain and the tree: OK, or the first position where it breaks and how.
 *
 * @param ok          whether everything holds
 * @param verified    events whose hash was recomputed and matched
 * @param digest      the digest of the log as it is now (when the chain holds)
 * @param break_      where and how it breaks, or null
 */
public record Verification(boolean ok, long verified, Digest digest, Break break_) {

    /** How a log can break. */
    public enum Kind {
        /** The event's content (or its stored hash) changed since it was recorded. */
        PAYLOAD_CHANGED,
        /** A position has no event. */
        EVENT_MISSING,
        /** An event that was never appended sits in the log. */
        EVENT_INSERTED,
        /** Events were moved to other positions. */
        ORDER_CHANGED,
        /** The head document disagrees with the last event. */
        HEAD_MISMATCH,
        /** The log does not extend a digest kept earlier: history up to it was rewritten or cut. */
        HEAD_DOES_NOT_EXTEND_DIGEST
    }

    public record Break(long position, Kind kind, String detail) {
    }

    static Verification ok(long verified, Digest digest) {
        return new Verification(true, verified, digest, null);
    }

    static Verification broken(long verified, long position, Kind kind, String detail) {
        return new Verification(false, verified, null, new Break(position, kind, detail));
    }
}
