package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import id.smartcity.eventstore.MongoEventStorageEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 16, rows 12 and 14: the headers the ledger keeps. An idempotency key and a client application are stored in
 * every event, a correlation id in every log line: each out of its form is refused (400 INVALID_HEADER naming the
 * rule) at every door that takes it, nothing is stored, and the same request with the header in form is accepted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.mongo.embedded.backend=MEMORY")
class RequestHeadersTest {
    private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @LocalServerPort
    int port;
    @Autowired
    MongoEventStorageEngine eventStore;
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

    /** The three doors that take a command, each with a command of its own, sent with extra headers. */
    private enum Door {
        COMMAND, PROGRAMME_YEAR, IMPORT;

        LedgerClient.Response send(LedgerClient api, int n, String... headers) {
            String code = "%02d.%02d".formatted(61 + n / 20, 71 + n % 20);
            return switch (this) {
                case COMMAND -> api.post("/api/regions/" + code + "/selections", "operator",
                        Commands.selection("Kota " + n, "CITY", 2017, "2017-05-03"), headers);
                case PROGRAMME_YEAR -> api.post("/api/published-figures", "operator", """
                        {"year": 2017, "metric": "ENGAGED", "value": %d, "source": "test %d"}""".formatted(n, n),
                        headers);
                case IMPORT -> api.postNdjson("/api/imports", "operator", """
                        {"command": "SelectRegion", "code": "%s", "name": "Kota %d", "kind": "CITY", "cohortYear": 2017, "selectedOn": "2017-05-03"}
                        """.formatted(code, n), headers);
            };
        }
    }

    /** Commands sent so far, across the tests (each test has an instance of its own): each gets a code of its own. */
    private static int sent;

    private void assertRefused(LedgerClient.Response response, String rule) {
        assertThat(response.status()).as("%s", response.raw().body()).isEqualTo(400);
        assertThat(response.code()).as("%s %s", response.raw().headers().map(), response.raw().body())
                .isEqualTo("INVALID_HEADER");
        assertThat(response.body().path("rule").asText()).isEqualTo(rule);
        PenetrationFindingsTest.assertCleanProblem(response);
    }

    /**
     * Row 12: an empty key counted as a key; 8 KB keys were stored in every event. (A header of 8 KiB is now beyond
     * Tomcat's limit for all headers together, which refuses the request itself: {@link #headersOfEightKilobytes}.)
     */
    @Test
    void idempotencyKeysOutOfFormAreRefusedAtEveryDoor() {
        for (Door door : Door.values()) {
            long head = eventStore.headPosition();
            for (String key : List.of("", "k".repeat(129), "k".repeat(4 * 1024), "two words")) {
                assertRefused(door.send(api, sent, "Idempotency-Key", key), "IDEMPOTENCY_KEY_FORM");
            }
            assertRefused(door.send(api, sent, "Idempotency-Key", "a", "Idempotency-Key", "b"),
                    "IDEMPOTENCY_KEY_FORM");
            assertThat(eventStore.headPosition()).as(door + ": nothing stored").isEqualTo(head);
            // The valid form: the longest key there may be, stored with the event as sent.
            String key = door + "/" + "k".repeat(127 - door.name().length());
            LedgerClient.Response accepted = door.send(api, sent++, "Idempotency-Key", key);
            assertThat(accepted.status()).as(door + " %s", accepted.body()).isEqualTo(201);
            assertThat(lastEventMeta().getString("idempotencyKey")).isEqualTo(key);
        }
    }

    /** Row 12: an 8 KB X-Client-Application was stored in every event. */
    @Test
    void headersOfEightKilobytes() {
        long head = eventStore.headPosition();
        for (String header : List.of("Idempotency-Key", "X-Client-Application", "X-Correlation-Id")) {
            for (Door door : Door.values()) {
                LedgerClient.Response refused = door.send(api, sent, header, "k".repeat(8 * 1024));
                assertThat(refused.status()).as(header).isEqualTo(400);
            }
        }
        assertThat(eventStore.headPosition()).as("nothing stored").isEqualTo(head);
    }

    @Test
    void clientApplicationsOutOfFormAreRefusedAtEveryDoor() {
        for (Door door : Door.values()) {
            long head = eventStore.headPosition();
            for (String client : List.of("", "c".repeat(101), "c".repeat(4 * 1024), "<script>", "app;rm",
                    "caf\u00e9")) {
                assertRefused(door.send(api, sent, "X-Client-Application", client), "CLIENT_APPLICATION_FORM");
            }
            assertThat(eventStore.headPosition()).as(door + ": nothing stored").isEqualTo(head);
            LedgerClient.Response accepted = door.send(api, sent++, "X-Client-Application",
                    "ministry-app/2.1 (build 7)");
            assertThat(accepted.status()).as(door + " %s", accepted.body()).isEqualTo(201);
            assertThat(lastEventMeta().getString("client")).isEqualTo("ministry-app/2.1 (build 7)");
        }
    }

