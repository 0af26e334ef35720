package id.smartcity.app.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** H2 writes the file only when the ledger commits: what a kill before that leaves is the last commit, whole. */
class CommitGatedH2BackendTest {
    @TempDir
    Path dataDir;

    @Test
    void writesNothingToTheFileUntilItCommitsHowManyWritesSoEver() throws Exception {
        String file = dataDir.resolve("ledger.mv").toString();
        CommitGatedH2Backend backend = new CommitGatedH2Backend(CommitGatedH2Backend.open(file, 16));
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            var probe = client.getDatabase("smartcity").getCollection("probe");
            probe.insertOne(new Document("_id", 0L).append("text", "committed"));
            backend.commit();
            // More than H2's write buffer and its one-second background delay: neither may write these.
            String large = "x".repeat(64 * 1024);
            for (long i = 1; i <= 400; i++) {
                probe.insertOne(new Document("_id", i).append("text", large));
            }
            Thread.sleep(1500);
        }
        backend.getMvStore().closeImmediately(); // what SIGKILL leaves: no commit on the way out
        server.shutdownNow();

        MVStore reopened = new MVStore.Builder().fileName(file).readOnly().open();
        try {
            assertThat(reopened.openMap("databases.smartcity.probe").sizeAsLong()).isEqualTo(1);
            assertThat(H2CrashRepair.find(reopened)).isEmpty();
        } finally {
            reopened.close();
        }
    }

    @Test
    void keepsEverythingCommitted() {
        String file = dataDir.resolve("ledger.mv").toString();
        CommitGatedH2Backend backend = new CommitGatedH2Backend(CommitGatedH2Backend.open(file, 16));
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            var probe = client.getDatabase("smartcity").getCollection("probe");
            for (long i = 1; i <= 400; i++) {
                probe.insertOne(new Document("_id", i).append("text", "x".repeat(64 * 1024)));
            }
            backend.commit();
        }
        backend.getMvStore().closeImmediately();
        server.shutdownNow();

        MVStore reopened = new MVStore.Builder().fileName(file).readOnly().open();
        try {
            assertThat(reopened.openMap("databases.smartcity.probe").sizeAsLong()).isEqualTo(400);
        } finally {
            reopened.close();
        }
    }
}
