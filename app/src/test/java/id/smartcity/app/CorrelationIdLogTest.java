package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 16, row 14: the log lines of a failed request lost its correlation id (it was taken out of the logging
 * context before the failure was logged), and a caller's text went into every log line as the id. A failing endpoint
 * and a failing filter, added for this test only, stand for the ledger's own unexpected failures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.mongo.embedded.backend=MEMORY")
@Import(CorrelationIdLogTest.Failures.class)
@ExtendWith(OutputCaptureExtension.class)
class CorrelationIdLogTest {
    @LocalServerPort
    int port;
    LedgerClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerApiContract.testProperties(registry);
    }

    @BeforeEach
    void connect() {
        api = new LedgerClient(port, LedgerApiContract.CREDENTIALS);
    }

    @TestConfiguration
    static class Failures {
        /** A member of this configuration, so registered with it (and, being a test's, never found by scanning). */
        @RestController
        static class FailingEndpoint {
            @GetMapping("/api/test/failure")
            String fail() {
                throw new IllegalStateException("the handler failed");
            }
        }

        /** A failure outside Spring MVC: Tomcat logs it, then sends the request to the error page. */
        @Bean
        FilterRegistrationBean<Filter> failingFilter() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                throw new IllegalStateException("the filter failed");
            });
            registration.addUrlPatterns("/api/test/filter-failure");
            return registration;
        }
    }

    @Test
    void aFailureInAHandlerIsLoggedUnderTheRequestsId(CapturedOutput output) {
        LedgerClient.Response failed = send("/api/test/failure", "trace-500-handler");
        assertThat(failed.status()).isEqualTo(500);
        PenetrationFindingsTest.assertCleanProblem(failed);
        assertThat(failed.raw().body()).doesNotContain("the handler failed");
        assertThat(failed.raw().headers().allValues("X-Correlation-Id")).containsExactly("trace-500-handler");
        assertThat(errorLines(output)).isNotEmpty()
                .allMatch(line -> line.contains("trace-500-handler"));
    }

    @Test
    void aFailureOutsideSpringMvcIsLoggedUnderTheRequestsIdToo(CapturedOutput output) {
        LedgerClient.Response failed = send("/api/test/filter-failure", "trace-500-filter");
        assertThat(failed.status()).isEqualTo(500);
        PenetrationFindingsTest.assertCleanProblem(failed);
        assertThat(failed.raw().headers().allValues("X-Correlation-Id")).containsExactly("trace-500-filter");
        assertThat(errorLines(output)).isNotEmpty()
                .allMatch(line -> line.contains("trace-500-filter"));
    }

    /** The forged text never reaches the log; the refusal itself is logged under a new id, if at all. */
    @Test
    void aForgedIdNeverReachesTheLog(CapturedOutput output) {
        LedgerClient.Response refused = send("/api/reports/annual-totals", "x INFO forged-line-from-header");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(output.getAll()).doesNotContain("forged-line-from-header");
        // The valid form: the same request with an id in form is answered, under that id.
        LedgerClient.Response valid = send("/api/reports/annual-totals", "trace-200");
        assertThat(valid.status()).isEqualTo(200);
        assertThat(valid.raw().headers().allValues("X-Correlation-Id")).containsExactly("trace-200");
    }

    private LedgerClient.Response send(String path, String correlationId) {
        return api.getWithHeaders(path, "reporter", "X-Correlation-Id", correlationId);
    }

    /** The first lines of the records logged at ERROR during the test (a stack trace's other lines name no request). */
    private static java.util.List<String> errorLines(CapturedOutput output) {
        return output.getAll().lines().filter(line -> line.contains(" ERROR ")).toList();
    }
}
