package id.smartcity.app.mongo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * What an H2 data file says of itself, read without changing it: the version its header names (H2 writes the header
 * after the chunk it points to, so a whole file can always read at least that version) against the version it can
 * be read at. A file cut short (a partial copy, a truncated disk) opens at an older version with no error, as if
 * the later events had never been recorded; with the version witness lost too, nothing else would tell.
 */
public final class H2FileHeader {
    private static final Pattern VERSION = Pattern.compile("(?:^|,)version:([0-9a-f]{1,16})(?:,|$)");
    /** H2 keeps its header twice, in the file's first two blocks. */
    private static final int HEADERS = 2 * 4096;

    private H2FileHeader() {
    }

    /** The file cannot be read as an H2 store at all (not one, or its headers are gone). */
    public static final class NotAStore extends RuntimeException {
        NotAStore(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Why the file is cut short, if it is; empty when it reads at the version its header names, or when another
     * process holds it (then opening it says so).
     */
    public static Optional<String> cutShort(Path file) throws IOException {
        long readable;
        try {
            MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
            try {
                readable = store.getCurrentVersion();
            } finally {
                store.closeImmediately();
            }
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                return Optional.empty();
            }
            namedVersion(file);
            throw new NotAStore("H2 cannot read it: " + e.getMessage().lines().findFirst().orElse(""));
        }
        // Read after the store: a store just created by a process that still holds it has written no header yet.
        return cutShort(file, readable);
    }

    /** Why the file, which its store reads at version {@code readable}, is cut short, if it is. */
    static Optional<String> cutShort(Path file, long readable) throws IOException {
        long named = namedVersion(file);
        if (Long.compareUnsigned(readable, named) >= 0) {
            return Optional.empty();
        }
        return Optional.of("the file's header names version " + named + ", but it can be read only at version "
                + readable + ": it was cut short (" + Files.size(file) + " bytes), and events the ledger acknowledged"
                + " may be missing. Put back a whole copy");
    }

    /** The highest version the file's headers name; refused when neither header can be read. */
    static long namedVersion(Path file) throws IOException {
        byte[] headers;
        try (InputStream in = Files.newInputStream(file)) {
            headers = in.readNBytes(HEADERS);
        }
        Long named = null;
        for (int start = 0; start < headers.length; start += 4096) {
            String header = new String(headers, start, Math.min(4096, headers.length - start),
                    StandardCharsets.ISO_8859_1).replaceAll("(?s)[^\\x20-\\x7e].*", "");
            Matcher version = VERSION.matcher(header);
            if (header.startsWith("H:") && version.find()) {
                // Unsigned: sixteen hex digits (an edited header) must not stop the command with a parse error.
                long found = Long.parseUnsignedLong(version.group(1), 16);
                named = named == null || Long.compareUnsigned(found, named) > 0 ? found : named;
            }
        }
        if (named == null) {
            throw new NotAStore("it has no H2 header (" + Files.size(file) + " bytes)");
        }
        return named;
    }
}
