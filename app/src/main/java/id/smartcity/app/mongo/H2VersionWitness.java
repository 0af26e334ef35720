package id.smartcity.app.mongo;

import id.smartcity.app.files.OwnerOnly;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers, beside the H2 file, the last version the ledger committed to it (ADR 3). H2 opens a file cut short, or an
 * older copy put in its place, at the last whole version it finds, without a word: the events committed after it are
 * gone and their positions would be given again. A start that finds the file older than this witness refuses it.
 */
public final class H2VersionWitness implements AutoCloseable {
    public static final String NAME = "ledger.mv.version";
    private static final Logger LOG = LoggerFactory.getLogger(H2VersionWitness.class);
    private final Path file;
    private final FileChannel channel;
    private boolean warned;

    private H2VersionWitness(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    static H2VersionWitness open(Path folder) throws IOException {
        Path file = OwnerOnly.file(folder.resolve(NAME));
        return new H2VersionWitness(file, FileChannel.open(file, StandardOpenOption.WRITE));
    }

    /** The version last recorded in {@code folder}; -1 where none was (a folder from before the witness). */
    static long recorded(Path folder) throws IOException {
        Path file = folder.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return -1;
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            return text.isEmpty() ? -1 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(file + " holds '" + text + "', not a version");
        }
    }

    /**
     * Records the version H2 reached by a commit. Written, not forced: like H2's own commit, it survives the process
     * (a kill), and it is written after the commit, so a crash between leaves the file newer than the witness.
     */
    synchronized void record(long version) {
        try {
            byte[] text = (version + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.write(ByteBuffer.wrap(text), 0);
            channel.truncate(text.length);
        } catch (IOException e) {
            if (!warned) {
                warned = true;
                LOG.warn("Could not record the committed version in {}: a file cut short would not be noticed at the"
                        + " next start", file, e);
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing {}", file, e);
        }
    }
}
