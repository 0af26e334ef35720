package id.smartcity.app;

import static id.smartcity.app.LedgerApiContract.CREDENTIALS;
import static org.assertj.core.api.Assertions.assertThat;

import id.smartcity.eventstore.MongoEventStorageEngine;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 14's six cases, each through the doors it applies to: a single HTTP command and an NDJSON import line. Every
 * refusal stores nothing and names its rule (and, in an import, its line); the valid form of the same command is
 * then accepted, so that the refusal was for the reason stated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.mongo.embedded.backend=MEMORY")
class StrictGateTest {
    private static final String OPERATOR = "operator";
    /** Cities of the 34 provinces, one per test step, so that no step depends on another's region. */
    private static final String[] PROVINCES = {"11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31",
            "32", "33", "34", "35", "36", "51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75",
            "76", "81", "82"};
    private static final AtomicInteger NEXT = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    MongoEventStorageEngine eventStore;
    LedgerClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerApiContract.testProperties(registry);
    }

    @BeforeEach
    void connect() {
        api = new LedgerClient(port, CREDENTIALS);
    }

    private static String freshCity() {
        int n = NEXT.getAndIncrement();
        return PROVINCES[n % PROVINCES.length] + "." + (71 + n / PROVINCES.length);
    }

    private static String selectionBody(String name, String cohortYear, String selectedOn) {
        return "{\"name\": \"" + name + "\", \"kind\": \"CITY\", \"cohortYear\": " + cohortYear + ", \"selectedOn\": "
                + selectedOn + "}";
    }

    private static String selectionLine(String code, String name, String cohortYear, String selectedOn) {
        return "{\"command\": \"SelectRegion\", \"code\": \"" + code + "\", \"name\": \"" + name
                + "\", \"kind\": \"CITY\", \"cohortYear\": " + cohortYear + ", \"selectedOn\": " + selectedOn + "}";
    }

    private static String validLine(String code) {
        return selectionLine(code, "Kota Uji", "2019", "\"2019-02-22\"");
    }

    private static String mouLine(String code, String place, String signatories) {
        return "{\"command\": \"SignMoU\", \"code\": \"" + code + "\", \"cohortYear\": 2019, \"signedOn\": "
                + "\"2019-05-15\", \"place\": " + place + ", \"virtual\": false, \"signatories\": " + signatories + "}";
    }

    private static String mentorLine(String code, String mentors) {
        return "{\"command\": \"AssignMentor\", \"code\": \"" + code + "\", \"cohortYear\": 2019, \"institution\": "
                + "\"ITB\", \"mentors\": " + mentors + ", \"assignedOn\": \"2019-06-01\"}";
    }

    private static String list(int size, String element) {
        return "[" + String.join(", ", Collections.nCopies(size, element)) + "]";
    }

    /** An import refused at {@code line} for {@code rule}, with nothing stored. */
    private void assertImportRefused(String ndjson, int line, String rule) {
        long head = eventStore.headPosition();
        LedgerClient.Response refused = api.postNdjson("/api/imports", OPERATOR, ndjson);
        assertThat(refused.status()).as("%s", refused.body()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("IMPORT_REFUSED");
        assertThat(refused.body().path("line").asInt()).as("%s", refused.body()).isEqualTo(line);
        assertThat(refused.body().path("rule").asText()).as("%s", refused.body()).isEqualTo(rule);
        assertThat(eventStore.headPosition()).isEqualTo(head);
    }

    private void assertImported(String ndjson, int commands) {
        long head = eventStore.headPosition();
        LedgerClient.Response imported = api.postNdjson("/api/imports", OPERATOR, ndjson);
        assertThat(imported.status()).as("%s", imported.body()).isEqualTo(201);
        assertThat(imported.body().path("imported").asInt()).isEqualTo(commands);
        assertThat(eventStore.headPosition()).isEqualTo(head + commands);
    }

    private void assertRefused(String path, String body, int status, String code, String rule) {
        long head = eventStore.headPosition();
        LedgerClient.Response refused = api.post(path, OPERATOR, body);
        assertThat(refused.status()).as("%s", refused.body()).isEqualTo(status);
        assertThat(refused.code()).as("%s", refused.body()).isEqualTo(code);
        if (rule != null) {
            assertThat(refused.body().path("rule").asText()).as("%s", refused.body()).isEqualTo(rule);
        }
        assertThat(eventStore.headPosition()).isEqualTo(head);
    }

    private void assertAccepted(String path, String body) {
        long head = eventStore.headPosition();
        LedgerClient.Response accepted = api.post(path, OPERATOR, body);
        assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(201);
        assertThat(eventStore.headPosition()).isEqualTo(head + 1);
    }

    // 1. Nothing silently dropped.

    @Test
    void cannotImportTwoCommandsOnOneLine() {
        String first = freshCity();
        String second = freshCity();
        assertImportRefused(validLine(first) + validLine(second) + "\n", 1, "TRAILING_CONTENT");
        assertImportRefused(validLine(first) + "\n" + validLine(second) + " " + validLine(first) + "\n", 2,
                "TRAILING_CONTENT");
        assertImported(validLine(first) + "\n" + validLine(second) + "\n", 2);
    }

    @Test
    void cannotImportCommandsSeparatedByABareCarriageReturn() {
        String first = freshCity();
        String second = freshCity();
        assertImportRefused(validLine(first) + "\r" + validLine(second) + "\n", 1, "BARE_CR");
        assertImported(validLine(first) + "\r\n" + validLine(second) + "\r\n", 2);
    }

    @Test
    void cannotSendTwoCommandsInOneBody() {
        String code = freshCity();
        String body = selectionBody("Kota Uji", "2019", "\"2019-02-22\"");
        assertRefused("/api/regions/" + code + "/selections", body + body, 400, "MALFORMED_REQUEST",
                "TRAILING_CONTENT");
        assertAccepted("/api/regions/" + code + "/selections", body);
    }

    // 2. No lax JSON: what is refused, with the rule, beside its valid form.

    private void assertSelectionRefusedBothWays(String cohortYear, String selectedOn, String rule) {
        String http = freshCity();
        String line = freshCity();
        assertRefused("/api/regions/" + http + "/selections", selectionBody("Kota Uji", cohortYear, selectedOn), 400,
                "MALFORMED_REQUEST", rule);
        assertImportRefused(validLine(freshCity()) + "\n" + selectionLine(line, "Kota Uji", cohortYear, selectedOn),
                2, rule);
        assertAccepted("/api/regions/" + http + "/selections", selectionBody("Kota Uji", "2019", "\"2019-02-22\""));
        assertImported(validLine(line), 1);
    }

    @Test
    void cannotTruncateAFloatIntoAYear() {
        assertSelectionRefusedBothWays("2019.7", "\"2019-02-22\"", "WRONG_TYPE");
        assertSelectionRefusedBothWays("2019.0", "\"2019-02-22\"", "WRONG_TYPE");
    }

    @Test
    void cannotReadAStringOrAnArrayAsANumber() {
        assertSelectionRefusedBothWays("\"2019\"", "\"2019-02-22\"", "WRONG_TYPE");
        assertSelectionRefusedBothWays("[2019]", "\"2019-02-22\"", "WRONG_TYPE");
        assertSelectionRefusedBothWays("true", "\"2019-02-22\"", "WRONG_TYPE");
    }

    @Test
    void cannotReadANumberOrAnArrayAsADate() {
        assertSelectionRefusedBothWays("2019", "17949", "WRONG_TYPE");
        assertSelectionRefusedBothWays("2019", "[2019, 2, 22]", "WRONG_TYPE");
    }

    @Test
    void cannotRecordADateOutsideTheRepublicsCenturies() {
        assertSelectionRefusedBothWays("2019", "\"-999999999-01-01\"", "DATE_INVALID");
        assertSelectionRefusedBothWays("2019", "\"+10000-02-22\"", "DATE_INVALID");
        assertSelectionRefusedBothWays("2019", "\"1944-12-31\"", "DATE_INVALID");
        assertSelectionRefusedBothWays("2019", "\"2019-02-30\"", "DATE_INVALID");
    }

    @Test
    void cannotSendAFieldTwice() {
        String http = freshCity();
        String line = freshCity();
        assertRefused("/api/regions/" + http + "/selections", "{\"name\": \"Kota Uji\", \"name\": \"Kota Lain\","
                + " \"kind\": \"CITY\", \"cohortYear\": 2019, \"selectedOn\": \"2019-02-22\"}", 400,
                "MALFORMED_REQUEST", "DUPLICATE_FIELD");
        assertImportRefused("{\"command\": \"SelectRegion\", \"command\": \"AssessCandidate\", \"code\": \"" + line
                + "\", \"name\": \"Kota Uji\", \"kind\": \"CITY\", \"cohortYear\": 2019, \"selectedOn\": "
                + "\"2019-02-22\"}", 1, "DUPLICATE_FIELD");
        assertAccepted("/api/regions/" + http + "/selections", selectionBody("Kota Uji", "2019", "\"2019-02-22\""));
        assertImported(validLine(line), 1);
    }

    // 3. The import keeps the API's limits: they are the commands' own, checked on the command bus.

    @Test
    void cannotSelectWithANameOverTwoHundredCharactersThroughEitherDoor() {
        String http = freshCity();
        String line = freshCity();
        String name = "Kota " + "x".repeat(4995);
        assertRefused("/api/regions/" + http + "/selections", selectionBody(name, "2019", "\"2019-02-22\""), 400,
                "INVALID_REQUEST", "Size");
        assertImportRefused(selectionLine(line, name, "2019", "\"2019-02-22\""), 1, "Size");
        String longest = "Kota " + "x".repeat(195);
        assertAccepted("/api/regions/" + http + "/selections", selectionBody(longest, "2019", "\"2019-02-22\""));
        assertImported(selectionLine(line, longest, "2019", "\"2019-02-22\""), 1);
    }

    @Test
    void cannotSignMoUWithoutPlaceOrWithFiveHundredSignatories() {
        String code = freshCity();
        assertImportRefused(validLine(code) + "\n" + mouLine(code, "null", "[]"), 2, "NotBlank");
        assertImportRefused(validLine(code) + "\n" + mouLine(code, "\"Jakarta\"", list(500, "\"Wali Kota\"")), 2,
                "Size");
        String http = freshCity();
        assertImported(validLine(http), 1);
        String path = "/api/regions/" + http + "/engagements/2019/mou";
        assertRefused(path, "{\"signedOn\": \"2019-05-15\", \"place\": null, \"virtual\": false}", 400, "INVALID_REQUEST", "NotBlank");
        assertRefused(path, "{\"signedOn\": \"2019-05-15\", \"place\": \"Jakarta\", \"virtual\": false, \"signatories\": "
                + list(500, "\"Wali Kota\"") + "}", 400, "INVALID_REQUEST", "Size");
        assertImported(validLine(code) + "\n" + mouLine(code, "\"Jakarta\"", list(50, "\"Wali Kota\"")), 2);
        assertAccepted(path, "{\"signedOn\": \"2019-05-15\", \"place\": \"Jakarta\", \"virtual\": false, \"signatories\": "
                + list(50, "\"Wali Kota\"") + "}");
    }

    @Test
    void cannotAssignTwoThousandMentors() {
        String code = freshCity();
        String prefix = validLine(code) + "\n" + mouLine(code, "\"Jakarta\"", "[]") + "\n";
        assertImportRefused(prefix + mentorLine(code, list(2000, "\"Mentor\"")), 3, "Size");
        assertImported(prefix + mentorLine(code, list(50, "\"Mentor\"")), 3);
        String http = freshCity();
        assertImported(validLine(http) + "\n" + mouLine(http, "\"Jakarta\"", "[]"), 2);
        String path = "/api/regions/" + http + "/engagements/2019/mentors";
        assertRefused(path, "{\"institution\": \"ITB\", \"mentors\": " + list(2000, "\"Mentor\"")
                + ", \"assignedOn\": \"2019-06-01\"}", 400, "INVALID_REQUEST", "Size");
        assertAccepted(path, "{\"institution\": \"ITB\", \"mentors\": [\"Mentor\"], \"assignedOn\": \"2019-06-01\"}");
    }

    @Test
    void cannotImportANoteOfFifteenMebibytes() {
        String note = "n".repeat(15 * 1024 * 1024);
        String figure = "{\"command\": \"RecordPublishedFigure\", \"year\": 2019, \"metric\": \"ENGAGED\", \"value\":"
                + " 100, \"source\": \"Kominfo %s\", \"note\": \"%s\"}";
        assertImportRefused(figure.formatted("a", note), 1, "LINE_TOO_LONG");
        assertImportRefused(figure.formatted("a", "n".repeat(2001)), 1, "Size");
        assertRefused("/api/published-figures", "{\"year\": 2019, \"metric\": \"ENGAGED\", \"value\": 100,"
                + " \"source\": \"Kominfo b\", \"note\": \"" + "n".repeat(2001) + "\"}", 400, "INVALID_REQUEST",
                "Size");
        assertImported(figure.formatted("a", "n".repeat(2000)), 1);
        assertAccepted("/api/published-figures", "{\"year\": 2019, \"metric\": \"ENGAGED\", \"value\": 100,"
                + " \"source\": \"Kominfo b\", \"note\": \"" + "n".repeat(2000) + "\"}");
    }

    // 4. Validation in linear time, with a bounded answer.

    @Test
    void refusesThirtyTwoThousandBlankMentorsAtOnceNamingAFewFields() {
        String code = freshCity();
        assertImported(validLine(code) + "\n" + mouLine(code, "\"Jakarta\"", "[]"), 2);
        String path = "/api/regions/" + code + "/engagements/2019/mentors";
        for (int mentors : new int[] {32_000, 170_000}) {
            String body = "{\"institution\": \"ITB\", \"mentors\": " + list(mentors, "\"\"")
                    + ", \"assignedOn\": \"2019-06-01\"}";
            long started = System.nanoTime();
            assertRefused(path, body, 400, "INVALID_REQUEST", "Size");
            long millis = (System.nanoTime() - started) / 1_000_000;
            // It took 17 s of CPU for 32,000 before; a linear check takes a small fraction of a second.
            assertThat(millis).as("%d blank mentors", mentors).isLessThan(3_000);
            assertThat(api.post(path, OPERATOR, body).body().path("errors").size()).isBetween(1, 20);
        }
        String line = mentorLine(code, list(15_000, "\"\""));
        long started = System.nanoTime();
        assertImportRefused(line, 1, "Size");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(3_000);
        assertAccepted(path, "{\"institution\": \"ITB\", \"mentors\": [\"Mentor A\"], \"assignedOn\": \"2019-06-01\"}");
    }

    // 5. Exact arithmetic.

    private static String evaluation(String weights) {
        return "{\"year\": 2021, \"dimensionScores\": {\"BASELINE\": 3, \"OUTPUT\": 3, \"OUTCOME\": 3, \"IMPACT\": 3,"
                + " \"QUICK_WIN\": 3}, \"weights\": " + weights + "}";
    }

    @Test
    void cannotRecordEvaluationWhoseWeightsOverflowToHundred() {
        String overflowing = "{\"BASELINE\": 1073741824, \"OUTPUT\": 1073741824, \"OUTCOME\": 1073741824,"
                + " \"IMPACT\": 1073741824, \"QUICK_WIN\": 100}";
        String valid = "{\"BASELINE\": 20, \"OUTPUT\": 20, \"OUTCOME\": 20, \"IMPACT\": 20, \"QUICK_WIN\": 20}";
        String http = freshCity();
        assertImported(validLine(http), 1);
        assertRefused("/api/regions/" + http + "/evaluations", evaluation(overflowing), 422, "WEIGHTS_INVALID", null);
        String line = freshCity();
        String evaluationLine = "{\"command\": \"RecordEvaluation\", \"code\": \"" + line + "\", "
                + evaluation("%s").substring(1);
        assertImportRefused(validLine(line) + "\n" + evaluationLine.formatted(overflowing), 2, "WEIGHTS_INVALID");
        assertAccepted("/api/regions/" + http + "/evaluations", evaluation(valid));
        assertImported(validLine(line) + "\n" + evaluationLine.formatted(valid), 2);
    }

    // 6. Regions of provinces that do not exist.

    @Test
    void cannotSelectRegionOfAProvinceThatDoesNotExist() {
        for (String code : new String[] {"99.01", "00.71", "94.12"}) {
            String kind = code.endsWith("71") ? "CITY" : "REGENCY";
            String body = "{\"name\": \"Entah\", \"kind\": \"" + kind + "\", \"cohortYear\": 2017, \"selectedOn\":"
                    + " \"2017-05-03\"}";
            assertRefused("/api/regions/" + code + "/selections", body, 422, "UNKNOWN_PROVINCE", null);
            assertImportRefused("{\"command\": \"SelectRegion\", \"code\": \"" + code + "\", "
                    + body.substring(1), 1, "UNKNOWN_PROVINCE");
        }
        assertAccepted("/api/regions/91.09/selections", "{\"name\": \"Kabupaten Mimika\", \"kind\": \"REGENCY\","
                + " \"cohortYear\": 2017, \"selectedOn\": \"2017-05-03\"}");
        assertImported("{\"command\": \"SelectRegion\", \"code\": \"94.71\", \"name\": \"Kota Entah\", \"kind\":"
                + " \"CITY\", \"cohortYear\": 2023, \"selectedOn\": \"2022-08-01\"}", 1);
    }
}
