package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.smartcity.projections.admin.ProjectionAdmin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A complete history as the ministry published it, which no public source names region by region: 25, 50 and 25
 * new regions in 2017-2019, 48 engagements in 2021 of which 7 repeats, 50 new in 2022. The ledger must arrive at the
 * published totals exactly: 141 distinct regions by 2021, 191 by 2022.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.mongo.embedded.backend=MEMORY")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyntheticCompleteHistoryTest {
    @LocalServerPort
    int port;
    @Autowired
    ProjectionAdmin projections;

    LedgerClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerApiContract.testProperties(registry);
    }

    @BeforeAll
    void recordTheCompleteHistory() throws InterruptedException {
        api = new LedgerClient(port, LedgerApiContract.CREDENTIALS);
        List<String> codes = new ArrayList<>();
        for (int province = 11; codes.size() < 200; province++) {
            for (int number = 1; number <= 30; number++) {
                codes.add(String.format("%02d.%02d", province, number));
            }
        }
        List<String> lines = new ArrayList<>();
        int next = 0;
        next = select(lines, codes, next, 25, 2017, "2017-05-03");
        next = select(lines, codes, next, 50, 2018, "2018-05-08");
        next = select(lines, codes, next, 25, 2019, "2019-02-22");
        next = select(lines, codes, next, 41, 2021, "2021-03-01");
        for (int i = 0; i < 7; i++) {
            lines.add("{\"command\": \"RepeatMentoring\", \"code\": \"%s\", \"cohortYear\": 2021, \"startedOn\": \"2021-03-01\", \"reason\": \"national priority tourism area\"}"
                    .formatted(codes.get(i)));
        }
        select(lines, codes, next, 50, 2022, "2022-04-21");
        LedgerClient.Response imported = api.postNdjson("/api/imports", "operator", String.join("\n", lines));
        assertThat(imported.status()).as("%s", imported.body()).isEqualTo(201);
        assertThat(imported.body().path("imported").asInt()).isEqualTo(148 + 50);
        assertThat(projections.awaitCaughtUp("regions", Duration.ofSeconds(60))).isTrue();
    }

    private static int select(List<String> lines, List<String> codes, int from, int count, int year, String on) {
        for (int i = from; i < from + count; i++) {
            lines.add("{\"command\": \"SelectRegion\", \"code\": \"%s\", \"name\": \"Kabupaten %s\", \"kind\": \"REGENCY\", \"cohortYear\": %d, \"selectedOn\": \"%s\"}"
                    .formatted(codes.get(i), codes.get(i), year, on));
        }
        return from + count;
    }

    @Test
    void reachesThePublishedTotalsExactly() {
        Map<Integer, JsonNode> years = api.annualTotals("");
        assertThat(List.of(2017, 2018, 2019, 2020, 2021, 2022).stream()
                .map(year -> years.get(year).path("cumulativeDistinct").asInt()))
                .containsExactly(25, 75, 100, 100, 141, 191);
        assertThat(years.get(2021).path("engagements").asInt()).isEqualTo(48);
        assertThat(years.get(2021).path("repeatEngagements").asInt()).isEqualTo(7);
        assertThat(years.get(2021).path("newDistinct").asInt()).isEqualTo(41);
        assertThat(years.get(2021).path("coveragePercent").decimalValue()).isEqualByComparingTo("27.4");
        assertThat(years.get(2022).path("coveragePercent").decimalValue()).isEqualByComparingTo("37.2");
        JsonNode repeated = api.get("/api/reports/repeated-assistance", "reporter").body().path("rows");
        assertThat(repeated).hasSize(14);
    }

    @Test
    void standsAt100AtTheEndOf2019() {
        Map<Integer, JsonNode> years = api.annualTotals("?asOf=2019-12-31");
        assertThat(years.get(2019).path("cumulativeDistinct").asInt()).isEqualTo(100);
        assertThat(years).doesNotContainKey(2021);
    }
}
