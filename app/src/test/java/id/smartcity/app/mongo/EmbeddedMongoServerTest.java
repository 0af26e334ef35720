package id.smartcity.app.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
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
                "127.0.0.1", 0, "smartcity", Duration.ofMinutes(30), Duration.ofSeconds(1), false);
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
}
