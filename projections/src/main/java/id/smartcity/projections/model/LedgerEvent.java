package id.smartcity.projections.model;

import java.time.Instant;

/** An event as the read side sees it: its place in the global order, when it was recorded, and its payload. */
public record LedgerEvent(long position, Instant recordedAt, Object payload) {
}
