package id.smartcity.app.mongo;

import id.smartcity.app.files.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Function;
import java.util.stream.Stream;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites a sparse H2 file with only its live pages, at start-up, before anything reads or writes it (ADR 3).
 *
 * <p>With H2's background thread off and replaced pages kept for the retention time that long scans need, a burst of
 * writes leaves the file mostly dead pages, and compacting in place while the server runs moves only a little of it.
 * A copy of the live pages, written beside the file, forced to disk and renamed over it in one atomic step, leaves
 * either the old file or the new one whatever moment a crash picks; a copy a crash left behind is deleted.
 */
final class H2FileCompaction {
    private static final Logger LOG = LoggerFactory.getLogger(H2FileCompaction.class);
    private static final String PREFIX = "ledger.mv.compacting-";
    /** Compact when less than this share of the file's chunks is live... */
    static final int BELOW_FILL_PERCENT = 50;
    /** ...and the file is at least this big: a small file costs nothing to keep as it is. */
    static final long AT_LEAST_BYTES = 64L * 1024 * 1024;

    private H2FileCompaction() {
    }

    /** Deletes a copy that a crash during compaction left behind: the file it was to replace is still whole. */
    static void deleteLeftovers(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.filter(entry -> entry.getFileName().toString().startsWith(PREFIX)).toList()) {
                Files.deleteIfExists(entry);
            }
        }
    }

    static boolean worthIt(MVStore store) {
        return store.getFileStore().size() >= AT_LEAST_BYTES
                && store.getFileStore().getChunksFillRate() < BELOW_FILL_PERCENT;
    }

    /**
     * Copies the live pages of {@code store} (open on {@code file}) into a new file and puts it in the old one's
     * place; returns the store opened on the result. {@code store} is closed either way.
     */
    static MVStore compact(MVStore store, Path file, Function<String, MVStore> open) {
        long before = store.getFileStore().size();
        int fill = store.getFileStore().getChunksFillRate();
        long started = System.nanoTime();
        Path copy;
        try {
            copy = OwnerOnly.temporaryFile(file.getParent(), PREFIX);
            try {
                store.close();
                // A store of its own, read-only and with no map opened yet: the copy opens every map with generic
                // types, which the store the start-up check used would refuse for the maps it already opened.
                try (MVStore source = new MVStore.Builder().fileName(file.toString()).readOnly().open();
                     MVStore target = new MVStore.Builder().fileName(copy.toString()).autoCommitDisabled().open()) {
                    MVStoreTool.compact(source, target);
                }
                try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                forceFolder(file.getParent());
            } finally {
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            store.closeImmediately();
            throw new UncheckedIOException("Compacting " + file + " failed; it is left as it was", e);
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e;
        }
        MVStore compacted = open.apply(file.toString());
        LOG.info("Compacted the data file {} ({}% live): {} MiB -> {} MiB in {} ms", file, fill,
                before / (1024 * 1024), compacted.getFileStore().size() / (1024 * 1024),
                (System.nanoTime() - started) / 1_000_000);
        return compacted;
    }

    /** Makes the rename durable: a directory's entries reach the disk when the directory is forced (POSIX). */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems (and Windows) refuse to open a directory; the rename is then as durable as they make it.
            LOG.debug("Could not force {} after the rename", folder, e);
        }
    }
}
