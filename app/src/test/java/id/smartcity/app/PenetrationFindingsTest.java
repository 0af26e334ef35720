package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import id.smartcity.eventstore.MongoEventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The lower rows of issue 16 (a penetration test of the ledger), each as the tester's requests: the attack now
 * refused, and the valid form of the same request still answered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.mongo.embedded.backend=MEMORY")
class PenetrationFindingsTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    LedgerClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerApiContract.testProperties(registry);
    }

    @BeforeEach
    void connect() {
        api = new LedgerClient(port, LedgerApiContract.CREDENTIALS);
    }

    /** Row 10: distinct query values, thousands of them, keep only a bounded number of reports in memory. */
    @Test
    void theReportMemoStaysBoundedWhateverTheQueryValues() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(api.get("/api/regions?province=" + i, "reporter").status()).isEqualTo(200);
        }
        Object memo = ReflectionTestUtils.getField(context.getBean("reportController"), "memo");
        Cache<?, ?> reports = ReflectionTestUtils.invokeMethod(memo, "reports");
        reports.cleanUp();
        assertThat(reports.estimatedSize()).isLessThanOrEqualTo(256);
        // The valid form: the same report is answered from the memo, as before.
        assertThat(api.get("/api/regions?province=999", "reporter").status()).isEqualTo(200);
    }

    /** Row 7: the stock Swagger UI (the petstore example) is not served on the ledger's origin. */
    @Test
    void theStockSwaggerUiIsNotServed() {
        assertThat(api.get("/webjars/swagger-ui/index.html", null).status()).isEqualTo(401);
        assertThat(api.get("/webjars/swagger-ui/index.html", "admin").status()).isEqualTo(403);
        // The valid form: the dashboard is public, and the ledger's own Swagger UI shows the ledger's description.
        assertThat(api.get("/dashboard/", null).status()).isEqualTo(200);
        LedgerClient.Response initializer = api.get("/swagger-ui/swagger-initializer.js", "reporter");
        assertThat(initializer.status()).isEqualTo(200);
        assertThat(initializer.raw().body()).doesNotContain("petstore");
    }

    /** Row 8: health details (the data path, disk sizes, projection lag) are the administrator's. */
    @Test
    void healthDetailsAreForAdministratorsOnly() {
        for (String user : new String[] {null, "operator", "reporter", "auditor"}) {
            LedgerClient.Response health = api.get("/actuator/health", user);
            assertThat(health.status()).as(String.valueOf(user)).isEqualTo(200);
            assertThat(health.body().has("components")).as(String.valueOf(user)).isFalse();
            assertThat(health.raw().body()).doesNotContain("diskSpace").doesNotContain("path");
        }
        LedgerClient.Response admin = api.get("/actuator/health", "admin");
        assertThat(admin.body().path("components").has("diskSpace")).isTrue();
    }

    /** Row 11: a {@code from} beyond an int was cut to one and answered with the proof for that one. */
    @Test
    void aConsistencyProofFromBeyondTheLogIsRefusedNotTruncated() {
        api.post("/api/regions/51.71/selections", "operator", Commands.selection("Kota Denpasar", "CITY", 2017,
                "2017-05-03"));
        api.post("/api/regions/51.03/selections", "operator", Commands.selection("Kabupaten Badung", "REGENCY", 2017,
                "2017-05-03"));
        for (String from : new String[] {"4294967297", "4294967296", "9223372036854775807", "-4294967295"}) {
            LedgerClient.Response proof = api.get("/api/audit/proof/consistency?from=" + from, "auditor");
            assertThat(proof.status()).as(from).isBetween(400, 422);
            assertThat(proof.raw().body()).doesNotContain("\"path\"");
        }
        LedgerClient.Response valid = api.get("/api/audit/proof/consistency?from=1", "auditor");
        assertThat(valid.status()).isEqualTo(200);
        assertThat(valid.body().path("from").asLong()).isEqualTo(1);
    }

    /**
     * Row 9: region codes with a space, brackets or braces in a command's path were answered 500 (with a stack trace
     * in the log): they are the caller's mistake, refused as such through every door that takes a code, and nothing
     * is stored.
     */
    @Test
    void oddRegionCodesInCommandPathsAreRefusedNotFailures() {
        long head = eventStore().headPosition();
        for (String code : new String[] {"51%2071", "%5B%5D", "%7B%7D", "%7Bcode%7D", "%5B0%5D", "51.71%20"}) {
            for (String path : new String[] {"/selections", "/engagements/2017/mou"}) {
                LedgerClient.Response refused = api.post("/api/regions/" + code + path, "operator",
                        path.equals("/selections") ? Commands.selection("Kota Denpasar", "CITY", 2017, "2017-05-03")
                                : Commands.mou("2017-06-01"));
                assertThat(refused.status()).as(code + path).isBetween(400, 499);
                assertCleanProblem(refused);
            }
        }
        LedgerClient.Response imported = api.postNdjson("/api/imports", "operator", """
                {"command": "SelectRegion", "code": "51 71", "name": "Kota Denpasar", "kind": "CITY", "cohortYear": 2017, "selectedOn": "2017-05-03"}
                """);
        assertThat(imported.status()).isEqualTo(422);
        assertThat(imported.body().path("rule").asText()).isEqualTo("MALFORMED_REGION_CODE");
        assertThat(eventStore().headPosition()).as("nothing stored").isEqualTo(head);
        // The valid form: the same command with a well-formed code is stored.
        LedgerClient.Response valid = api.post("/api/regions/51.71/selections", "operator",
                Commands.selection("Kota Denpasar", "CITY", 2017, "2017-05-03"));
        assertThat(valid.status()).as("%s", valid.body()).isIn(201, 409);
        assertThat(valid.header("Location")).isIn("/api/regions/51.71", null);
    }

    /** Row 9: a value of the wrong form is named with the form it must have, never with a Java type. */
    @Test
    void valuesOfTheWrongFormAreNamedWithoutJavaTypes() {
        String[][] wrong = {
                {"reporter", "/api/reports/annual-totals?asOf=xx", "asOf"},
                {"reporter", "/api/reports/annual-totals?knownAt=xx", "knownAt"},
                {"reporter", "/api/reports/annual-totals?atLeast=xx", "atLeast"},
                {"reporter", "/api/regions/51.71?asOf=2020-13-01", "asOf"},
                {"reporter", "/api/cohorts/abc", "year"},
                {"auditor", "/api/audit/events?from=x", "from"},
                {"auditor", "/api/audit/events?limit=" + "9".repeat(30), "limit"},
                {"auditor", "/api/audit/proof/inclusion?position=x", "position"},
                {"auditor", "/api/audit/export?from=x", "from"}};
        for (String[] request : wrong) {
            LedgerClient.Response refused = api.get(request[1], request[0]);
            assertThat(refused.status()).as(request[1]).isEqualTo(400);
            assertCleanProblem(refused);
            assertThat(refused.body().path("detail").asText()).as(request[1]).contains("not a valid " + request[2]);
        }
        // The valid forms of the same requests.
        assertThat(api.get("/api/reports/annual-totals?asOf=2020-01-31", "reporter").status()).isEqualTo(200);
        assertThat(api.get("/api/reports/annual-totals?knownAt=2020-01-31T08:00:00Z", "reporter").status())
                .isEqualTo(200);
        assertThat(api.get("/api/cohorts/2017", "reporter").status()).isEqualTo(200);
        assertThat(api.get("/api/audit/events?from=1&limit=10", "auditor").status()).isEqualTo(200);
    }

    /**
     * Row 9: a path nothing answers under /api was 403 to a signed-in caller, as if it existed: now 404. An anonymous
     * caller still gets 401 for every /api path, so it cannot tell which exist.
     */
    @Test
    void unknownApiPathsAreNotFoundToSignedInCallersAndUnauthenticatedToOthers() {
        for (String path : new String[] {"/api/nothing", "/api/reports/nothing", "/api/audit/nothing",
                "/api/regions/51.71/nothing"}) {
            String user = path.startsWith("/api/audit") ? "auditor" : "reporter";
            LedgerClient.Response unknown = api.get(path, user);
            assertThat(unknown.status()).as(path).isEqualTo(404);
            assertThat(unknown.code()).isEqualTo("UNKNOWN_PATH");
            assertCleanProblem(unknown);
            assertThat(api.get(path, null).status()).as(path + " anonymous").isEqualTo(401);
        }
        assertThat(api.post("/api/regions/51.71/nothing", "operator", "{}").status()).isEqualTo(404);
        assertThat(api.get("/api/nothing", null).status()).isEqualTo(api.get("/api/reports/annual-totals", null)
                .status());
        // Roles still hold where a path exists: a reporter may not use the admin's.
        assertThat(api.get("/api/admin/projections", "reporter").status()).isEqualTo(403);
        // The valid form: a path that exists answers.
        assertThat(api.get("/api/reports/annual-totals", "reporter").status()).isEqualTo(200);
    }

    /** A refusal as the caller should see it: a problem detail with a code, no Java names, no stack trace. */
    static void assertCleanProblem(LedgerClient.Response response) {
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isNotBlank();
        assertThat(response.raw().body()).doesNotContain("java.").doesNotContain("Exception")
                .doesNotContain("Failed to convert").doesNotContain("For input string").doesNotContain("\tat ");
    }

    private MongoEventStorageEngine eventStore() {
        return context.getBean(MongoEventStorageEngine.class);
    }
}
