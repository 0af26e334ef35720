package id.smartcity.app.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up compaction of a sparse H2 file (ADR 3): what a burst of writes leaves is given back to the disk. */
class H2FileCompactionTest {
    private static final int DOCUMENTS = 40;
    private static final String MEGABYTE = "x".repeat(1024 * 1024);

    @TempDir
    Path dataDir;

    @Test
    void aStartCompactsAFileMostlyOfReplacedPagesAndKeepsEveryDocument() throws IOException {
        writeAndReplace(properties(true), 4);
        long before = Files.size(file());

        EmbeddedMongoServer server = EmbeddedMongoServer.start(properties(true));
        try (MongoClient client = MongoClients.create(server.connectionString("smartcity"))) {
            MongoCollection<Document> padding = client.getDatabase("smartcity").getCollection("padding");
            assertThat(padding.countDocuments()).isEqualTo(DOCUMENTS);
            assertThat(padding.find(Filters.eq("_id", 7)).first()).containsEntry("round", 3);
            // The unique index came through the copy: a second document with the same key is still refused.
            assertThat(padding.listIndexes().into(new java.util.ArrayList<>())).hasSize(2);
        } finally {
            server.close();
        }
        assertThat(Files.size(file())).isLessThan(before / 2);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void withCompactionOffTheFileIsLeftAsItIs() throws IOException {
        writeAndReplace(properties(false), 4);
        long before = Files.size(file());

        EmbeddedMongoServer.start(properties(false)).close();

        assertThat(Files.size(file())).isGreaterThanOrEqualTo(before);
    }

    @Test
    void aCopyThatACrashLeftBehindIsDeletedAndTheFileItWasToReplaceOpens() throws IOException {
        writeAndReplace(properties(false), 1);
        Path leftover = dataDir.resolve("ledger.mv.compacting-12345.tmp");
        Files.write(leftover, new byte[] {1, 2, 3});

        EmbeddedMongoServer server = EmbeddedMongoServer.start(properties(true));
        try (MongoClient client = MongoClients.create(server.connectionString("smartcity"))) {
            assertThat(client.getDatabase("smartcity").getCollection("padding").countDocuments())
                    .isEqualTo(DOCUMENTS);
        } finally {
            server.close();
        }
        assertThat(leftover).doesNotExist();
    }

    /** Writes {@link #DOCUMENTS} documents of a megabyte and replaces each {@code rounds - 1} times. */
    private void writeAndReplace(EmbeddedMongoProperties properties, int rounds) {
        EmbeddedMongoServer server = EmbeddedMongoServer.start(properties);
        try (MongoClient client = MongoClients.create(server.connectionString("smartcity"))) {
            MongoCollection<Document> padding = client.getDatabase("smartcity").getCollection("padding");
            padding.createIndex(new Document("key", 1), new com.mongodb.client.model.IndexOptions().unique(true));
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < DOCUMENTS; i++) {
                    padding.replaceOne(Filters.eq("_id", i), new Document("_id", i).append("key", "k" + i)
                            .append("round", round).append("text", MEGABYTE),
                            new com.mongodb.client.model.ReplaceOptions().upsert(true));
                    server.commit();
                }
            }
        } finally {
            server.close();
        }
    }

    private EmbeddedMongoProperties properties(boolean compactOnStart) {
        return new EmbeddedMongoProperties(EmbeddedMongoProperties.Backend.H2, dataDir, "127.0.0.1", 0, "smartcity",
                Duration.ofMinutes(30), Duration.ofSeconds(1), false, compactOnStart, null);
    }

    private Path file() {
        return dataDir.resolve("ledger.mv");
    }

    private java.util.List<Path> leftovers() throws IOException {
        try (Stream<Path> entries = Files.list(dataDir)) {
            return entries.filter(entry -> entry.getFileName().toString().startsWith("ledger.mv.compacting"))
                    .toList();
        }
    }
}
