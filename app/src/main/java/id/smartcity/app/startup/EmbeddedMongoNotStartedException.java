package id.smartcity.app.startup;

/** The embedded MongoDB could not start (its port taken, its address not loopback): said in one line, with the fix. */
public final class EmbeddedMongoNotStartedException extends RuntimeException {
    private final String action;

    public EmbeddedMongoNotStartedException(String description, String action, Throwable cause) {
        super(description, cause, false, false);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
