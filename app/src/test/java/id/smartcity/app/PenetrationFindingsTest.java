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
}
