package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What operators watch: health with the processors, metrics by rule code, append latency, correlation ids. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.mongo.embedded.backend=MEMORY")
class OperationsTest {
    @LocalServerPort
    int port;
    @Autowired
    EventProcessingConfiguration processing;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerApiContract.testProperties(registry);
    }

    private static double count(LedgerClient api, String metric, String tag) {
        JsonNode body = api.get("/actuator/metrics/" + metric + (tag == null ? "" : "?tag=" + tag), "admin").body();
        return body.path("measurements").get(0).path("value").asDouble();
    }

    @Test
    void countsCommandsByOutcomeAndCodeAndTimesTheAppends() {
        LedgerClient api = new LedgerClient(port, LedgerApiContract.CREDENTIALS);
        String selection = Commands.selection("Kota Kediri", "CITY", 2019, "2019-02-22");
        LedgerClient.Response first = api.post("/api/regions/35.71/selections", "operator", selection,
                "X-Correlation-Id", "ops-42");
        api.post("/api/regions/35.71/selections", "operator", selection);
        api.post("/api/regions/35.71/selections", "operator", "{");

        assertThat(first.header("X-Correlation-Id")).isEqualTo("ops-42");
        assertThat(count(api, "ledger.commands", "outcome:accepted")).isGreaterThanOrEqualTo(1);
        assertThat(count(api, "ledger.commands", "code:ALREADY_PARTICIPANT")).isEqualTo(1);
        assertThat(count(api, "ledger.commands", "code:MALFORMED_REQUEST")).isGreaterThanOrEqualTo(1);
        assertThat(count(api, "ledger.append", null)).isGreaterThanOrEqualTo(1);
        api.get("/api/regions/99.99", "reporter");
        assertThat(api.get("/actuator/metrics/ledger.commands?tag=code:NOT_FOUND", "admin").status())
                .as("a query's 404 is no refused command").isEqualTo(404);
        assertThat(api.get("/actuator/metrics/ledger.projection.lag?tag=processor:regions", "admin").status())
                .isEqualTo(200);
    }

    @Test
    void goesDownWhenAProcessorStopsAndUpWhenItRuns() throws Exception {
        LedgerClient api = new LedgerClient(port, LedgerApiContract.CREDENTIALS);
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        StreamingEventProcessor regions = processing.eventProcessor("regions", StreamingEventProcessor.class)
                .orElseThrow();
        regions.shutDown();
        try {
            LedgerClient.Response down = api.get("/actuator/health", "admin");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.body().path("components").path("projections").path("status").asText()).isEqualTo("DOWN");
            assertThat(down.body().path("components").path("projections").path("details").path("regions")
                    .path("running").asBoolean()).isFalse();
            assertThat(api.get("/actuator/health", null).body().path("status").asText()).isEqualTo("DOWN");
        } finally {
            regions.start();
        }
        for (int i = 0; i < 50 && api.get("/actuator/health", null).status() != 200; i++) {
            Thread.sleep(100);
        }
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
    }
}
