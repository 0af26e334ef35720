package id.smartcity.app.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile tester's finding: a data file cut short opened at an older version without a word, verify said OK over
 * what was left, and 6,000 acknowledged events were gone. The file is now held against the last version committed.
 */
class H2VersionWitnessTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path copies;

    @Test
    void aStartRefusesAFileOlderThanTheLastVersionCommittedAndTheSalvageSaysSo() throws IOException {
        write(0, 10);
        Path older = Files.copy(dataDir.resolve("ledger.mv"), copies.resolve("older.mv"));
        write(10, 20);
        Files.copy(older, dataDir.resolve("ledger.mv"), StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> EmbeddedMongoServer.start(properties(false)))
                .isInstanceOf(EmbeddedStoreDamagedException.class)
                .hasMessageContaining("cut short or replaced by an older copy")
                .hasMessageContaining(H2VersionWitness.NAME);

        try (EmbeddedMongoServer salvage = EmbeddedMongoServer.start(properties(true))) {
            assertThat(salvage.damage()).singleElement().asString().contains("events the ledger acknowledged");
            assertThat(count(salvage)).as("what the older file still holds").isEqualTo(10);
        }
        assertThatThrownBy(() -> EmbeddedMongoServer.start(properties(false)))
                .as("the salvage did not overwrite the evidence").isInstanceOf(EmbeddedStoreDamagedException.class);

        // An older copy put back on purpose is accepted once its witness is deleted.
        Files.delete(dataDir.resolve(H2VersionWitness.NAME));
        try (EmbeddedMongoServer accepted = EmbeddedMongoServer.start(properties(false))) {
            assertThat(accepted.damage()).isEmpty();
            assertThat(count(accepted)).isEqualTo(10);
        }
    }

    @Test
    void aFileCutShortIsRefusedAndTheWholeOneStarts() throws IOException {
        Path intact = twoHundredCutToHalf();

        assertThatThrownBy(() -> EmbeddedMongoServer.start(properties(false)))
                .isInstanceOf(EmbeddedStoreDamagedException.class);

        Files.copy(intact, dataDir.resolve("ledger.mv"), StandardCopyOption.REPLACE_EXISTING);
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(properties(false))) {
            assertThat(count(server)).isEqualTo(200);
        }
    }

    @Test
    void aFileCutShortWithItsWitnessLostIsRefusedByItsOwnHeader() throws IOException {
        Path intact = twoHundredCutToHalf();
        Files.delete(dataDir.resolve(H2VersionWitness.NAME));
        byte[] cut = Files.readAllBytes(dataDir.resolve("ledger.mv"));

        assertThatThrownBy(() -> EmbeddedMongoServer.start(properties(false)))
                .isInstanceOf(EmbeddedStoreDamagedException.class).hasMessageContaining("it was cut short");
        assertThat(Files.readAllBytes(dataDir.resolve("ledger.mv"))).as("left as found").isEqualTo(cut);

        // The valid form: the whole file, its witness still lost, starts with everything it holds.
        Files.copy(intact, dataDir.resolve("ledger.mv"), StandardCopyOption.REPLACE_EXISTING);
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(properties(false))) {
            assertThat(server.damage()).isEmpty();
            assertThat(count(server)).isEqualTo(200);
        }
    }

    /** Writes 200 documents, keeps a copy of the whole file and cuts the file to half its size; answers the copy. */
    private Path twoHundredCutToHalf() throws IOException {
        write(0, 200);
        long whole = Files.size(dataDir.resolve("ledger.mv"));
        Path intact = Files.copy(dataDir.resolve("ledger.mv"), copies.resolve("intact.mv"));
        try (RandomAccessFile file = new RandomAccessFile(dataDir.resolve("ledger.mv").toFile(), "rw")) {
            file.setLength(whole / 2);
        }
        return intact;
    }

    /** Inserts documents {@code from..to-1}, each committed as the event store commits, then stops the server. */
    private void write(int from, int to) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(properties(false));
             MongoClient client = MongoClients.create(server.connectionString("smartcity"))) {
            for (int i = from; i < to; i++) {
                client.getDatabase("smartcity").getCollection("events")
                        .insertOne(new Document("_id", (long) i).append("text", "x".repeat(2000)));
                server.commit();
            }
        }
    }

    private static long count(EmbeddedMongoServer server) {
        try (MongoClient client = MongoClients.create(server.connectionString("smartcity"))) {
            return client.getDatabase("smartcity").getCollection("events").countDocuments();
        }
    }

    private EmbeddedMongoProperties properties(boolean openDamaged) {
        return new EmbeddedMongoProperties(EmbeddedMongoProperties.Backend.H2, dataDir, "127.0.0.1", 0, "smartcity",
                Duration.ofMinutes(30), Duration.ofSeconds(1), openDamaged, true, null);
    }
}
