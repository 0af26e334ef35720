package id.smartcity.app.mongo;

/** The embedded store's file holds what no crash leaves: the ledger does not start on it, and says what to do. */
public final class EmbeddedStoreDamagedException extends RuntimeException {
    private final String file;

    EmbeddedStoreDamagedException(String file, String what) {
        super("The embedded store " + file + " is damaged: " + what, null, false, false);
        this.file = file;
    }

    public String file() {
        return file;
    }
}
