package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
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
}
