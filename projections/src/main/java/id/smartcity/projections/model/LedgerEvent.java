package id.smartcity.projections.model;

import java.time.Instant;

/** An event as the read side sees it: its place in the global order, when it was recorded, and its payload. */
public record LedgerEvent(long position, Instant recordedAt, Object payload) {

    /** From an event's position, its {@code recordedAt} metadata (ISO-8601, may be absent) and its payload. */
    public static LedgerEvent of(long position, Object recordedAt, Object payload) {
        return new LedgerEvent(position, recordedAt == null ? null : Instant.parse(recordedAt.toString()), payload);
    }
}