    /**
     * Row 12: a key first used before this change is kept under the former id ({@code caller/key}); a retry after
     * the upgrade still gets its answer and stores nothing, and another body with it is still refused.
     */
    @Test
    void aKeyStoredInTheFormerFormStillAnswersItsRetry() {
        String body = Commands.selection("Kota Former", "CITY", 2017, "2017-05-03");
        LedgerClient.Response first = api.post("/api/regions/65.71/selections", "operator", body,
                "Idempotency-Key", "former-1");
        assertThat(first.status()).isEqualTo(201);
        MongoCollection<Document> keys = mongo.getMongoDatabase().getCollection("idempotency_keys");
        Document record = keys.findOneAndDelete(Filters.and(Filters.eq("principal", "operator"),
                Filters.eq("key", "former-1")));
        keys.insertOne(record.append("_id", "operator/former-1"));
        long head = eventStore.headPosition();

        LedgerClient.Response retried = api.post("/api/regions/65.71/selections", "operator", body,
                "Idempotency-Key", "former-1");
        LedgerClient.Response otherBody = api.post("/api/regions/65.71/selections", "operator",
                Commands.selection("Kota Former", "CITY", 2017, "2017-05-04"), "Idempotency-Key", "former-1");

        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(eventStore.headPosition()).isEqualTo(head);
    }

    /** Row 14: any text went into the log lines as the correlation id; now it is refused at every door. */
    @Test
    void correlationIdsOutOfFormAreRefusedUnderANewId() {
        for (Door door : Door.values()) {
            long head = eventStore.headPosition();
            for (String id : List.of("", "x".repeat(65), "x".repeat(4 * 1024), "two words", "a\"b", "{}",
                    "id INFO forged line")) {
                LedgerClient.Response refused = door.send(api, sent, "X-Correlation-Id", id);
                assertRefused(refused, "CORRELATION_ID_FORM");
                assertThat(refused.raw().headers().allValues("X-Correlation-Id")).singleElement().asString()
                        .matches(UUID_FORM);
            }
            assertThat(eventStore.headPosition()).as(door + ": nothing stored").isEqualTo(head);
            LedgerClient.Response accepted = door.send(api, sent++, "X-Correlation-Id", "corr-1.2_" + door);
            assertThat(accepted.status()).isEqualTo(201);
            assertThat(accepted.raw().headers().allValues("X-Correlation-Id")).containsExactly("corr-1.2_" + door);
            assertThat(lastEventMeta().getString("correlationId")).isEqualTo("corr-1.2_" + door);
        }
        LedgerClient.Response read = api.get("/api/reports/annual-totals", "reporter");
        assertThat(read.raw().headers().allValues("X-Correlation-Id")).singleElement().asString().matches(UUID_FORM);
    }

    /** Row 14: every POST answer carried its correlation id twice; now once, whatever the answer. */
    @Test
    void everyAnswerCarriesItsCorrelationIdOnce() {
        String body = Commands.selection("Kota Once", "CITY", 2017, "2017-05-03");
        List<LedgerClient.Response> answers = List.of(
                api.post("/api/regions/71.71/selections", "operator", body, "X-Correlation-Id", "once-1",
                        "Idempotency-Key", "once"),
                api.post("/api/regions/71.71/selections", "operator", body, "X-Correlation-Id", "once-1",
                        "Idempotency-Key", "once"),
                api.post("/api/regions/71.71/selections", "operator", body, "X-Correlation-Id", "once-1"),
                api.postNdjson("/api/imports", "operator", "", "X-Correlation-Id", "once-1"),
                api.post("/api/regions/71.71/selections", "reporter", body, "X-Correlation-Id", "once-1"),
                api.post("/api/regions/71.71/selections", null, body, "X-Correlation-Id", "once-1"),
                api.get("/api/nothing", "reporter"));
        assertThat(answers).extracting(LedgerClient.Response::status).containsExactly(201, 201, 409, 400, 403, 401,
                404);
        for (LedgerClient.Response answer : answers) {
            assertThat(answer.raw().headers().allValues("X-Correlation-Id")).as("%s", answer.body()).hasSize(1);
        }
    }

    /**
     * Row 14, the bytes no HTTP client library sends: a CR, a NUL, DEL, Latin-1 and UTF-8 bytes in the header. Tomcat
     * refuses some itself; what it passes on is refused by the ledger. Either way 400, and the value sent is never
     * echoed.
     */
    @Test
    void rawBytesInTheCorrelationIdAreRefused() throws IOException {
        byte[][] values = {"abc\rINFO forged".getBytes(StandardCharsets.ISO_8859_1), {'a', 0, 'b'},
                {'a', (byte) 0xE9, 'b'}, "a\u00e9\u2028b".getBytes(StandardCharsets.UTF_8), {'a', 0x7F, 'b'}};
        for (byte[] value : values) {
            String answer = raw("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1), "X-Correlation-Id: ".getBytes(StandardCharsets.ISO_8859_1),
                    value, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(answer).as(new String(value, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 400");
            assertThat(answer).doesNotContain("forged");
        }
        // The valid form over the same socket code.
        String answer = raw("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                .getBytes(StandardCharsets.ISO_8859_1), "X-Correlation-Id: raw-1\r\n\r\n".getBytes(
                StandardCharsets.ISO_8859_1));
        assertThat(answer).startsWith("HTTP/1.1 200").contains("X-Correlation-Id: raw-1\r\n");
    }

    private String raw(byte[]... parts) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            for (byte[] part : parts) {
                out.write(part);
            }
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private Document lastEventMeta() {
        return mongo.getMongoDatabase().getCollection("events").find().sort(new Document("_id", -1)).first()
                .get("meta", Document.class);
    }
}
