package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every endpoint for every role and for anonymous callers: 401 without credentials, 403 for a role that may not,
 * and through for a role that may (whatever the endpoint then answers). Only health is public; auditors only read;
 * operators read the programme but not the audit log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.mongo.embedded.backend=MEMORY")
class AccessMatrixTest {
    private static final List<String> USERS = List.of("operator", "reporter", "auditor", "admin");
    /** Everyone reads the programme: operators too, so that they see what they recorded (ADR 12). */
    private static final Set<String> READERS = Set.of("operator", "reporter", "auditor", "admin");
    private static final Set<String> AUDITORS = Set.of("auditor", "admin");
    private static final Set<String> OPERATORS = Set.of("operator", "admin");
    private static final Set<String> ADMINS = Set.of("admin");
    private static final Set<String> EVERYONE = Set.of("operator", "reporter", "auditor", "admin");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerApiContract.testProperties(registry);
    }

    private record Endpoint(String method, String path, Set<String> allowed, boolean publicToo) {
        static Endpoint get(String path, Set<String> allowed) {
            return new Endpoint("GET", path, allowed, false);
        }

        static Endpoint post(String path, Set<String> allowed) {
            return new Endpoint("POST", path, allowed, false);
        }
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.post("/api/regions/32.73/selections", OPERATORS),
            Endpoint.post("/api/regions/32.73/engagements/2017/mou", OPERATORS),
            Endpoint.post("/api/regions/32.73/engagements/2017/mentors", OPERATORS),
            Endpoint.post("/api/regions/32.73/engagements/2017/masterplan", OPERATORS),
            Endpoint.post("/api/regions/32.73/engagements/2017/masterplan/revisions", OPERATORS),
            Endpoint.post("/api/regions/32.73/engagements/2017/withdrawal", OPERATORS),
            Endpoint.post("/api/regions/32.73/repeat-mentoring", OPERATORS),
            Endpoint.post("/api/regions/32.73/assessments", OPERATORS),
            Endpoint.post("/api/regions/32.73/engagements/2017/council", OPERATORS),
            Endpoint.post("/api/regions/32.73/engagements/2017/implementation-team", OPERATORS),
            Endpoint.post("/api/regions/32.73/quick-wins", OPERATORS),
            Endpoint.post("/api/regions/32.73/evaluations", OPERATORS),
            Endpoint.post("/api/regions/32/smart-province-selection", OPERATORS),
            Endpoint.post("/api/awards", OPERATORS),
            Endpoint.post("/api/imports", OPERATORS),
            Endpoint.post("/api/published-figures", OPERATORS),
            Endpoint.get("/api/reports/annual-totals", READERS),
            Endpoint.get("/api/reports/repeated-assistance", READERS),
            Endpoint.get("/api/reports/reconciliation", READERS),
            Endpoint.get("/api/reports/provinces", READERS),
            Endpoint.get("/api/reports/mentors", READERS),
            Endpoint.get("/api/reports/pillars", READERS),
            Endpoint.get("/api/reports/assessment-rounds", READERS),
            Endpoint.get("/api/reports/assessments?round=2019", READERS),
            Endpoint.get("/api/reports/evaluations?region=35.71", READERS),
            Endpoint.get("/api/reports/quick-wins", READERS),
            Endpoint.get("/api/reports/awards", READERS),
            Endpoint.get("/api/cohorts/2017", READERS),
            Endpoint.get("/api/regions?province=32", READERS),
            Endpoint.get("/api/regions/32.73", READERS),
            Endpoint.get("/api/audit/events", AUDITORS),
            Endpoint.get("/api/audit/export", AUDITORS),
            Endpoint.get("/api/audit/digest", AUDITORS),
            Endpoint.get("/api/audit/verify", AUDITORS),
            Endpoint.get("/api/audit/proof/consistency?from=0", AUDITORS),
            Endpoint.get("/api/admin/projections", ADMINS),
            Endpoint.post("/api/admin/projections/published-figures/rebuild", ADMINS),
            Endpoint.get("/actuator/metrics", ADMINS),
            Endpoint.get("/actuator/info", EVERYONE),
            Endpoint.get("/v3/api-docs", EVERYONE),
            new Endpoint("GET", "/actuator/health", EVERYONE, true));

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryRole() {
        LedgerClient api = new LedgerClient(port, LedgerApiContract.CREDENTIALS);
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            tests.add(DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.path() + " anonymous", () -> {
                int status = call(api, endpoint, null);
                if (endpoint.publicToo()) {
                    assertThat(status).isEqualTo(200);
                } else {
                    assertThat(status).isEqualTo(401);
                }
            }));
            for (String user : USERS) {
                tests.add(DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.path() + " as " + user, () -> {
                    int status = call(api, endpoint, user);
                    if (endpoint.allowed().contains(user)) {
                        assertThat(status).as("%s may", user).isNotIn(401, 403);
                    } else {
                        assertThat(status).as("%s may not", user).isEqualTo(403);
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static int call(LedgerClient api, Endpoint endpoint, String user) {
        return endpoint.method().equals("GET") ? api.get(endpoint.path(), user).status()
                : api.post(endpoint.path(), user, "{}").status();
    }
}
