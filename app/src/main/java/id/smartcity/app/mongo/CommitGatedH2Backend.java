package id.smartcity.app.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVStore;

/**
 * The embedded server's H2 backend, committed only between whole commands (ADR 3).
 *
 * <p>mongo-java-server writes a document and then its index entries as separate map writes. H2's own background
 * commit could persist the state in between, and a crash then left a document on disk without its index entries:
 * the folder no longer started. Here the store is opened with auto-commit off, every command that may write runs
 * under a shared lock, and {@link #commit()} takes the lock exclusively, so each commit on disk holds only whole
 * commands. Reads take no lock: H2 serves them from a version, whatever commits meanwhile.
 */
final class CommitGatedH2Backend extends H2Backend {
    /** Commands that never write to the store; every other command, known or not, counts as a write. */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "listcollections",
            "listindexes", "listdatabases", "hello", "ismaster", "ping", "buildinfo", "whatsmyuri", "serverstatus",
            "dbstats", "collstats", "killcursors", "endsessions", "getparameter", "connectionstatus", "hostinfo",
            "getlasterror", "getcmdlineopts", "getlog", "explain", "startsession", "getfreemonitoringstatus");

    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private volatile H2VersionWitness witness;

    CommitGatedH2Backend(MVStore store) {
        super(store);
    }

    /** From now on every commit records the version it reached there. */
    void witnessCommitsIn(H2VersionWitness witness) {
        this.witness = witness;
        witnessed();
    }

    private void witnessed() {
        H2VersionWitness current = witness;
        if (current != null) {
            current.record(getMvStore().getCurrentVersion());
        }
    }

    /**
     * Opens the file with H2's background and size-triggered commits off: only {@link #commit()} writes it;
     * {@code cacheMegabytes}: how much of the file's pages the store keeps decoded in memory.
     */
    static MVStore open(String file, int cacheMegabytes) {
        return new MVStore.Builder().fileName(file).autoCommitDisabled().autoCommitBufferSize(0)
                .cacheSize(cacheMegabytes).open();
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (isRead(command, query)) {
            return super.handleCommand(channel, database, command, query);
        }
        gate.readLock().lock();
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            gate.readLock().unlock();
        }
    }

    private static boolean isRead(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            return !(query.get("pipeline") instanceof List<?> stages) || stages.stream().noneMatch(stage ->
                    stage instanceof Document document
                            && (document.containsKey("$out") || document.containsKey("$merge")));
        }
        return READS.contains(name);
    }

    /** Writes every whole command so far to disk; commands that arrive meanwhile wait for it. */
    @Override
    public void commit() {
        gate.writeLock().lock();
        try {
            super.commit();
            witnessed();
        } finally {
            gate.writeLock().unlock();
        }
    }

    /**
     * What H2's background thread did besides committing: rewrites sparsely filled chunks so the file does not only
     * grow. Under the same exclusive lock, and committed at once, so it too persists only whole commands.
     */
    void compact(int targetFillRate, int bytes) {
        gate.writeLock().lock();
        try {
            getMvStore().compact(targetFillRate, bytes);
            super.commit();
            witnessed();
        } finally {
            gate.writeLock().unlock();
        }
    }

    boolean hasUnsavedChanges() {
        return getMvStore().hasUnsavedChanges();
    }

    @Override
    public void close() {
        gate.writeLock().lock();
        try {
            super.commit();
            witnessed();
            super.close();
            if (witness != null) {
                witness.close();
            }
        } finally {
            gate.writeLock().unlock();
        }
    }
}
