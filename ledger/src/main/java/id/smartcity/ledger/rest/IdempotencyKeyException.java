package id.smartcity.ledger.rest;

/** A request reused a key for another body, or came again while the first one was still being handled. */
class IdempotencyKeyException extends RuntimeException {
    enum Reason { REUSED, IN_PROGRESS }

    private final Reason reason;
    private final long retryAfterSeconds;

    private IdempotencyKeyException(Reason reason, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.reason = reason;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static IdempotencyKeyException reused(String key) {
        return new IdempotencyKeyException(Reason.REUSED,
                "Idempotency-Key '" + key + "' was used before for another request", 0);
    }

    /** The first request holds the key for {@code retryAfterSeconds} more at most, or until it is answered. */
    static IdempotencyKeyException inProgress(String key, long retryAfterSeconds) {
        return new IdempotencyKeyException(Reason.IN_PROGRESS, "A request with Idempotency-Key '" + key
                + "' is still being handled; if its sender stopped (a crash), the key is free again within "
                + retryAfterSeconds + " s: retry then with the same key and body", retryAfterSeconds);
    }

    Reason reason() {
        return reason;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
