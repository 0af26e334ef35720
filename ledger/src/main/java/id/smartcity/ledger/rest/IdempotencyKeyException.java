package id.smartcity.ledger.rest;

/** A request reused a key for another body, or came again while the first one was still being handled. */
class IdempotencyKeyException extends RuntimeException {
    enum Reason { REUSED, IN_PROGRESS }

    private final Reason reason;

    IdempotencyKeyException(Reason reason, String key) {
        super(reason == Reason.REUSED
                ? "Idempotency-Key '" + key + "' was used before for another request"
                : "A request with Idempotency-Key '" + key + "' is still being handled", null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
