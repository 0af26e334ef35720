package id.smartcity.ledger.rest;

import java.io.IOException;

/** Thrown while reading a request body that passes the size limit; answered 413 {@code PAYLOAD_TOO_LARGE}. */
public class BodyTooLarge extends IOException {
    private final long limit;

    public BodyTooLarge(long limit) {
        super("The body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
