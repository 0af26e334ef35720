package id.smartcity.app;

import static id.smartcity.app.Commands.mentor;
import static id.smartcity.app.Commands.mou;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import id.smartcity.eventstore.MongoEventStorageEngine;
import id.smartcity.projections.admin.ProjectionAdmin;
import id.smartcity.projections.live.ReadModels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/** The embedded default keeps the ledger in its data folder: a restarted app finds the history intact. */
class RestartOnSameDataFolderTest {
    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SmartCityLedgerApplication.class)
                .run("--server.port=0", "--ledger.mongo.embedded.backend=H2",
                        "--ledger.mongo.embedded.data-dir=" + dataDir);
    }

    private LedgerClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new LedgerClient(port, dataDir.resolve("generated-credentials.properties"));
    }

    @Test
    void findsARegionsWholeLifeIntactAfterARestart() {
        List<String> before;
        try (ConfigurableApplicationContext app = start()) {
            List<LedgerClient.Response> life = RegionLife.depok(client(app), "operator");
            assertThat(life).allSatisfy(step -> assertThat(step.status()).as("%s", step.body()).isEqualTo(201));
            before = eventsOf(app);
        }

        try (ConfigurableApplicationContext app = start()) {
            LedgerClient api = client(app);
            assertThat(eventsOf(app)).isEqualTo(before).hasSize(RegionLife.EVENT_TYPES.size());
            // The rules see the history: 2019's MoU is signed, and the next step continues the global order.
            LedgerClient.Response again = api.post(RegionLife.DEPOK + "/engagements/2019/mou", "operator",
                    mou("2019-05-15"));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.code()).isEqualTo("MOU_ALREADY_SIGNED");
            LedgerClient.Response mentored = api.post(RegionLife.DEPOK + "/engagements/2021/mentors", "operator",
                    mentor("Perbanas", "2021-04-01"));
            assertThat(mentored.status()).as("%s", mentored.body()).isEqualTo(201);
            assertThat(mentored.position()).isEqualTo(RegionLife.EVENT_TYPES.size() + 1);
        }
    }

    /** Read models an older version built (no format recorded, timelines without phrases) are rebuilt at start. */
    @Test
    void readModelsAnOlderVersionBuiltAreRebuiltAtStartAndVerifyMatches() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            assertThat(RegionLife.depok(client(app), "operator")).allSatisfy(step -> assertThat(step.status())
                    .isEqualTo(201));
            ProjectionAdmin projections = app.getBean(ProjectionAdmin.class);
            assertThat(projections.awaitCaughtUp("regions", Duration.ofSeconds(30))).isTrue();
            MongoDatabase database = app.getBean(MongoDatabaseFactory.class).getMongoDatabase();
            // What the previous version left: positions without a format, timeline entries without phrases.
            database.getCollection("rm_positions").updateMany(new Document(), Updates.unset("format"));
            database.getCollection("rm_regions").updateMany(new Document(),
                    Updates.unset("timeline.$[].what"));
            assertThat(client(app).get("/api/audit/verify", "auditor").body().path("status").asText())
                    .as("the old shape differs from what the projectors now write").isEqualTo("READ_MODEL_DIFFERS");
        }

        try (ConfigurableApplicationContext app = start()) {
            ProjectionAdmin projections = app.getBean(ProjectionAdmin.class);
            assertThat(projections.awaitCaughtUp("regions", Duration.ofSeconds(60))).isTrue();
            assertThat(projections.awaitCaughtUp("published-figures", Duration.ofSeconds(60))).isTrue();
            JsonNode verify = client(app).get("/api/audit/verify", "auditor").body();
            assertThat(verify.path("status").asText()).as("%s", verify).isEqualTo("OK");
            assertThat(app.getBean(MongoDatabaseFactory.class).getMongoDatabase().getCollection("rm_positions")
                    .find().into(new java.util.ArrayList<>())).extracting(document -> document.get("format"))
                    .containsOnly(ReadModels.FORMAT);
        }
    }

    private static List<String> eventsOf(ConfigurableApplicationContext app) {
        return app.getBean(MongoEventStorageEngine.class).readEvents("32.76").asStream()
                .map(event -> event.getSequenceNumber() + ":" + event.getPayloadType().getSimpleName() + ":"
                        + event.getIdentifier())
                .toList();
    }

}
