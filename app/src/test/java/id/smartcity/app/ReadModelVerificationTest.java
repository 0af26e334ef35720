package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import id.smartcity.projections.admin.ProjectionAdmin;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Read models edited behind the ledger's back: verify names each document and how it departs from the log. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.mongo.embedded.backend=MEMORY")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class ReadModelVerificationTest {
    @LocalServerPort
    int port;
    @Autowired
    MongoDatabaseFactory mongo;
    @Autowired
    ProjectionAdmin projections;

    LedgerClient api;
    MongoCollection<Document> regions;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerApiContract.testProperties(registry);
    }

    @BeforeEach
    void recordTwoRegions() throws Exception {
        api = new LedgerClient(port, LedgerApiContract.CREDENTIALS);
        regions = mongo.getMongoDatabase().getCollection("rm_regions");
        for (String code : new String[] {"73.71", "32.76"}) {
            assertThat(api.post("/api/regions/" + code + "/selections", "operator", """
                    {"name": "Kota %s", "kind": "CITY", "cohortYear": 2018, "selectedOn": "2018-05-01"}"""
                    .formatted(code)).status()).isEqualTo(201);
        }
        assertThat(projections.awaitCaughtUp("regions", Duration.ofSeconds(30))).isTrue();
        assertThat(projections.awaitCaughtUp("published-figures", Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void matchesUntouchedReadModels() {
        JsonNode verify = api.get("/api/audit/verify", "auditor").body();

        assertThat(verify.path("status").asText()).as("%s", verify).isEqualTo("OK");
        assertThat(verify.path("readModels").findValuesAsText("status")).containsExactly("MATCHES", "MATCHES");
        assertThat(verify.path("readModels").get(0).path("documents").asLong()).isEqualTo(2);
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
    }

    @Test
    void namesADocumentEditedBehindTheLedgersBackAndHealthTurnsDown() {
        regions.updateOne(Filters.eq("_id", "73.71"), Updates.set("name", "Kota Palsu"));

        JsonNode verify = api.get("/api/audit/verify", "auditor").body();

        assertThat(verify.path("status").asText()).isEqualTo("READ_MODEL_DIFFERS");
        assertThat(verify.path("chain").asText()).isEqualTo("OK");
        JsonNode regionsOutcome = verify.path("readModels").get(0);
        assertThat(regionsOutcome.path("status").asText()).isEqualTo("DIFFERS");
        assertThat(regionsOutcome.path("differing").asLong()).isEqualTo(1);
        assertThat(regionsOutcome.path("differences").get(0).asText())
                .isEqualTo("73.71 differs at name: stored \"Kota Palsu\", the log gives \"Kota 73.71\"");
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(503);
        assertThat(api.get("/api/audit/verify?readModels=false", "auditor").body().path("status").asText())
                .as("the chain alone").isEqualTo("OK");
        assertThat(api.get("/actuator/health", null).status())
                .as("a verify of the chain alone does not clear what a full one found").isEqualTo(503);
        regions.updateOne(Filters.eq("_id", "73.71"), Updates.set("name", "Kota 73.71"));
        assertThat(api.get("/api/audit/verify", "auditor").body().path("status").asText()).isEqualTo("OK");
        assertThat(api.get("/actuator/health", null).status()).as("a full verify that matches").isEqualTo(200);
    }

    @Test
    void namesADocumentRemovedAndOneForged() {
        regions.deleteOne(Filters.eq("_id", "32.76"));
        Document forged = regions.find(Filters.eq("_id", "73.71")).first();
        forged.put("_id", "35.71");
        forged.put("code", "35.71");
        regions.insertOne(forged);

        JsonNode differences = api.get("/api/audit/verify", "auditor").body().path("readModels").get(0)
                .path("differences");

        assertThat(differences.findValuesAsText("")).isEmpty();
        assertThat(differences.toString()).contains("35.71 is not in the log")
                .contains("32.76 is missing: the log up to position");
    }

    /**
     * A hostile tester's finding: positions set beyond the head made reports claim position 5,000 of a log of 348,
     * answer {@code atLeast} at once with stale figures, and verify said OK.
     */
    @Test
    void aReadModelPositionBeyondTheHeadIsNamedByVerifyAndNoReportRestsOnIt() throws Exception {
        assertThat(api.get("/api/reports/annual-totals", "reporter").status()).as("the valid form").isEqualTo(200);
        mongo.getMongoDatabase().getCollection("rm_positions")
                .updateMany(new Document(), Updates.set("position", 5000L));

        LedgerClient.Response report = api.get("/api/reports/annual-totals", "reporter");
        assertThat(report.status()).isEqualTo(503);
        assertThat(report.body().path("code").asText()).isEqualTo("READ_MODEL_AHEAD_OF_LOG");
        JsonNode verify = api.get("/api/audit/verify", "auditor").body();
        assertThat(verify.path("status").asText()).isEqualTo("READ_MODEL_DIFFERS");
        assertThat(verify.path("readModels").get(0).path("differences").toString())
                .contains("claims position 5000, beyond the log's head 2");

        projections.rebuild("regions");
        projections.rebuild("published-figures");
        assertThat(projections.awaitCaughtUp("regions", Duration.ofSeconds(30))).isTrue();
        assertThat(projections.awaitCaughtUp("published-figures", Duration.ofSeconds(30))).isTrue();
        assertThat(api.get("/api/reports/annual-totals", "reporter").status()).as("after a rebuild").isEqualTo(200);
    }

    @Test
    void aPositionBeyondTheHeadAskedForIsRefusedWithItsRule() {
        LedgerClient.Response refused = api.get("/api/reports/annual-totals?atLeast=3", "reporter");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("code").asText()).isEqualTo("POSITION_BEYOND_HEAD");
        assertThat(api.get("/api/reports/annual-totals?atLeast=2", "reporter").status()).isEqualTo(200);
    }
}
