package id.smartcity.api;

/** Keys of the metadata every stored event carries: who, from which application, why, and when it was recorded. */
public final class LedgerMetadata {
    public static final String PRINCIPAL = "principal";
    public static final String CLIENT = "client";
    public static final String CORRELATION_ID = "correlationId";
    /** The identifier of the command that caused the event. */
    public static final String CAUSATION_ID = "causationId";
    /** When the ledger stored the event (ISO-8601 instant), as opposed to the business dates in the payload. */
    public static final String RECORDED_AT = "recordedAt";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    private LedgerMetadata() {
    }
}
