package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import id.smartcity.projections.admin.ProjectionAdmin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A report names the position its read models have reached, never more; a client can wait for its own writes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.mongo.embedded.backend=MEMORY", "ledger.reports.at-least-timeout=1s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class HonestPositionsTest {
    @LocalServerPort
    int port;
    @Autowired
    ProjectionAdmin projections;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoDatabaseFactory mongo;

    LedgerClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerApiContract.testProperties(registry);
    }

    @BeforeEach
    void connect() {
        api = new LedgerClient(port, LedgerApiContract.CREDENTIALS);
    }

    @Test
    void aReportReadDuringAnImportContainsEveryRegionSelectedUpToThePositionItNames() throws Exception {
        AtomicBoolean importing = new AtomicBoolean(true);
        CompletableFuture<List<JsonNode>> answers = CompletableFuture.supplyAsync(() -> {
            List<JsonNode> seen = new ArrayList<>();
            while (importing.get() || seen.size() < 3) {
                seen.add(api.get("/api/regions", "reporter").body());
            }
            return seen;
        });
        LedgerClient.Response imported = api.postNdjson("/api/imports", "operator", ShippedHistory.read());
        assertThat(imported.status()).isEqualTo(201);
        for (String name : List.of("regions", "published-figures")) {
            assertThat(projections.awaitCaughtUp(name, Duration.ofSeconds(60))).isTrue();
        }
        importing.set(false);
        List<JsonNode> events = api.auditLog();

        List<JsonNode> seen = answers.get();
        seen.add(api.get("/api/regions", "reporter").body());
        for (JsonNode answer : seen) {
            long position = answer.path("position").asLong();
            Set<String> listed = new HashSet<>(answer.path("rows").findValuesAsText("code"));
            Set<String> selectedByThen = new HashSet<>();
            events.stream().filter(event -> event.path("position").asLong() <= position)
                    .filter(event -> event.path("type").asText().equals("RegionSelected"))
                    .forEach(event -> selectedByThen.add(event.path("aggregateId").asText()));
            assertThat(listed).as("regions listed at position %d", position).containsAll(selectedByThen);
        }
        assertThat(seen.get(seen.size() - 1).path("position").asLong()).isEqualTo(ShippedHistory.EVENTS);
    }

    @Test
    void waitsForTheClientsOwnWriteAndRefusesWhenTheReadModelDoesNotGetThere() throws Exception {
        assertThat(projections.awaitCaughtUp("regions", Duration.ofSeconds(30))).isTrue();
        StreamingEventProcessor regions = processing.eventProcessor("regions", StreamingEventProcessor.class)
                .orElseThrow();
        regions.shutDown();
        LedgerClient.Response selected = api.post("/api/regions/13.71/selections", "operator", """
                {"name": "Kota Padang", "kind": "CITY", "cohortYear": 2019, "selectedOn": "2019-02-22"}""");
        assertThat(selected.status()).isEqualTo(201);
        long position = selected.position();

        LedgerClient.Response behind = api.get("/api/regions?atLeast=" + position, "reporter");
        LedgerClient.Response dossierBehind = api.get("/api/regions/13.71?atLeast=" + position, "reporter");

        assertThat(behind.status()).isEqualTo(503);
        assertThat(behind.code()).isEqualTo("READ_MODEL_BEHIND");
        assertThat(behind.header("Retry-After")).isEqualTo("1");
        assertThat(dossierBehind.status()).isEqualTo(503);
        LedgerClient.Response without = api.get("/api/regions", "reporter");
        assertThat(without.body().path("position").asLong()).as("what it has, honestly named").isLessThan(position);

        regions.start();
        // As a client does: a 503 READ_MODEL_BEHIND is asked again after its Retry-After (the restarted processor may
        // take longer than the 1 s this test waits per request on a loaded machine).
        LedgerClient.Response caughtUp = askUntilCaughtUp("/api/regions?atLeast=" + position);
        LedgerClient.Response dossier = askUntilCaughtUp("/api/regions/13.71?atLeast=" + position);

        assertThat(caughtUp.status()).isEqualTo(200);
        assertThat(caughtUp.body().path("position").asLong()).isGreaterThanOrEqualTo(position);
        assertThat(caughtUp.body().path("rows").findValuesAsText("code")).contains("13.71");
        assertThat(dossier.status()).isEqualTo(200);
        assertThat(dossier.body().path("name").asText()).isEqualTo("Kota Padang");
    }

    private LedgerClient.Response askUntilCaughtUp(String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        LedgerClient.Response answer = api.get(path, "reporter");
        while (answer.status() == 503 && "READ_MODEL_BEHIND".equals(answer.code()) && System.nanoTime() < deadline) {
            Thread.sleep(1000L * Long.parseLong(answer.header("Retry-After")));
            answer = api.get(path, "reporter");
        }
        return answer;
    }

    @Test
    void refusesToWaitForAPositionBeyondTheHead() {
        LedgerClient.Response selected = api.post("/api/regions/13.72/selections", "operator", """
                {"name": "Kota Solok", "kind": "CITY", "cohortYear": 2019, "selectedOn": "2019-02-22"}""");

        LedgerClient.Response beyond = api.get("/api/reports/annual-totals?atLeast=" + (selected.position() + 1),
                "reporter");
        LedgerClient.Response atHead = api.get("/api/reports/annual-totals?atLeast=" + selected.position(),
                "reporter");

        assertThat(beyond.status()).isEqualTo(422);
        assertThat(atHead.status()).isEqualTo(200);
    }

    @Test
    void neverServesAHalfBuiltReadModelDuringARebuild() throws Exception {
        assertThat(api.postNdjson("/api/imports", "operator", ShippedHistory.read()).status()).isEqualTo(201);
        assertThat(projections.awaitCaughtUp("regions", Duration.ofSeconds(60))).isTrue();
        assertThat(projections.awaitCaughtUp("published-figures", Duration.ofSeconds(60))).isTrue();
        JsonNode complete = api.get("/api/reports/annual-totals", "reporter").body();

        assertThat(api.post("/api/admin/projections/regions/rebuild", "admin", "").status()).isEqualTo(202);
        List<LedgerClient.Response> during = new ArrayList<>();
        LedgerClient.Response answer;
        do {
            answer = api.get("/api/reports/annual-totals", "reporter");
            during.add(answer);
        } while (answer.status() != 200 && during.size() < 10_000);

        assertThat(during).allSatisfy(response -> {
            if (response.status() == 503) {
                assertThat(response.code()).isEqualTo("READ_MODEL_REBUILDING");
                assertThat(response.header("Retry-After")).isNotBlank();
            } else {
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.body()).isEqualTo(complete);
            }
        });
    }

    @Test
    void refusesWhileAReadModelHasNotReplayedUpToTheHeadItWasRebuiltAt() {
        assertThat(api.post("/api/regions/13.73/selections", "operator", """
                {"name": "Kota Sawahlunto", "kind": "CITY", "cohortYear": 2019, "selectedOn": "2019-02-22"}""")
                .status()).isEqualTo(201);
        assertThat(api.get("/api/reports/annual-totals?atLeast=1", "reporter").status()).isEqualTo(200);
        var positions = mongo.getMongoDatabase().getCollection("rm_positions");
        positions.updateOne(Filters.eq("_id", "rm_regions"), Updates.set("rebuildingTo", 1000L));

        LedgerClient.Response rebuilding = api.get("/api/reports/annual-totals", "reporter");

        assertThat(rebuilding.status()).isEqualTo(503);
        assertThat(rebuilding.code()).isEqualTo("READ_MODEL_REBUILDING");
        assertThat(rebuilding.body().path("detail").asText()).contains("regions").contains("of 1000");
        positions.updateOne(Filters.eq("_id", "rm_regions"), Updates.unset("rebuildingTo"));
        assertThat(api.get("/api/reports/annual-totals", "reporter").status()).isEqualTo(200);
    }
}
