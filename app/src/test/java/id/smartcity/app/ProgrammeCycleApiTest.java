package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.smartcity.eventstore.MongoEventStorageEngine;
import id.smartcity.projections.admin.ProjectionAdmin;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The programme cycle over HTTP against the real event log: the Smart Province rule counts the masterplans the log
 * holds, awards go to participants, and refusals store nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.mongo.embedded.backend=MEMORY")
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
class ProgrammeCycleApiTest {
    private static final List<String> DIY = List.of("34.01", "34.02", "34.03", "34.04", "34.71");

    @LocalServerPort
    int port;
    @Autowired
    MongoEventStorageEngine eventStore;
    @Autowired
    ProjectionAdmin projections;
    LedgerClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerApiContract.testProperties(registry);
    }

    @BeforeEach
    void connect() {
        api = new LedgerClient(port, LedgerApiContract.CREDENTIALS);
    }

    private void created(LedgerClient.Response response) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(201);
    }

    private void refused(LedgerClient.Response response, int status, String code) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(status);
        assertThat(response.code()).as("%s", response.body()).isEqualTo(code);
        assertThat(response.body().path("detail").asText()).isNotBlank();
    }

    /** A DIY regency or city selected in 2019, with its MoU, and a mentor and masterplan if asked. */
    private void engage(String code, boolean withMasterplan) {
        String kind = code.endsWith(".71") ? "CITY" : "REGENCY";
        String base = "/api/regions/" + code;
        created(api.post(base + "/selections", "operator", Commands.selection("Region " + code, kind, 2019,
                "2019-02-22")));
        created(api.post(base + "/engagements/2019/mou", "operator", Commands.mou("2019-05-15")));
        if (withMasterplan) {
            created(api.post(base + "/engagements/2019/mentors", "operator", Commands.mentor("UGM", "2019-06-01")));
            created(api.post(base + "/engagements/2019/masterplan", "operator", Commands.masterplan("2019-11-01")));
        }
    }

    private static String smartProvince(int attested, String source) {
        return """
                {"name": "DI Yogyakarta", "cohortYear": 2023, "selectedOn": "2023-02-28",
                 "attestedMasterplans": %d, "attestationSource": %s}"""
                .formatted(attested, source == null ? "null" : "\"" + source + "\"");
    }

    @Test
    void selectsSmartProvinceOnlyWhenEightyPercentOfItsRegionsHaveMasterplansInTheLog() throws Exception {
        DIY.forEach(code -> engage(code, DIY.indexOf(code) < 3));
        long head = eventStore.headPosition();

        refused(api.post("/api/regions/34/smart-province-selection", "operator", smartProvince(0, null)), 422,
                "SMART_PROVINCE_COVERAGE");
        refused(api.post("/api/regions/34/smart-province-selection", "operator", smartProvince(3, null)), 422,
                "ATTESTATION_INVALID");
        refused(api.post("/api/regions/34/selections", "operator", Commands.selection("DI Yogyakarta", "PROVINCE",
                2023, "2023-02-28")), 422, "PROVINCE_IS_SMART_PROVINCE");
        assertThat(eventStore.headPosition()).as("refusals store nothing").isEqualTo(head);

        created(api.post("/api/regions/34.71/engagements/2019/mentors", "operator",
                Commands.mentor("UGM", "2019-06-01")));
        created(api.post("/api/regions/34.71/engagements/2019/masterplan", "operator",
                Commands.masterplan("2019-11-01")));
        created(api.post("/api/regions/34/smart-province-selection", "operator", smartProvince(0, null)));

        assertThat(projections.awaitCaughtUp("regions", Duration.ofSeconds(30))).isTrue();
        JsonNode province = api.get("/api/regions/34", "reporter").body();
        JsonNode qualification = province.path("engagements").get(0).path("smartProvince");
        assertThat(qualification.path("regenciesAndCities").asInt()).isEqualTo(5);
        assertThat(qualification.path("recordedMasterplans")).extracting(JsonNode::asText)
                .containsExactly("34.01", "34.02", "34.03", "34.71");
        JsonNode totals = api.annualTotals("").get(2023);
        assertThat(totals.path("smartProvinces").asInt()).isEqualTo(1);
    }

    @Test
    void recordsTheCycleAroundAnEngagementAndReportsIt() throws Exception {
        String kediri = "/api/regions/35.71";
        created(api.post(kediri + "/assessments", "operator", """
                {"name": "Kota Kediri", "kind": "CITY", "round": "2019", "assessedOn": "2019-02-21",
                 "scores": {"fiscalCapacity": 62.5, "sustainableCityIndex": 71, "greenCityIndex": 58,
                            "readinessNotes": "Command centre planned"}}"""));
        refused(api.post("/api/regions/35.09/assessments", "operator", """
                {"name": "Kabupaten Jember", "kind": "REGENCY", "round": "2019", "assessedOn": "2019-02-21",
                 "scores": {"sustainableCityIndex": 40}}"""), 422, "SCORE_NOT_APPLICABLE");
        created(api.post(kediri + "/selections", "operator", Commands.selection("Kota Kediri", "CITY", 2019,
                "2019-02-22")));
        created(api.post(kediri + "/engagements/2019/mou", "operator", Commands.mou("2019-05-15")));
        created(api.post(kediri + "/engagements/2019/council", "operator", """
                {"formedOn": "2019-07-01", "decree": "SK Wali Kota 2019",
                 "members": [{"name": "Sekda", "position": "Sekretaris Daerah", "kind": "AGENCY_HEAD"},
                             {"name": "Dr. A", "position": "Universitas Brawijaya", "kind": "ACADEMIC_EXPERT"}]}"""));
        refused(api.post(kediri + "/engagements/2019/council", "operator", """
                {"formedOn": "2019-07-02",
                 "members": [{"name": "Sekda", "position": "Sekretaris Daerah", "kind": "AGENCY_HEAD"},
                             {"name": "Dr. A", "position": "Universitas Brawijaya", "kind": "ACADEMIC_EXPERT"}]}"""),
                409, "COUNCIL_ALREADY_FORMED");
        created(api.post(kediri + "/engagements/2019/implementation-team", "operator", """
                {"formedOn": "2019-07-01", "lead": "Kepala Diskominfo", "members": ["Bappeda", "Dinas PU"]}"""));
        created(api.post(kediri + "/engagements/2019/mentors", "operator", Commands.mentor("UB", "2019-06-01")));
        created(api.post(kediri + "/engagements/2019/masterplan", "operator", Commands.masterplan("2019-11-01")));
        created(api.post(kediri + "/quick-wins", "operator", """
                {"year": 2020, "title": "Public WiFi", "pillar": "LIVING", "deliveredOn": "2020-03-01"}"""));
        String weights = """
                "weights": {"BASELINE": 10, "OUTPUT": 20, "OUTCOME": 30, "IMPACT": 30, "QUICK_WIN": 10}""";
        created(api.post(kediri + "/evaluations", "operator", """
                {"year": 2021, "dimensionScores": {"BASELINE": 3.2, "OUTPUT": 3.1, "OUTCOME": 3.0, "IMPACT": 3.0,
                 "QUICK_WIN": 3.2}, %s}""".formatted(weights)));
        created(api.post(kediri + "/evaluations", "operator", """
                {"year": 2022, "dimensionScores": {"BASELINE": 3.5, "OUTPUT": 3.4, "OUTCOME": 3.3, "IMPACT": 3.2,
                 "QUICK_WIN": 3.3}, "pillarScores": {"GOVERNANCE": 3.6}, "rank": 22, %s}""".formatted(weights)));
        refused(api.post(kediri + "/evaluations", "operator", """
                {"year": 2023, "dimensionScores": {"BASELINE": 3.5, "OUTPUT": 3.4, "OUTCOME": 3.3, "IMPACT": 3.2,
                 "QUICK_WIN": 3.3}, "weights": {"BASELINE": 50, "OUTPUT": 20, "OUTCOME": 30, "IMPACT": 30,
                 "QUICK_WIN": 10}}"""), 422, "WEIGHTS_INVALID");
        created(api.post("/api/awards", "operator", """
                {"year": 2022, "category": "SMART_GOVERNANCE", "code": "35.71"}"""));
        refused(api.post("/api/awards", "operator", """
                {"year": 2022, "category": "SMART_GOVERNANCE", "code": "35.71"}"""), 409, "AWARD_ALREADY_GRANTED");
        refused(api.post("/api/awards", "operator", """
                {"year": 2022, "category": "SMART_LIVING", "code": "33.12"}"""), 422, "NOT_A_PARTICIPANT");
        assertThat(api.post("/api/awards", "reporter", """
                {"year": 2022, "category": "SMART_LIVING", "code": "35.71"}""").status()).isEqualTo(403);

        assertThat(projections.awaitCaughtUp("regions", Duration.ofSeconds(30))).isTrue();
        JsonNode history = api.get("/api/reports/evaluations?region=35.71", "reporter").body().path("rows");
        assertThat(history.findValuesAsText("index")).containsExactly("3.06", "3.31");
        assertThat(history.get(1).path("publishedRank").asInt()).isEqualTo(22);
        assertThat(api.get("/api/reports/evaluations?region=35.71&asOf=2021-12-31", "reporter").body()
                .path("rows").findValuesAsText("index")).containsExactly("3.06");
        JsonNode round = api.get("/api/reports/assessments?round=2019", "reporter").body().path("rows").get(0);
        assertThat(round.path("selectedInto").asInt()).isEqualTo(2019);
        assertThat(round.path("sustainableCityIndex").asText()).isEqualTo("71");
        JsonNode engagement = api.get("/api/regions/35.71", "reporter").body().path("engagements").get(0);
        assertThat(engagement.path("council").path("members")).hasSize(2);
        assertThat(engagement.path("implementationTeam").path("lead").asText()).isEqualTo("Kepala Diskominfo");
        JsonNode quickWins = api.get("/api/reports/quick-wins", "reporter").body().path("rows").get(0);
        assertThat(quickWins.path("deliveredFromMasterplan").asInt()).as("'Public WiFi' was planned as 'public wifi'")
                .isEqualTo(1);
        assertThat(api.get("/api/reports/awards", "reporter").body().path("rows").findValuesAsText("name"))
                .containsExactly("Kota Kediri");
    }
}
