package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.smartcity.projections.admin.ProjectionAdmin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The shipped history (history/programme.ndjson), loaded into a fresh ledger and read back through the reports. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.mongo.embedded.backend=MEMORY")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeHistoryReportsTest {
    @LocalServerPort
    int port;
    @Autowired
    ProjectionAdmin projections;
    @Autowired
    MongoDatabaseFactory mongo;

    LedgerClient api;
    Instant beforeImport;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerApiContract.testProperties(registry);
    }

    @BeforeAll
    void loadTheShippedHistory() throws Exception {
        api = new LedgerClient(port, LedgerApiContract.CREDENTIALS);
        beforeImport = Instant.now();
        Thread.sleep(5);
        LedgerClient.Response imported = api.postNdjson("/api/imports", "operator",
                ShippedHistory.read());
        assertThat(imported.status()).as("%s", imported.body()).isEqualTo(201);
        for (String name : List.of("regions", "published-figures")) {
            assertThat(projections.awaitCaughtUp(name, Duration.ofSeconds(60))).isTrue();
        }
    }

    @Test
    void recordsWhatTheRealListsSupport() {
        Map<Integer, JsonNode> years = api.annualTotals("");
        assertThat(years.get(2017).path("selectedAsNew").asInt()).isEqualTo(25);
        assertThat(years.get(2017).path("cumulativeDistinct").asInt()).isEqualTo(25);
        assertThat(years.get(2018).path("selectedAsNew").asInt()).isEqualTo(50);
        assertThat(years.get(2018).path("withdrawals").asInt()).isEqualTo(2);
        assertThat(years.get(2018).path("engagements").asInt()).isEqualTo(48);
        assertThat(years.get(2018).path("cumulativeDistinct").asInt()).isEqualTo(73);
        assertThat(years.get(2019).path("cumulativeDistinct").asInt()).isEqualTo(98);
        assertThat(years.get(2020).path("engagements").asInt()).isZero();
        assertThat(years.get(2020).path("cumulativeDistinct").asInt()).isEqualTo(98);
        assertThat(years.get(2023).path("repeatEngagements").asInt()).isEqualTo(1);
        assertThat(years.get(2023).path("smartProvinces").asInt()).isEqualTo(2);
        assertThat(years.get(2019).path("coveragePercent").decimalValue()).isEqualByComparingTo("19.1");
    }

    @Test
    void answersAsOfADateAndAsKnownAtAnInstant() {
        assertThat(api.annualTotals("?asOf=2018-06-30").get(2018).path("cumulativeDistinct").asInt()).isEqualTo(75);
        assertThat(api.annualTotals("?asOf=2019-12-31").get(2019).path("cumulativeDistinct").asInt()).isEqualTo(98);
        assertThat(api.annualTotals("?asOf=2017-05-10").get(2017).path("mousSigned").asInt()).isZero();

        LedgerClient.Response before = api.get("/api/reports/annual-totals?knownAt=" + beforeImport, "reporter");
        assertThat(before.body().path("position").asLong()).isZero();
        assertThat(before.body().path("rows").get(0).path("cumulativeDistinct").asInt()).isZero();
        LedgerClient.Response now = api.get("/api/reports/annual-totals?knownAt=" + Instant.now(), "reporter");
        assertThat(now.body().path("rows")).isEqualTo(api.get("/api/reports/annual-totals", "reporter").body()
                .path("rows"));
    }

    @Test
    void reconcilesPublishedWithRecordedAndNamesEveryDifference() {
        JsonNode rows = api.get("/api/reports/reconciliation", "reporter").body().path("rows");
        JsonNode distinct2018 = find(rows, 2018, "DISTINCT_CUMULATIVE");
        assertThat(distinct2018.path("published").asLong()).isEqualTo(75);
        assertThat(distinct2018.path("recorded").asLong()).isEqualTo(73);
        assertThat(distinct2018.path("difference").asLong()).isEqualTo(-2);
        assertThat(distinct2018.path("explanation").toString()).contains("Kota Depok").contains("Kabupaten Banyumas");
        JsonNode distinct2019 = find(rows, 2019, "DISTINCT_CUMULATIVE");
        assertThat(distinct2019.path("difference").asLong()).isEqualTo(-2);
        assertThat(distinct2019.path("explanation").toString()).contains("counted once here")
                .doesNotContain("not named");
        JsonNode repeats2021 = find(rows, 2021, "REPEATS");
        assertThat(repeats2021.path("recorded").asLong()).isZero();
        assertThat(repeats2021.path("explanation").toString()).contains("7 repeat engagements of 2021 are not named");
        assertThat(find(rows, 2017, "ENGAGED").path("explanation").get(0).asText()).isEqualTo("Agrees");
        assertThat(find(rows, 2017, "ENGAGED").path("sources")).hasSize(3);
    }

    private static JsonNode find(JsonNode rows, int year, String metric) {
        return StreamSupport.stream(rows.spliterator(), false)
                .filter(row -> row.path("year").asInt() == year && row.path("metric").asText().equals(metric))
                .findFirst().orElseThrow(() -> new AssertionError("no " + metric + " for " + year));
    }

    @Test
    void showsRepeatedAssistanceRostersAndDossiers() {
        JsonNode repeated = api.get("/api/reports/repeated-assistance", "auditor").body().path("rows");
        assertThat(repeated.findValuesAsText("code")).contains("32.76", "33.02", "91.71");
        JsonNode jayapura2023 = StreamSupport.stream(repeated.spliterator(), false)
                .filter(row -> row.path("code").asText().equals("91.71") && row.path("cohortYear").asInt() == 2023)
                .findFirst().orElseThrow();
        assertThat(jayapura2023.path("type").asText()).isEqualTo("REPEAT");
        assertThat(jayapura2023.path("assistedTimes").asInt()).isEqualTo(2);

        JsonNode cohort2018 = api.get("/api/cohorts/2018", "reporter").body().path("rows");
        assertThat(cohort2018).hasSize(50);
        assertThat(cohort2018.findValuesAsText("status").stream().filter("WITHDRAWN"::equals)).hasSize(2);

        JsonNode depok = api.get("/api/regions/32.76", "reporter").body();
        assertThat(depok.path("engagements")).hasSize(2);
        assertThat(depok.path("timeline").findValuesAsText("event")).containsExactly("RegionSelected", "MoUSigned",
                "RegionWithdrawn", "CandidateAssessed", "RegionSelected", "MoUSigned");
        assertThat(depok.path("timeline").findValuesAsText("position")).allSatisfy(position ->
                assertThat(Long.parseLong(position)).isPositive());
        assertThat(api.get("/api/regions/32.76?asOf=2018-06-30", "reporter").body().path("engagements"))
                .hasSize(1);
        assertThat(api.get("/api/regions/99.99", "reporter").status()).isEqualTo(404);

        JsonNode jawaTengah = api.get("/api/regions?province=33&cohort=2019", "reporter").body().path("rows");
        assertThat(jawaTengah.findValuesAsText("provinceName")).containsOnly("Jawa Tengah");
        assertThat(api.get("/api/reports/provinces", "reporter").body().path("rows").findValuesAsText("provinceName"))
                .contains("Jawa Tengah", "DI Yogyakarta");
    }

    @Test
    void holdsTheProgrammeCycleTheSourcesName() {
        JsonNode awards = api.get("/api/reports/awards", "reporter").body().path("rows");
        assertThat(awards).hasSize(7);
        assertThat(StreamSupport.stream(awards.spliterator(), false)
                .map(award -> award.path("category").asText() + "=" + award.path("name").asText()))
                .contains("SMART_GOVERNANCE=Kota Bandung", "NATIONAL_PRIORITY_TOURISM_AREA=Kabupaten Wonogiri");

        JsonNode kediri = api.get("/api/reports/evaluations?region=35.71", "reporter").body().path("rows");
        assertThat(StreamSupport.stream(kediri.spliterator(), false)
                .map(row -> row.path("year").asInt() + ":" + row.path("index").asText()))
                .containsExactly("2021:3.06", "2022:3.31");
        assertThat(kediri.get(1).path("publishedRank").asInt()).isEqualTo(22);

        JsonNode provinces = api.get("/api/cohorts/2023", "reporter").body().path("rows");
        assertThat(StreamSupport.stream(provinces.spliterator(), false)
                .filter(row -> row.path("kind").asText().equals("PROVINCE")).map(row -> row.path("name").asText()))
                .containsExactlyInAnyOrder("DI Yogyakarta", "Jawa Barat");
        assertThat(api.get("/api/regions/32", "reporter").body().path("engagements").get(0)
                .path("smartProvince").path("attestedMasterplans").asInt()).isEqualTo(22);

        JsonNode rounds = api.get("/api/reports/assessment-rounds", "reporter").body().path("rows");
        assertThat(StreamSupport.stream(rounds.spliterator(), false)
                .map(round -> round.path("round").asText() + ":" + round.path("candidates").asInt() + "/"
                        + round.path("selected").asInt())).containsExactly("2017:25/25", "2019:25/25");
    }

    @Test
    void writesReportsAsCsv() {
        LedgerClient.Response csv = api.getAs("/api/reports/annual-totals", "reporter", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        String[] lines = csv.raw().body().split("\r\n");
        assertThat(lines[0]).startsWith("year,selectedAsNew,repeatEngagements,withdrawals,engagements");
        assertThat(lines[2]).startsWith("2018,50,0,2,48,");
        assertThat(lines).hasSize(1 + 8);
        LedgerClient.Response reconciliation = api.getAs("/api/reports/reconciliation", "reporter", "text/csv");
        assertThat(reconciliation.raw().body()).contains("\"Withdrawn, so not counted as assistance: Kota Depok");
    }

    @Test
    void rebuildsEveryReadModelToTheSameDocuments() {
        for (String name : List.of("regions", "published-figures")) {
            String collection = name.equals("regions") ? "rm_regions" : "rm_published_figures";
            List<Document> before = documents(collection);
            assertThat(before).isNotEmpty();

            LedgerClient.Response rebuilt = api.post("/api/admin/projections/" + name + "/rebuild?wait=true",
                    "admin", "");
            assertThat(rebuilt.status()).as("%s", rebuilt.body()).isEqualTo(200);
            assertThat(documents(collection)).isEqualTo(before);
        }
        JsonNode status = api.get("/api/admin/projections", "admin").body();
        assertThat(status.findValuesAsText("lag")).containsOnly("0");
        assertThat(api.get("/api/admin/projections", "reporter").status()).isEqualTo(403);
    }

    private List<Document> documents(String collection) {
        List<Document> documents = mongo.getMongoDatabase().getCollection(collection).find()
                .into(new ArrayList<>());
        documents.sort((a, b) -> a.getString("_id").compareTo(b.getString("_id")));
        return documents;
    }

    @Test
    void explainsTheReconciliationInBahasaIndonesiaWhenAskedAndInEnglishOtherwise() {
        JsonNode indonesian = api.get("/api/reports/reconciliation", "reporter", "Accept-Language", "id-ID").body();
        JsonNode english = api.get("/api/reports/reconciliation", "reporter").body();
        JsonNode depok2018 = row(indonesian, 2018, "DISTINCT_CUMULATIVE");
        assertThat(depok2018.path("explanation").get(0).asText()).as("the English field keeps its meaning")
                .startsWith("Withdrawn, so not counted as assistance: Kota Depok (32.76, 2018)");
        assertThat(depok2018.path("explanations").get(0).path("code").asText()).isEqualTo("reconciliation.withdrawn");
        assertThat(depok2018.path("explanations").get(0).path("message").asText())
                .isEqualTo("Mundur, sehingga tidak dihitung sebagai pendampingan: Kota Depok (32.76, 2018), "
                        + "Kabupaten Banyumas (33.02, 2018)");
        assertThat(depok2018.path("metricName").path("message").asText()).isEqualTo("Daerah berbeda sejauh ini");
        assertThat(row(indonesian, 2021, "REPEATS").path("explanations").get(0).path("message").asText())
                .isEqualTo("7 pendampingan ulang tahun 2021 tidak disebut namanya di buku besar (tidak ada sumber "
                        + "publik yang menyebutnya)");
        for (JsonNode row : english.path("rows")) {
            assertThat(row.path("explanations")).hasSameSizeAs(row.path("explanation"));
            for (int i = 0; i < row.path("explanation").size(); i++) {
                JsonNode phrase = row.path("explanations").get(i);
                if (!phrase.path("code").asText().equals("reconciliation.twice")) {
                    assertThat(phrase.path("message").asText()).as("the phrase says what the English says")
                            .isEqualTo(row.path("explanation").get(i).asText());
                }
            }
        }
    }

    @Test
    void wordsEveryTimelineEntryAndEventInBothLanguages() {
        for (String code : List.of("32.76", "35.71", "91.71", "34", "32.73", "33.72")) {
            JsonNode indonesian = api.get("/api/regions/" + code, "operator", "Accept-Language", "id").body();
            JsonNode english = api.get("/api/regions/" + code, "operator", "Accept-Language", "en").body();
            assertThat(indonesian.path("timeline")).as(code).isNotEmpty();
            for (int i = 0; i < english.path("timeline").size(); i++) {
                JsonNode en = english.path("timeline").get(i);
                JsonNode id = indonesian.path("timeline").get(i);
                if (!en.path("what").path("code").asText().startsWith("timeline.award.")) {
                    // (The English summary names an award's category by its code, SMART_GOVERNANCE.)
                    assertThat(en.path("what").path("message").asText()).as("%s %s", code, en)
                            .isEqualTo(en.path("summary").asText());
                }
                assertThat(id.path("what").path("message").asText()).as("%s %s", code, id)
                        .isNotEqualTo(id.path("what").path("code").asText())
                        .isNotEqualTo(en.path("summary").asText());
                assertThat(id.path("eventName").path("message").asText()).as("%s %s", code, id)
                        .isNotEqualTo(id.path("eventName").path("code").asText())
                        .isNotEqualTo(en.path("eventName").path("message").asText());
            }
        }
        assertThat(api.get("/api/regions/32.76", "reporter", "Accept-Language", "id").body().path("timeline").get(0)
                .path("eventName").path("message").asText()).isEqualTo("Daerah dipilih");
    }

    @Test
    void namesABrokenRuleInTheRequestsLanguageBesideTheEnglishTitle() {
        String selection = """
                {"name": "Kota Depok", "kind": "CITY", "cohortYear": 2024, "selectedOn": "2024-03-01"}""";
        LedgerClient.Response refused = api.post("/api/regions/32.76/selections", "operator", selection,
                "Accept-Language", "id");
        assertThat(refused.code()).isEqualTo("ALREADY_PARTICIPANT");
        assertThat(refused.body().path("title").asText()).startsWith("A region is selected as new at most once");
        assertThat(refused.body().path("message").asText()).startsWith("Daerah dipilih sebagai daerah baru");
        assertThat(api.get("/api/audit/digest", "reporter", "Accept-Language", "id").body().path("message").asText())
                .as("refused before any controller, still worded").isEqualTo("Peran Anda tidak boleh melakukan ini");
    }

    private static JsonNode row(JsonNode report, int year, String metric) {
        for (JsonNode row : report.path("rows")) {
            if (row.path("year").asInt() == year && row.path("metric").asText().equals(metric)) {
                return row;
            }
        }
        throw new AssertionError("no row " + year + " " + metric);
    }
}
