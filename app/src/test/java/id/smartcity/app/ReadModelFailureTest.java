package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A read model whose write fails keeps the event: its batch is retried until the write passes, and health says the
 * processor is failing meanwhile. (Axon's default would log the failure and move on without the event, for good.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.mongo.embedded.backend=MEMORY")
class ReadModelFailureTest {
    @LocalServerPort
    int port;
    @Autowired
    MongoDatabaseFactory mongo;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerApiContract.testProperties(registry);
    }

    @Test
    void aDossierWriteThatFailsIsRetriedUntilItPassesAndNeverSkipped() throws Exception {
        LedgerClient api = new LedgerClient(port, LedgerApiContract.CREDENTIALS);
        MongoCollection<Document> dossiers = mongo.getMongoDatabase().getCollection("rm_regions");
        LedgerClient.Response first = api.post("/api/regions/35.71/selections", "operator",
                Commands.selection("Kota Kembar", "CITY", 2019, "2019-02-22"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(api.get("/api/regions/35.71?atLeast=" + first.position(), "reporter").status()).isEqualTo(200);
        // A second dossier of the same name cannot be written while this index stands: the store refuses the write.
        LedgerClient.Response second;
        String blocker = dossiers.createIndex(Indexes.ascending("name"), new IndexOptions().unique(true));
        try {
            second = api.post("/api/regions/35.72/selections", "operator",
                    Commands.selection("Kota Kembar", "CITY", 2019, "2019-02-23"));
            assertThat(second.status()).as("the command is accepted: only its read model is blocked").isEqualTo(201);
            JsonNode down = awaitHealth(api, 503);
            assertThat(down.path("components").path("projections").path("details").path("regions").path("failing")
                    .asBoolean()).isTrue();
            assertThat(dossiers.countDocuments(new Document("_id", "35.72"))).isZero();
        } finally {
            dossiers.dropIndex(blocker);
        }
        awaitHealth(api, 200);
        JsonNode region = api.get("/api/regions/35.72?atLeast=" + second.position(), "reporter").body();
        assertThat(region.path("name").asText()).isEqualTo("Kota Kembar");
    }

    private static JsonNode awaitHealth(LedgerClient api, int status) throws InterruptedException {
        LedgerClient.Response health = api.get("/actuator/health", "admin");
        for (int i = 0; i < 600 && health.status() != status; i++) {
            Thread.sleep(100);
            health = api.get("/actuator/health", "admin");
        }
        assertThat(health.status()).as("health").isEqualTo(status);
        return health.body();
    }
}
