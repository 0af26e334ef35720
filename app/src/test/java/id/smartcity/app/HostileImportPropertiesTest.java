package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.smartcity.eventstore.MongoEventStorageEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated hostile imports: valid lines around one hostile line (split across lines, two objects on one, a bare CR,
 * a float for a year, a huge string, a huge list, a duplicate key, an odd date). Whatever the hostility, the answer is
 * a 4xx problem that names the hostile line and the rule it broke, the log's head does not move, and the time the
 * answer takes stays within a bound that grows with the body, linearly.
 */
class HostileImportPropertiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MemoryLedger ledger;
    private static MongoEventStorageEngine store;
    private static HttpClient http;
    private static String base;
    private static String operator;

    @BeforeContainer
    static void start() throws Exception {
        ledger = MemoryLedger.start("ledger-hostile-import");
        store = ledger.store();
        http = ledger.http();
        base = ledger.base();
        operator = ledger.operator();
    }

    @AfterContainer
    static void stop() {
        ledger.close();
    }

    /** A hostile line (or two, for a split), and the rules that may name it. */
    record Hostile(String kind, String text, Set<String> rules) {
    }

    private static String selection(String code, String name, String cohortYear, String selectedOn) {
        return "{\"command\": \"SelectRegion\", \"code\": \"" + code + "\", \"name\": \"" + name
                + "\", \"kind\": \"CITY\", \"cohortYear\": " + cohortYear + ", \"selectedOn\": " + selectedOn + "}";
    }

    /** Valid lines: Jakarta's five cities selected in 2019. Nothing is ever stored, so they stay valid. */
    private static String valid(int i) {
        return selection("31.7" + (1 + i % 5), "Kota Jakarta " + i, "2019", "\"2019-02-22\"");
    }

    @Provide
    Arbitrary<Hostile> hostile() {
        Arbitrary<Hostile> split = Arbitraries.integers().between(10, 80).map(at -> {
            String line = selection("32.73", "Kota Bandung", "2019", "\"2019-02-22\"");
            return new Hostile("split", line.substring(0, at) + "\n" + line.substring(at), Set.of("NOT_JSON",
                    "COMMAND_REQUIRED", "UNKNOWN_COMMAND", "NOT_AN_OBJECT", "TRAILING_CONTENT"));
        });
        Arbitrary<Hostile> concatenated = Arbitraries.of("", " ", "\t", "\r").map(separator -> new Hostile(
                "concatenated", valid(1) + separator + valid(2), separator.equals("\r") ? Set.of("BARE_CR")
                : Set.of("TRAILING_CONTENT")));
        Arbitrary<Hostile> floats = Arbitraries.doubles().between(2017, 2030).ofScale(3)
                .filter(year -> year != Math.rint(year)).map(year -> new Hostile("float",
                        selection("32.73", "Kota Bandung", String.valueOf(year), "\"2019-02-22\""),
                        Set.of("WRONG_TYPE")));
        Arbitrary<Hostile> hugeString = Arbitraries.integers().between(201, 200_000).map(length -> new Hostile(
                "huge string", selection("32.73", "K".repeat(length), "2019", "\"2019-02-22\""),
                Set.of("Size", "LINE_TOO_LONG")));
        Arbitrary<Hostile> hugeList = Combinators.combine(Arbitraries.integers().between(51, 40_000),
                Arbitraries.of("\"\"", "\"Mentor\"", "\" \"")).as((size, element) -> new Hostile("huge list",
                "{\"command\": \"AssignMentor\", \"code\": \"32.73\", \"cohortYear\": 2019, \"institution\": \"ITB\","
                        + " \"mentors\": [" + String.join(",", Collections.nCopies(size, element))
                        + "], \"assignedOn\": \"2019-06-01\"}", Set.of("Size", "LINE_TOO_LONG")));
        Arbitrary<Hostile> duplicate = Arbitraries.of("\"command\": \"AssessCandidate\"", "\"code\": \"32.04\"",
                "\"name\": \"Kota Lain\"", "\"cohortYear\": 2020", "\"selectedOn\": \"2019-02-23\"").map(field ->
                new Hostile("duplicate key", selection("32.73", "Kota Bandung", "2019", "\"2019-02-22\"")
                        .replaceFirst("\\}$", ", " + field + "}"), Set.of("DUPLICATE_FIELD")));
        Arbitrary<Hostile> oddDate = Arbitraries.of("\"-999999999-01-01\"", "\"+999999999-12-31\"",
                "\"+10000-02-22\"", "\"2019-02-30\"", "\"20190222\"", "\"2019-2-22\"", "\"1944-12-31\"",
                "\"2101-01-01\"", "\"2019-02-22T00:00:00\"", "17949", "[2019, 2, 22]", "\"\"", "{}", "true",
                "17949.5").map(date -> new Hostile("odd date",
                selection("32.73", "Kota Bandung", "2019", date), Set.of("DATE_INVALID", "WRONG_TYPE")));
        return Arbitraries.oneOf(split, concatenated, floats, hugeString, hugeList, duplicate, oddDate);
    }

    @Property(tries = 120)
    void aHostileLineIsRefusedByNumberAndRuleAndNothingIsStored(@ForAll("hostile") Hostile hostile,
                                                                @ForAll("lineCount") int before,
                                                                @ForAll("lineCount") int after,
                                                                @ForAll boolean crlf) throws Exception {
        String end = crlf ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < before; i++) {
            lines.add(valid(i));
        }
        lines.add(hostile.text().replace("\n", end));
        for (int i = 0; i < after; i++) {
            lines.add(valid(before + 1 + i));
        }
        String body = String.join(end, lines) + end;
        long head = store.headPosition();

        long started = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/imports"))
                .header("Authorization", operator).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - started) / 1_000_000;

        String what = hostile.kind() + " at line " + (before + 1) + " -> " + abbreviated(response.body());
        assertThat(response.statusCode()).as(what).isBetween(400, 499);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("code").asText()).as(what).isEqualTo("IMPORT_REFUSED");
        assertThat(problem.path("line").asInt()).as(what).isEqualTo(before + 1);
        assertThat(problem.path("rule").asText()).as(what).isIn(hostile.rules());
        assertThat(store.headPosition()).as(what).isEqualTo(head);
        // Linear: a fixed allowance plus a millisecond per 2 KB (a 600 KB body: 0.3 s more), on a busy 2-core machine.
        assertThat(millis).as(what + " (" + body.length() + " bytes)").isLessThan(3_000 + body.length() / 2_000);
    }

    @Provide
    Arbitrary<Integer> lineCount() {
        return Arbitraries.integers().between(0, 4);
    }

    private static String abbreviated(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "...";
    }
}
