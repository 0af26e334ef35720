package id.smartcity.app.startup;

import java.time.Duration;

/** No writable MongoDB server answered within the start-up wait. */
public final class MongoUnreachableException extends RuntimeException {
    private final Duration waited;

    public MongoUnreachableException(String servers, Duration waited) {
        super("MongoDB did not answer as a writable server within " + waited.toSeconds() + " s: " + servers, null,
                false, false);
        this.waited = waited;
    }

    public Duration waited() {
        return waited;
    }
}
