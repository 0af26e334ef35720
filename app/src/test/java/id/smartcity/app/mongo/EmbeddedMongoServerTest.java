package id.smartcity.app.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoServerTest {
    @TempDir
    Path dataDir;

    @Test
    void theH2FileKeepsReplacedPagesForTheConfiguredRetentionAndKeepsWhatWasWritten() {
        EmbeddedMongoProperties properties = new EmbeddedMongoProperties(EmbeddedMongoProperties.Backend.H2, dataDir,
                "127.0.0.1", 0, "smartcity", Duration.ofMinutes(30), Duration.ofSeconds(1), false, true, null);
        EmbeddedMongoServer server = EmbeddedMongoServer.start(properties);
        try (MongoClient client = MongoClients.create(server.connectionString("smartcity"))) {
            client.getDatabase("smartcity").getCollection("probe").insertOne(new Document("_id", 1L));
        } finally {
            server.close();
        }
        MVStore store = new MVStore.Builder().fileName(dataDir.resolve("ledger.mv").toString()).readOnly().open();
        try {
            assertThat(store.getMapNames()).isNotEmpty();
        } finally {
            store.close();
        }
        EmbeddedMongoServer reopened = EmbeddedMongoServer.start(properties);
        try {
            assertThat(reopened.retentionMillis()).isEqualTo(Duration.ofMinutes(30).toMillis());
            try (MongoClient client = MongoClients.create(reopened.connectionString("smartcity"))) {
                assertThat(client.getDatabase("smartcity").getCollection("probe").countDocuments()).isEqualTo(1);
            }
        } finally {
            reopened.close();
        }
    }

    private static EmbeddedMongoProperties h2(Path folder, String host) {
        return new EmbeddedMongoProperties(EmbeddedMongoProperties.Backend.H2, folder, host, 0, "smartcity",
                Duration.ofMinutes(30), Duration.ofSeconds(1), false, true, null);
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    /** Issue 16, row 5: the tester found the folder 0755 and ledger.mv 0644, readable by every local user. */
    @Test
    void theDataFolderAndItsFileAreTheOwnersAloneNewOrFoundWider() throws IOException {
        Path folder = dataDir.resolve("data");
        EmbeddedMongoServer.start(h2(folder, "127.0.0.1")).close();
        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(folder.resolve("ledger.mv"))).isEqualTo("rw-------");

        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(folder.resolve("ledger.mv"), PosixFilePermissions.fromString("rw-r--r--"));
        EmbeddedMongoServer server = EmbeddedMongoServer.start(h2(folder, "127.0.0.1"));
        try (MongoClient client = MongoClients.create(server.connectionString("smartcity"))) {
            client.getDatabase("smartcity").getCollection("probe").insertOne(new Document("_id", 1L));
        } finally {
            server.close();
        }
        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(folder.resolve("ledger.mv"))).isEqualTo("rw-------");
    }

    @Test
    void aFolderSharedWithOtherFilesKeepsItsPermissionsButTheLedgersFileIsNarrowed() throws IOException {
        Path shared = Files.createDirectories(dataDir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(shared.resolve("someone-elses.txt"), "x");
        EmbeddedMongoServer.start(h2(shared, "127.0.0.1")).close();
        assertThat(mode(shared)).isEqualTo("rwxr-xr-x");
        assertThat(mode(shared.resolve("ledger.mv"))).isEqualTo("rw-------");
    }

    /** Issue 16, row 5: the embedded server has no login, so it listens where only this machine reaches it. */
    @Test
    void theEmbeddedServerListensOnLoopbackOnly() {
        for (String host : new String[] {"0.0.0.0", "::", "192.0.2.1", "no-such-host.invalid"}) {
            assertThatThrownBy(() -> EmbeddedMongoServer.start(h2(dataDir.resolve("any"), host)))
                    .as(host).isInstanceOf(id.smartcity.app.startup.EmbeddedMongoNotStartedException.class).hasMessageContaining("loopback");
        }
        EmbeddedMongoServer server = EmbeddedMongoServer.start(new EmbeddedMongoProperties(
                EmbeddedMongoProperties.Backend.MEMORY, dataDir, "localhost", 0, "smartcity", Duration.ofMinutes(30),
                Duration.ofSeconds(1), false, true, null));
        server.close();
    }
}
