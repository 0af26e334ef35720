package id.smartcity.app;

import static id.smartcity.app.ShippedHistory.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.smartcity.eventstore.CanonicalEvent;
import id.smartcity.eventstore.audit.MerkleTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The auditor's HTTP interface on the shipped history; the proofs it serves are checked here offline. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.mongo.embedded.backend=MEMORY")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditApiTest {
    @LocalServerPort
    int port;
    LedgerClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerApiContract.testProperties(registry);
    }

    @BeforeAll
    void load() throws Exception {
        api = new LedgerClient(port, LedgerApiContract.CREDENTIALS);
        assertThat(api.postNdjson("/api/imports", "operator",
                ShippedHistory.read()).status()).isEqualTo(201);
    }

    private static List<byte[]> hexes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(node -> hashes.add(CanonicalEvent.unhex(node.asText())));
        return hashes;
    }

    @Test
    void servesTheEventLogWithWhoWhenWhyAndHash() {
        JsonNode page = api.get("/api/audit/events?from=1&limit=5", "auditor").body();
        assertThat(page.path("head").asLong()).isEqualTo(EVENTS);
        assertThat(page.path("next").asLong()).isEqualTo(6);
        JsonNode first = page.path("events").get(0);
        assertThat(first.path("position").asLong()).isEqualTo(1);
        assertThat(first.path("type").asText()).isEqualTo("CandidateAssessed");
        assertThat(first.path("metadata").path("principal").asText()).isEqualTo("operator");
        assertThat(first.path("metadata").path("recordedAt").asText()).isNotBlank();
        assertThat(first.path("hash").asText()).hasSize(64);

        JsonNode depok = api.get("/api/audit/events?region=32.76&type=RegionWithdrawn", "auditor").body();
        assertThat(depok.path("events")).hasSize(1);
        assertThat(depok.path("events").get(0).path("payload").path("reason").asText()).contains("non-technical");
    }

    @Test
    void verifiesAndServesProofsThatCheckOffline() {
        JsonNode digest = api.get("/api/audit/digest", "auditor").body();
        JsonNode verify = api.get("/api/audit/verify?digest=" + digest.path("token").asText(), "auditor").body();
        assertThat(verify.path("status").asText()).isEqualTo("OK");
        assertThat(verify.path("verified").asLong()).isEqualTo(EVENTS);

        JsonNode inclusion = api.get("/api/audit/proof/inclusion?position=100&treeSize=" + EVENTS, "auditor").body();
        assertThat(MerkleTree.verifyInclusion(CanonicalEvent.unhex(inclusion.path("leafHash").asText()), 99, EVENTS,
                hexes(inclusion.path("path")), CanonicalEvent.unhex(digest.path("root").asText()))).isTrue();

        JsonNode consistency = api.get("/api/audit/proof/consistency?from=100&to=" + EVENTS, "auditor").body();
        assertThat(MerkleTree.verifyConsistency(100, EVENTS, CanonicalEvent.unhex(consistency.path("fromRoot").asText()),
                CanonicalEvent.unhex(digest.path("root").asText()), hexes(consistency.path("path")))).isTrue();
    }

    @Test
    void theCommandLineChecksServedProofsOfflineAgainstAKeptDigest(@org.junit.jupiter.api.io.TempDir Path work)
            throws Exception {
        Path digest = Files.writeString(work.resolve("digest.json"),
                api.get("/api/audit/digest", "auditor").raw().body());
        Path inclusion = Files.writeString(work.resolve("inclusion.json"),
                api.get("/api/audit/proof/inclusion?position=42&treeSize=" + EVENTS, "auditor").raw().body());
        Path consistency = Files.writeString(work.resolve("consistency.json"),
                api.get("/api/audit/proof/consistency?from=100&to=" + EVENTS, "auditor").raw().body());

        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(id.smartcity.app.cli.LedgerCli.execute(new String[] {"check-proof", inclusion.toString(),
                "--digest", digest.toString()}, print)).isZero();
        assertThat(id.smartcity.app.cli.LedgerCli.execute(new String[] {"check-proof", consistency.toString(),
                "--digest", digest.toString()}, print)).isZero();
        Path forged = Files.writeString(work.resolve("forged.json"), Files.readString(inclusion)
                .replace("\"leafIndex\":41", "\"leafIndex\":40"));
        assertThat(id.smartcity.app.cli.LedgerCli.execute(new String[] {"check-proof", forged.toString(),
                "--digest", digest.toString()}, print)).isEqualTo(1);
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("VALID: event 42 is in the tree")
                .contains("VALID: the tree of 100 events").contains("INVALID: not proven");
    }

    /** A hostile tester's finding: a valid path proved nothing about the position and event hash printed with it. */
    @Test
    void theCommandLineProvesThePositionAndTheEventHashAProofNames(@org.junit.jupiter.api.io.TempDir Path work)
            throws Exception {
        String served = api.get("/api/audit/proof/inclusion?position=42&treeSize=" + EVENTS, "auditor").raw().body();
        JsonNode proof = new com.fasterxml.jackson.databind.ObjectMapper().readTree(served);
        String eventHash = proof.path("eventHash").asText();
        String otherHash = (eventHash.charAt(0) == '0' ? "1" : "0") + eventHash.substring(1);
        java.util.Map<String, String> forgeries = java.util.Map.of(
                "another position", served.replace("\"position\":42", "\"position\":1000"),
                "another event hash", served.replace(eventHash, otherHash));
        for (var forgery : forgeries.entrySet()) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int exit = id.smartcity.app.cli.LedgerCli.execute(new String[] {"check-proof",
                    Files.writeString(work.resolve("forged.json"), forgery.getValue()).toString()},
                    new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(exit).as(forgery.getKey()).isEqualTo(1);
            assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).as(forgery.getKey())
                    .startsWith("INVALID: not proven");
        }
        // The valid form of the same proof is proven, and without the event's fields it claims only its leaf.
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(id.smartcity.app.cli.LedgerCli.execute(new String[] {"check-proof",
                Files.writeString(work.resolve("served.json"), served).toString()}, print)).isZero();
        com.fasterxml.jackson.databind.node.ObjectNode leafOnly = (com.fasterxml.jackson.databind.node.ObjectNode)
                proof.deepCopy();
        leafOnly.remove(List.of("position", "eventHash"));
        assertThat(id.smartcity.app.cli.LedgerCli.execute(new String[] {"check-proof",
                Files.writeString(work.resolve("leaf.json"), leafOnly.toString()).toString()}, print)).isZero();
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("VALID: event 42 is in the tree of " + EVENTS)
                .contains("VALID: leaf " + proof.path("leafHash").asText() + " at index 41 is in the tree");
    }

    @Test
    void noConsistencyProofFromTheEmptyTreeWhichNoCheckerCouldAccept() {
        LedgerClient.Response refused = api.get("/api/audit/proof/consistency?from=0&to=" + EVENTS, "auditor");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("code").asText()).isEqualTo("INVALID_AUDIT_REQUEST");
        assertThat(api.get("/api/audit/proof/consistency?from=1&to=" + EVENTS, "auditor").status()).isEqualTo(200);
    }

    @Test
    void refusesADigestThatDoesNotParseAndAProofOutsideTheLogAsTheAuditorsMistake() {
        for (String digest : List.of("garbage", "v1:-5:ab:cd", "v1:many:ab:cd", "v1:99999:aa:bb",
                "v1:5:" + "g".repeat(64) + ":" + "a".repeat(64))) {
            LedgerClient.Response refused = api.get("/api/audit/verify?digest=" + digest, "auditor");
            assertThat(refused.status()).as(digest).isEqualTo(400);
            assertThat(refused.body().path("code").asText()).isEqualTo("INVALID_AUDIT_REQUEST");
            assertThat(refused.body().path("detail").asText()).contains("digest");
        }
        LedgerClient.Response beyond = api.get("/api/audit/proof/inclusion?position=1&treeSize=" + (EVENTS + 1),
                "auditor");
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.body().path("detail").asText()).contains(String.valueOf(EVENTS));
        LedgerClient.Response noSuchEvent = api.get("/api/audit/proof/inclusion?position=" + (EVENTS + 1), "auditor");
        assertThat(noSuchEvent.status()).isEqualTo(400);
        assertThat(noSuchEvent.body().path("detail").asText()).contains("is not in the tree of the first " + EVENTS);
    }

    @Test
    void exportsTheWholeLogAsNdjson() {
        LedgerClient.Response export = api.getAs("/api/audit/export?from=" + (EVENTS - 7), "auditor", "application/x-ndjson");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.raw().body().lines()).hasSize(8).first().asString().startsWith("{\"_id\":" + (EVENTS - 7) + ",");
    }

    @Test
    void letsOnlyAuditorsAndAdminsIn() {
        assertThat(api.get("/api/audit/digest", "admin").status()).isEqualTo(200);
        assertThat(api.get("/api/audit/digest", "reporter").status()).isEqualTo(403);
        assertThat(api.get("/api/audit/digest", "operator").status()).isEqualTo(403);
        assertThat(api.get("/api/audit/digest", null).status()).isEqualTo(401);
    }
}
