package id.smartcity.app.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A MongoDB wire-protocol server in this JVM, on H2 (persistent) or memory; the real driver talks to it. */
public final class EmbeddedMongoServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    private final MongoBackend backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(MongoBackend backend, String host, int port) {
        this.backend = backend;
        this.server = new MongoServer(backend);
        server.bind(host, port);
        this.address = server.getLocalAddress();
    }

    public static EmbeddedMongoServer start(EmbeddedMongoProperties properties) {
        if (properties.backend() == EmbeddedMongoProperties.Backend.MEMORY) {
            EmbeddedMongoServer server = new EmbeddedMongoServer(new MemoryBackend(), properties.host(),
                    properties.port());
            LOG.info("No MongoDB URI configured: embedded MongoDB (memory backend, nothing kept) on {}",
                    server.connectionString(properties.database()));
            return server;
        }
        Path directory = properties.dataDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + directory, e);
        }
        Path file = directory.resolve("ledger.mv");
        // The embedded server scans a collection in one pass over an MVStore version; H2 frees the pages of replaced
        // versions after its retention time, and a longer scan then fails with "Chunk not found".
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        store.setRetentionTime((int) Math.min(Integer.MAX_VALUE, properties.h2Retention().toMillis()));
        EmbeddedMongoServer server = new EmbeddedMongoServer(new H2Backend(store), properties.host(),
                properties.port());
        LOG.info("No MongoDB URI configured: embedded MongoDB (H2 backend, data in {}) on {}", file,
                server.connectionString(properties.database()));
        return server;
    }

    public String connectionString(String database) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }

    /** How long the H2 file keeps replaced pages; -1 for the memory backend. */
    public long retentionMillis() {
        return backend instanceof H2Backend h2 ? h2.getMvStore().getRetentionTime() : -1;
    }

    /** Forces what was written to disk: the H2 backend otherwise commits in the background. */
    public void commit() {
        if (backend instanceof H2Backend h2) {
            h2.commit();
        }
    }

    @Override
    public void close() {
        commit();
        // shutdown() also stops the network threads, which would otherwise keep the JVM alive.
        server.shutdown();
    }
}
