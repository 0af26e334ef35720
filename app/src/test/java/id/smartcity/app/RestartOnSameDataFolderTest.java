package id.smartcity.app;

import static id.smartcity.app.Commands.mentor;
import static id.smartcity.app.Commands.mou;
import static org.assertj.core.api.Assertions.assertThat;

import id.smartcity.eventstore.MongoEventStorageEngine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

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

    private static List<String> eventsOf(ConfigurableApplicationContext app) {
        return app.getBean(MongoEventStorageEngine.class).readEvents("32.76").asStream()
                .map(event -> event.getSequenceNumber() + ":" + event.getPayloadType().getSimpleName() + ":"
                        + event.getIdentifier())
                .toList();
    }

}
