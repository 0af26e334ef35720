package id.smartcity.app.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's data folder and the files in it (the embedded store, generated passwords) are its owner's alone:
 * folders 0700, files 0600, given at creation (never created first and narrowed after, which leaves a moment in
 * which another local user may open them), and narrowed on files found wider. On a file system without POSIX
 * permissions (Windows) the folder's access rules are the operating system's.
 */
public final class OwnerOnly {
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnly.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {
    }

    /**
     * Creates the folder (and missing parents) 0700; a folder that exists is narrowed to 0700 only if everything in
     * it is the ledger's ({@code ours}): a data folder pointed at a shared one (/tmp) is not taken from the others.
     */
    public static Path folder(Path folder, Predicate<Path> ours) throws IOException {
        if (!POSIX) {
            return Files.createDirectories(folder);
        }
        if (!Files.isDirectory(folder)) {
            return Files.createDirectories(folder, attribute(FOLDER));
        }
        try (Stream<Path> entries = Files.list(folder)) {
            if (entries.allMatch(ours)) {
                Files.setPosixFilePermissions(folder, FOLDER);
            } else if (!Files.getPosixFilePermissions(folder).equals(FOLDER)) {
                LOG.warn("{} holds more than the ledger's files, so its permissions are left as they are ({}); "
                        + "give the ledger a folder of its own", folder,
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
            }
        }
        return folder;
    }

    /** Creates the empty file 0600 if it does not exist; narrows it to 0600 if it does. */
    public static Path file(Path file) throws IOException {
        if (!POSIX) {
            return Files.exists(file) ? file : Files.createFile(file);
        }
        try {
            return Files.createFile(file, attribute(FILE));
        } catch (FileAlreadyExistsException e) {
            Files.setPosixFilePermissions(file, FILE);
            return file;
        }
    }

    /** A new temporary file 0600 in {@code folder}, to be moved over the file it replaces. */
    public static Path temporaryFile(Path folder, String prefix) throws IOException {
        return POSIX ? Files.createTempFile(folder, prefix, ".tmp", attribute(FILE))
                : Files.createTempFile(folder, prefix, ".tmp");
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
