package id.smartcity.app.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import id.smartcity.app.files.OwnerOnly;
import id.smartcity.app.startup.DataFolderInUseException;
import id.smartcity.app.startup.DataFolderNotWritableException;
import id.smartcity.app.startup.EmbeddedMongoNotStartedException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A MongoDB wire-protocol server in this JVM, on H2 (persistent) or memory; the real driver talks to it. */
public final class EmbeddedMongoServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    private final MongoBackend backend;
    private final MongoServer server;
    private static final Duration COMPACT_INTERVAL = Duration.ofMinutes(1);
    private static final int COMPACT_FILL_RATE = 50;
    private static final int COMPACT_BYTES = 16 * 1024 * 1024;
    private final InetSocketAddress address;
    private ScheduledExecutorService committer;
    private final List<String> damage = new ArrayList<>();

    private EmbeddedMongoServer(MongoBackend backend, String host, int port) {
        this.backend = backend;
        this.server = new MongoServer(backend);
        try {
            server.bind(host, port);
        } catch (Exception e) {
            // Netty throws the BindException unwrapped, though it is checked, past the server's own clean-up; its
            // network threads are not daemons, and left running they would keep the JVM from ever exiting.
            server.shutdownNow();
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.net.BindException) {
                    throw new EmbeddedMongoNotStartedException("The embedded MongoDB's port " + port + " on " + host
                            + " is in use by another process", "Stop that process, or give the embedded store another"
                            + " port with LEDGER_MONGO_PORT (0, the default, picks a free one).", e);
                }
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
        this.address = server.getLocalAddress();
    }

    public static EmbeddedMongoServer start(EmbeddedMongoProperties properties) {
        requireLoopback(properties.host());
        if (properties.backend() == EmbeddedMongoProperties.Backend.MEMORY) {
            EmbeddedMongoServer server = new EmbeddedMongoServer(new MemoryBackend(), properties.host(),
                    properties.port());
            LOG.debug("No MongoDB URI configured: embedded MongoDB (memory backend, nothing kept) on {}",
                    server.connectionString(properties.database()));
            return server;
        }
        Path directory = properties.dataDir().toAbsolutePath().normalize();
        Path file = directory.resolve("ledger.mv");
        try {
            // The embedded server has no login: the folder and the file are the only lock on the data.
            OwnerOnly.folder(directory, EmbeddedMongoServer::ledgers);
            OwnerOnly.file(file);
        } catch (IOException e) {
            throw new DataFolderNotWritableException(directory, e);
        }
        requireWritable(directory);
        boolean written;
        try {
            written = Files.exists(file) && Files.size(file) > 0;
        } catch (IOException e) {
            throw new DataFolderNotWritableException(directory, e);
        }
        int cacheMegabytes = properties.h2CacheMegabytes();
        MVStore store = open(file, directory, cacheMegabytes);
        CommitGatedH2Backend backend;
        List<String> damage = new ArrayList<>();
        try {
            rolledBack(store, directory, file, written).ifPresent(what -> {
                if (!properties.openDamaged()) {
                    throw new EmbeddedStoreDamagedException(file.toString(), what);
                }
                LOG.warn("The embedded store {} is damaged: {}; opened as it is, to read what it holds", file, what);
                damage.add(what);
            });
            List<H2CrashRepair.Damage> damages = H2CrashRepair.find(store);
            // Only a healthy file is compacted: a damaged one is repaired (or refused) as it is, and compacted at the
            // next start; a salvage leaves the file alone.
            if (damages.isEmpty() && !properties.openDamaged() && properties.h2CompactOnStart()
                    && H2FileCompaction.worthIt(store)) {
                MVStore sparse = store;
                store = null;
                store = H2FileCompaction.compact(sparse, file, name -> open(file, directory, cacheMegabytes));
            }
            backend = new CommitGatedH2Backend(store);
            H2CrashRepair.complete(backend, damages, file.toString(), properties.openDamaged());
            if (!properties.openDamaged()) {
                // Never from a salvage: its commits on a file found older would hide that it was.
                backend.witnessCommitsIn(H2VersionWitness.open(directory));
            }
        } catch (IOException e) {
            store.closeImmediately();
            throw new DataFolderNotWritableException(directory, e);
        } catch (RuntimeException e) {
            if (store != null) {
                store.closeImmediately();
            }
            throw e;
        }
        // The embedded server scans a collection in one pass over an MVStore version; H2 frees the pages of replaced
        // versions after its retention time, and a longer scan then fails with "Chunk not found".
        store.setRetentionTime((int) Math.min(Integer.MAX_VALUE, properties.h2Retention().toMillis()));
        EmbeddedMongoServer server;
        try {
            server = new EmbeddedMongoServer(backend, properties.host(), properties.port());
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e;
        }
        server.damage.addAll(damage);
        server.startCommitting(backend, properties.h2CommitInterval());
        LOG.debug("No MongoDB URI configured: embedded MongoDB (H2 backend, data in {}) on {}", file,
                server.connectionString(properties.database()));
        return server;
    }

    /**
     * Why the file is older than the last version this ledger committed to it, or than the version its own header
     * names (a file cut short whose witness was lost too), if it is. {@code written}: the file held data before this
     * start opened it (a new one has no header to read yet).
     */
    private static Optional<String> rolledBack(MVStore store, Path directory, Path file, boolean written)
            throws IOException {
        long witnessed = H2VersionWitness.recorded(directory);
        long version = store.getCurrentVersion();
        if (witnessed <= version) {
            try {
                return written ? H2FileHeader.cutShort(file, version) : Optional.empty();
            } catch (H2FileHeader.NotAStore e) {
                // H2 opened it, so its headers are H2's own: a format this check does not know is H2's to judge.
                return Optional.empty();
            }
        }
        return Optional.of("the file ends at version " + version + ", but the ledger had committed version "
                + witnessed + " to it: it was cut short or replaced by an older copy, and events the ledger"
                + " acknowledged may be missing. Put back a copy taken after that version; to accept this file as"
                + " it is (an older copy restored on purpose), delete " + directory.resolve(H2VersionWitness.NAME));
    }

    /** What a salvage found wrong with the file it opened anyway; empty when nothing was. */
    public List<String> damage() {
        return List.copyOf(damage);
    }

    private static MVStore open(Path file, Path directory, int cacheMegabytes) {
        try {
            H2FileCompaction.deleteLeftovers(directory);
            return CommitGatedH2Backend.open(file.toString(), cacheMegabytes);
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new DataFolderInUseException(directory, e);
            }
            throw e;
        } catch (IOException e) {
            throw new DataFolderNotWritableException(directory, e);
        }
    }

    /** The files the ledger keeps in its data folder: the H2 file (and H2's temporary ones), generated passwords. */
    private static boolean ledgers(Path entry) {
        String name = entry.getFileName().toString();
        return name.startsWith("ledger.mv") || name.startsWith("generated-credentials");
    }

    /**
     * mongo-java-server has no authentication: anyone who reaches its port may read and write everything. It listens
     * on this machine's loopback only; a MongoDB that other machines reach needs a real one with authentication
     * ({@code MONGODB_URI}).
     */
    static void requireLoopback(String host) {
        boolean loopback;
        try {
            loopback = InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            throw new EmbeddedMongoNotStartedException("ledger.mongo.embedded.host=" + host + " is not a loopback"
                    + " address: the embedded MongoDB has no login and listens on loopback only", "Leave"
                    + " LEDGER_MONGO_EMBEDDED_HOST at 127.0.0.1, or set MONGODB_URI to a MongoDB with authentication"
                    + " to share the data with other machines.", null);
        }
    }

    /**
     * Creates the folder and tries a file in it: H2 would otherwise fail later with a message about its own file, and
     * a folder without write permission for root is caught by the attempt, not by its permission bits.
     */
    public static void requireWritable(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.delete(Files.createTempFile(directory, ".writable", ".probe"));
        } catch (IOException | SecurityException e) {
            throw new DataFolderNotWritableException(directory, e);
        }
    }

    /**
     * H2 no longer commits in the background (ADR 3): what the event store does not commit itself (read models,
     * tokens) is committed every {@code interval}, and sparsely filled chunks are rewritten now and then.
     */
    private void startCommitting(CommitGatedH2Backend h2, Duration interval) {
        committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-mongo-commit");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, interval.toMillis());
        long compactEvery = Math.max(1, COMPACT_INTERVAL.toMillis() / every);
        AtomicLong ticks = new AtomicLong();
        committer.scheduleWithFixedDelay(() -> {
            try {
                if (ticks.incrementAndGet() % compactEvery == 0) {
                    h2.compact(COMPACT_FILL_RATE, COMPACT_BYTES);
                } else if (h2.hasUnsavedChanges()) {
                    h2.commit();
                }
            } catch (RuntimeException e) {
                LOG.warn("Committing the embedded store failed; the next commit tries again", e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /** What StartUpSummary names: the backend and, for H2, its file. */
    public String describe() {
        return backend instanceof H2Backend h2 ? "H2, " + Path.of(h2.getMvStore().getFileStore().getFileName())
                .toAbsolutePath().normalize() : "memory, nothing kept";
    }

    public String connectionString(String database) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }

    /** How long the H2 file keeps replaced pages; -1 for the memory backend. */
    public long retentionMillis() {
        return backend instanceof H2Backend h2 ? h2.getMvStore().getRetentionTime() : -1;
    }

    /** Writes every whole command so far to disk: the event store calls it before it acknowledges a commit. */
    public void commit() {
        if (backend instanceof H2Backend h2) {
            h2.commit();
        }
    }

    @Override
    public void close() {
        if (committer != null) {
            committer.shutdownNow();
        }
        commit();
        // shutdown() also stops the network threads, which would otherwise keep the JVM alive.
        server.shutdown();
    }
}
