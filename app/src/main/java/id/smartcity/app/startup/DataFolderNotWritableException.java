package id.smartcity.app.startup;

import java.nio.file.Path;

/** The ledger cannot write in its data folder: neither the embedded store nor the generated passwords can be kept. */
public final class DataFolderNotWritableException extends RuntimeException {
    private final Path folder;

    public DataFolderNotWritableException(Path folder, Throwable cause) {
        super("The data folder " + folder + " is not writable"
                + (cause == null ? "" : " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")"),
                cause);
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }
}
