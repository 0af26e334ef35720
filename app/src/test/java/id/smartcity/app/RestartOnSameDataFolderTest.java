package id.smartcity.app;

import static id.smartcity.app.Commands.masterplan;
import static id.smartcity.app.Commands.mentor;
import static id.smartcity.app.Commands.mou;
import static id.smartcity.app.Commands.selection;
import static org.assertj.core.api.Assertions.assertThat;

import id.smartcity.ledger.eventstore.MongoEventStorageEngine;
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
    void findsTheHistoryIntactAfterARestart() {
        String semarang = "/api/regions/33.74";
        List<String> before;
        try (ConfigurableApplicationContext app = start()) {
            LedgerClient api = client(app);
            assertThat(api.post(semarang + "/selections", "operator",
                    selection("Kota Semarang", "CITY", 2017, "2017-05-03")).status()).isEqualTo(201);
            assertThat(api.post(semarang + "/engagements/2017/mou", "operator", mou("2017-05-22")).status())
                    .isEqualTo(201);
            assertThat(api.post(semarang + "/engagements/2017/mentors", "operator", mentor("ITB", "2017-06-01"))
                    .status()).isEqualTo(201);
            before = eventsOf(app);
        }

        try (ConfigurableApplicationContext app = start()) {
            LedgerClient api = client(app);
            assertThat(eventsOf(app)).isEqualTo(before).hasSize(3);
            // The rules see the history: the MoU is signed, the next step continues the global order.
            LedgerClient.Response again = api.post(semarang + "/engagements/2017/mou", "operator", mou("2017-05-22"));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.code()).isEqualTo("MOU_ALREADY_SIGNED");
            LedgerClient.Response plan = api.post(semarang + "/engagements/2017/masterplan", "operator",
                    masterplan("2017-11-01"));
            assertThat(plan.status()).isEqualTo(201);
            assertThat(plan.position()).isEqualTo(4);
        }
    }

    private static List<String> eventsOf(ConfigurableApplicationContext app) {
        return app.getBean(MongoEventStorageEngine.class).readEvents("33.74").asStream()
                .map(event -> event.getSequenceNumber() + ":" + event.getPayloadType().getSimpleName() + ":"
                        + event.getIdentifier())
                .toList();
    }

}
