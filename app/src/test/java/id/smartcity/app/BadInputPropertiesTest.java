package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.smartcity.eventstore.MongoEventStorageEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile bodies against the command API: wrong types, missing and unknown fields, unknown enum values, impossible
 * dates, Unicode, strings and objects shaped like MongoDB operators, in every field. Whatever comes in, the answer is
 * a 4xx problem detail or a 201, never a 5xx; and a refusal stores nothing.
 */
class BadInputPropertiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("name", "kind", "cohortYear", "selectedOn", "assessment");
    private static final AtomicInteger TRIED = new AtomicInteger();
    private static MemoryLedger ledger;
    private static MongoEventStorageEngine store;
    private static HttpClient http;
    private static String base;
    private static String operator;

    @BeforeContainer
    static void start() throws Exception {
        ledger = MemoryLedger.start("ledger-bad-input");
        store = ledger.store();
        http = ledger.http();
        base = ledger.base();
        operator = ledger.operator();
    }

    @AfterContainer
    static void stop() {
        System.out.println("bad input: " + TRIED.get() + " hostile requests tried");
        ledger.close();
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        TRIED.incrementAndGet();
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", operator)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Provide
    Arbitrary<Object> hostileValue() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.of("$gt", "$where", "{\"$gt\": \"\"}", "'; db.dropDatabase(); '", "Kota Banda Aceh",
                        "CITY", "VILLAGE", "2019-02-30", "2019-13-01", "2019-02-22", "9999-12-31", "", " ",
                        "Kabupaten Tapanuli Selatan", "Kota Tangerang Selatan ✓", "\u0000", "32.73"),
                Arbitraries.integers().between(-5, 5).map(i -> (Object) (2017 + i * 3)),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.of(true, false),
                Arbitraries.just(Map.of("$gt", "")),
                Arbitraries.just(Map.of("$where", "sleep(100)")),
                Arbitraries.just(List.of("$gt", 1)));
    }

    @Provide
    Arbitrary<String> regionCode() {
        return Arbitraries.oneOf(Arbitraries.of("32.73", "32.04", "34", "3273", "99.99", "32.7x", "%24gt", "..",
                        "32.73.01"),
                Arbitraries.strings().withCharRange('0', '9').ofLength(2).map(pp -> pp + ".71"));
    }

    @Property(tries = 300)
    void aSelectionNeverFailsTheServerAndARefusalStoresNothing(@ForAll("regionCode") String code,
                                                                @ForAll("hostileValue") Object name,
                                                                @ForAll("hostileValue") Object kind,
                                                                @ForAll("hostileValue") Object cohortYear,
                                                                @ForAll("hostileValue") Object selectedOn,
                                                                @ForAll boolean dropAField,
                                                                @ForAll boolean addAField) throws Exception {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("name", JSON.valueToTree(name));
        body.set("kind", JSON.valueToTree(kind));
        body.set("cohortYear", JSON.valueToTree(cohortYear));
        body.set("selectedOn", JSON.valueToTree(selectedOn));
        if (dropAField) {
            body.remove(FIELDS.get(Math.abs(String.valueOf(name).hashCode()) % 4));
        }
        if (addAField) {
            body.put("$where", "this.code == '32.73'");
        }
        long head = store.headPosition();

        HttpResponse<String> response = post("/api/regions/" + code + "/selections", JSON.writeValueAsString(body));

        assertThat(response.statusCode()).as("%s -> %s", body, response.body()).isLessThan(500);
        if (response.statusCode() != 201) {
            assertThat(response.statusCode()).isBetween(400, 499);
            assertThat(JSON.readTree(response.body()).path("code").asText()).as(response.body()).isNotBlank();
            assertThat(store.headPosition()).isEqualTo(head);
        } else {
            assertThat(store.headPosition()).isEqualTo(head + 1);
        }
    }

    @Property(tries = 100)
    void anyBodyAtAllIsAnsweredWithoutA5xx(@ForAll("anyText") String body) throws Exception {
        long head = store.headPosition();
        HttpResponse<String> response = post("/api/regions/11.71/engagements/2019/mou", body);
        assertThat(response.statusCode()).as("%s -> %s", body, response.body()).isBetween(400, 499);
        assertThat(store.headPosition()).isEqualTo(head);
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.of("{", "[]", "null", "{\"signedOn\": [1,2]}", "{\"signedOn\": {\"$gt\": \"\"}}",
                        "{\"signedOn\": \"2019-02-30\", \"place\": \"x\"}", "\"just a string\"", "12", "{}"));
    }

    @Example
    void refusesABodyOverTheLimitWith413() throws Exception {
        String huge = "{\"name\": \"" + "x".repeat(2_000_000) + "\"}";
        HttpResponse<String> declared = post("/api/regions/32.73/selections", huge);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(declared.body()).path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");

        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create(base
                        + "/api/regions/32.73/selections")).header("Authorization", operator)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        huge.getBytes(StandardCharsets.UTF_8)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
    }
}
