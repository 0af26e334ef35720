package id.smartcity.app.startup;

import java.nio.file.Path;

/** Another process (a ledger, or its command line) holds the embedded store's file: H2 locks it for one writer. */
public final class DataFolderInUseException extends RuntimeException {
    private final Path folder;

    public DataFolderInUseException(Path folder, Throwable cause) {
        super("The data folder " + folder + " is in use by another ledger process (" + cause.getMessage() + ")",
                cause);
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }
}
