package id.smartcity.eventstore;

/** The metadata the store itself adds to every event it appends, whatever its callers put there. */
public final class StoreMetadata {
    /**
     * When the store appended the event (ISO-8601 instant, never decreasing along the log), as opposed to any
     * business date in the payload.
     */
    public static final String RECORDED_AT = "recordedAt";

    private StoreMetadata() {
    }
}
