package id.smartcity.projections.model;

import id.smartcity.api.LedgerMetadata;
import java.time.Instant;
import java.util.Map;

/** An event as the read side sees it: its place in the global order, when and by whom it was recorded, its payload. */
public record LedgerEvent(long position, Instant recordedAt, String recordedBy, Object payload) {

    public LedgerEvent(long position, Instant recordedAt, Object payload) {
        this(position, recordedAt, null, payload);
    }

    /** From an event's position, its metadata ({@code recordedAt} ISO-8601 and {@code principal}, either may be absent). */
    public static LedgerEvent of(long position, Map<String, ?> metaData, Object payload) {
        Object recordedAt = metaData.get(LedgerMetadata.RECORDED_AT);
        Object principal = metaData.get(LedgerMetadata.PRINCIPAL);
        return new LedgerEvent(position, recordedAt == null ? null : Instant.parse(recordedAt.toString()),
                principal == null ? null : principal.toString(), payload);
    }
}
