package id.smartcity.app;

import static id.smartcity.app.Commands.mentor;
import static id.smartcity.app.Commands.mou;
import static id.smartcity.app.Commands.selection;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import id.smartcity.eventstore.MongoEventStorageEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The command API as a ministry app meets it. Run against the embedded server and, where Docker is present, against
 * a real MongoDB: the same assertions hold on both.
 */
abstract class LedgerApiContract {
    static final Path CREDENTIALS = credentialsFile();
    static final String OPERATOR = "operator";
    static final String REPORTER = "reporter";

    @LocalServerPort
    int port;
    @Autowired
    MongoEventStorageEngine eventStore;
    @Autowired
    MongoDatabaseFactory mongo;

    LedgerClient api;

    private static Path credentialsFile() {
        try {
            return Files.createTempDirectory("ledger-test").resolve("credentials.properties");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void testProperties(DynamicPropertyRegistry registry) {
        registry.add("ledger.security.generated-credentials", CREDENTIALS::toString);
    }

    @BeforeEach
    void connect() {
        api = new LedgerClient(port, CREDENTIALS);
    }

    private List<Long> allPositions() {
        List<Long> positions = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Long> page = eventStore.readEvents(new GlobalSequenceTrackingToken(after), false)
                    .map(event -> event.trackingToken().position().orElseThrow()).toList();
            if (page.isEmpty()) {
                return positions;
            }
            positions.addAll(page);
            after = page.get(page.size() - 1);
        }
    }

    private void assertGapFree() {
        List<Long> positions = allPositions();
        assertThat(positions).containsExactlyElementsOf(
                LongStream.rangeClosed(1, positions.size()).boxed().toList());
        assertThat(eventStore.headPosition()).isEqualTo(positions.size());
    }

    @Test
    void recordsARegionsWholeLifeWithWhoWhenAndWhy() {
        List<LedgerClient.Response> steps = RegionLife.depok(api, OPERATOR);
        LedgerClient.Response selected = steps.get(0);
        assertThat(selected.body().path("eventId").asText()).isNotBlank();
        assertThat(selected.header("Location")).isEqualTo(RegionLife.DEPOK);
        assertThat(selected.header("X-Correlation-Id")).isEqualTo("corr-depok-1");
        long first = selected.position();
        for (int i = 0; i < steps.size(); i++) {
            assertThat(steps.get(i).status()).as("step %d: %s", i, steps.get(i).body()).isEqualTo(201);
            assertThat(steps.get(i).position()).isEqualTo(first + i);
        }
        assertThat(steps.stream().map(step -> step.body().path("type").asText()).toList())
                .isEqualTo(RegionLife.EVENT_TYPES);

        Document stored = mongo.getMongoDatabase().getCollection("events").find(Filters.eq("_id", first)).first();
        Document meta = stored.get("meta", Document.class);
        assertThat(meta.getString("principal")).isEqualTo(OPERATOR);
        assertThat(meta.getString("client")).isEqualTo("kominfo-portal");
        assertThat(meta.getString("correlationId")).isEqualTo("corr-depok-1");
        assertThat(meta.getString("causationId")).isNotBlank().isNotEqualTo(stored.getString("eventId"));
        assertThat(meta.getString("recordedAt")).isNotBlank();
        assertThat(stored.get("payload", Document.class).getString("name")).isEqualTo("Kota Depok");
        assertGapFree();
    }

    @Test
    void refusesBrokenRulesAndBadInputWithProblemDetailsAndStoresNothing() {
        String bandung = "/api/regions/32.73";
        assertThat(api.post(bandung + "/selections", OPERATOR, selection("Kota Bandung", "CITY", 2017, "2017-05-22"))
                .status()).isEqualTo(201);
        long head = eventStore.headPosition();

        LedgerClient.Response again = api.post(bandung + "/selections", OPERATOR,
                selection("Kota Bandung", "CITY", 2018, "2018-05-01"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ALREADY_PARTICIPANT");
        assertThat(again.body().path("detail").asText()).contains("assisted since 2017: use RepeatMentoring");
        assertThat(again.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        assertProblem(api.post("/api/regions/32.04/selections", OPERATOR,
                selection("Kab Bandung", "CITY", 2018, "2018-05-01")), 422, "CODE_INCONSISTENT_WITH_KIND");
        assertProblem(api.post("/api/regions/3204/selections", OPERATOR,
                selection("Kab Bandung", "REGENCY", 2018, "2018-05-01")), 422, "MALFORMED_REGION_CODE");
        assertProblem(api.post(bandung + "/engagements/2017/mentors", OPERATOR, mentor("ITB", "2017-06-01")),
                422, "MOU_NOT_SIGNED");
        assertProblem(api.post("/api/regions/11.71/engagements/2019/mou", OPERATOR, mou("2019-05-15")),
                404, "UNKNOWN_REGION");
        assertProblem(api.post(bandung + "/selections", OPERATOR, "{\"name\": "), 400, "MALFORMED_REQUEST");
        LedgerClient.Response unknownKind = api.post(bandung + "/selections", OPERATOR,
                selection("Kota Bandung", "VILLAGE", 2017, "2017-05-22"));
        assertProblem(unknownKind, 400, "MALFORMED_REQUEST");
        assertThat(unknownKind.body().path("detail").asText()).contains("kind").contains("CITY");
        assertProblem(api.post(bandung + "/selections", OPERATOR,
                selection("Kota Bandung", "CITY", 2019, "2019-02-30")), 400, "MALFORMED_REQUEST");
        LedgerClient.Response missing = api.post(bandung + "/selections", OPERATOR,
                "{\"kind\": \"CITY\", \"cohortYear\": 2019}");
        assertProblem(missing, 400, "INVALID_REQUEST");
        assertThat(missing.body().path("errors").findValuesAsText("field")).contains("name", "selectedOn");
        assertProblem(api.post(bandung + "/selections", OPERATOR,
                "{\"name\": {\"$gt\": \"\"}, \"kind\": \"CITY\", \"cohortYear\": 2019, \"selectedOn\": \"2019-02-22\"}"),
                400, "MALFORMED_REQUEST");
        assertProblem(api.post(bandung + "/selections", OPERATOR,
                "{\"name\": \"Kota Bandung\", \"kind\": \"CITY\", \"cohortYear\": 2019, \"selectedOn\": \"2019-02-22\","
                        + " \"$where\": \"sleep(1000)\"}"), 400, "MALFORMED_REQUEST");
        assertProblem(api.post(bandung + "/engagements/twenty/mou", OPERATOR, mou("2017-05-22")),
                400, "MALFORMED_REQUEST");

        assertThat(eventStore.headPosition()).isEqualTo(head);
        assertGapFree();
    }

    private static void assertProblem(LedgerClient.Response response, int status, String code) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(status);
        assertThat(response.code()).as("%s", response.body()).isEqualTo(code);
        assertThat(response.body().path("title").asText()).isNotBlank();
        assertThat(response.body().path("detail").asText()).isNotBlank();
    }

    @Test
    void answersARepeatedRequestWithTheFirstAnswerAndStoresNothingNew() {
        String path = "/api/regions/11.71/selections";
        String body = selection("Kota Banda Aceh", "CITY", 2019, "2019-02-22");
        LedgerClient.Response first = api.post(path, OPERATOR, body, "Idempotency-Key", "banda-aceh-2019");
        long head = eventStore.headPosition();

        LedgerClient.Response retried = api.post(path, OPERATOR, body, "Idempotency-Key", "banda-aceh-2019");
        LedgerClient.Response otherBody = api.post(path, OPERATOR,
                selection("Kota Banda Aceh", "CITY", 2019, "2019-02-21"), "Idempotency-Key", "banda-aceh-2019");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertProblem(otherBody, 422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(eventStore.headPosition()).isEqualTo(head);
    }

    @Test
    void answersAnImportRetriedAfterACrashInTheImportsShapeOnceTheFirstClaimIsStale() {
        String lines = """
                {"command": "SelectRegion", "code": "12.71", "name": "Kota Medan", "kind": "CITY", "cohortYear": 2019, "selectedOn": "2019-02-22"}
                {"command": "SignMoU", "code": "12.71", "cohortYear": 2019, "signedOn": "2019-05-15", "place": "Jakarta", "virtual": false}
                """;
        LedgerClient.Response first = api.postNdjson("/api/imports", OPERATOR, lines, "Idempotency-Key", "medan-2019");
        assertThat(first.status()).as("%s", first.body()).isEqualTo(201);
        long head = eventStore.headPosition();
        // What a crash after the events were stored, before the answer was, leaves: the key claimed, no answer.
        var keys = mongo.getMongoDatabase().getCollection("idempotency_keys");
        keys.updateOne(Filters.and(Filters.eq("principal", OPERATOR), Filters.eq("key", "medan-2019")), Updates.combine(Updates.set("state", "PENDING"),
                Updates.unset("body"), Updates.set("claimedAt", Instant.now().toString())));

        LedgerClient.Response tooSoon = api.postNdjson("/api/imports", OPERATOR, lines, "Idempotency-Key",
                "medan-2019");
        assertProblem(tooSoon, 409, "IDEMPOTENCY_KEY_IN_PROGRESS");
        assertThat(Integer.parseInt(tooSoon.header("Retry-After"))).isBetween(1, 31);

        keys.updateOne(Filters.and(Filters.eq("principal", OPERATOR), Filters.eq("key", "medan-2019")),
                Updates.set("claimedAt", Instant.now().minusSeconds(60).toString()));
        LedgerClient.Response retried = api.postNdjson("/api/imports", OPERATOR, lines, "Idempotency-Key",
                "medan-2019");

        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(retried.body().path("lines").get(1).path("position").asLong()).isEqualTo(head);
        assertThat(eventStore.headPosition()).as("stored once").isEqualTo(head);
    }

    @Test
    void letsExactlyOneOfSixteenRacingMoUsWin() throws Exception {
        String tabanan = "/api/regions/51.02";
        assertThat(api.post(tabanan + "/selections", OPERATOR, selection("Kab Tabanan", "REGENCY", 2022, "2022-03-01"))
                .status()).isEqualTo(201);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<LedgerClient.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            answers.add(clients.submit(() -> api.post(tabanan + "/engagements/2022/mou", OPERATOR,
                    mou("2022-04-21"))));
        }
        List<LedgerClient.Response> responses = new ArrayList<>();
        for (Future<LedgerClient.Response> answer : answers) {
            responses.add(answer.get());
        }
        clients.shutdown();

        assertThat(responses).filteredOn(response -> response.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() == 409)
                .hasSize(15).allSatisfy(response -> assertThat(response.code()).isIn("MOU_ALREADY_SIGNED"));
        long mous = mongo.getMongoDatabase().getCollection("events").countDocuments(Filters.and(
                Filters.eq("aggregateId", "51.02"), Filters.eq("type", "id.smartcity.api.MoUSigned")));
        assertThat(mous).isEqualTo(1);
        assertGapFree();
    }

    @Test
    void importsABatchWholeOrNotAtAll() {
        String valid = """
                {"command": "SelectRegion", "code": "73.71", "name": "Kota Makassar", "kind": "CITY", "cohortYear": 2017, "selectedOn": "2017-05-03"}
                {"command": "SignMoU", "code": "73.71", "cohortYear": 2017, "signedOn": "2017-05-22", "place": "Makassar", "virtual": false}
                {"command": "SelectRegion", "code": "91.09", "name": "Kab Mimika", "kind": "REGENCY", "cohortYear": 2017, "selectedOn": "2017-05-03"}
                """;
        long head = eventStore.headPosition();

        LedgerClient.Response refused = api.postNdjson("/api/imports", OPERATOR, valid
                + "{\"command\": \"SignMoU\", \"code\": \"91.09\", \"cohortYear\": 2018, \"signedOn\": \"2018-05-08\", \"place\": \"Jakarta\", \"virtual\": false}\n"
                + "{\"command\": \"PlantTree\", \"code\": \"91.09\"}\n");
        assertProblem(refused, 422, "IMPORT_REFUSED");
        assertThat(refused.body().path("lines").findValuesAsText("status"))
                .containsExactly("accepted", "accepted", "accepted", "refused", "refused");
        assertThat(refused.body().path("lines").findValuesAsText("code")).containsExactly("NO_OPEN_ENGAGEMENT",
                "MALFORMED_LINE");
        assertThat(eventStore.headPosition()).isEqualTo(head);

        // The same lines again, now alone: the refused batch left nothing behind, not even in cached aggregates.
        LedgerClient.Response imported = api.postNdjson("/api/imports", OPERATOR, valid);
        assertThat(imported.status()).as("%s", imported.body()).isEqualTo(201);
        assertThat(imported.body().path("imported").asInt()).isEqualTo(3);
        assertThat(imported.body().path("lines").findValuesAsText("position"))
                .containsExactly(String.valueOf(head + 1), String.valueOf(head + 2), String.valueOf(head + 3));
        assertThat(eventStore.headPosition()).isEqualTo(head + 3);
        assertGapFree();
    }

    @Test
    void refusesCallersWithoutTheRole() {
        assertProblem(api.post("/api/regions/35.71/selections", null,
                selection("Kota Kediri", "CITY", 2019, "2019-02-22")), 401, "UNAUTHENTICATED");
        assertProblem(api.post("/api/regions/35.71/selections", REPORTER,
                selection("Kota Kediri", "CITY", 2019, "2019-02-22")), 403, "FORBIDDEN");
        assertProblem(api.post("/api/imports", "auditor", "{}"), 403, "FORBIDDEN");
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs", null).status()).isEqualTo(401);
        assertThat(api.get("/v3/api-docs", REPORTER).body().path("paths").has("/api/regions/{code}/selections"))
                .isTrue();
    }
}
