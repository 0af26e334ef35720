package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.smartcity.app.cli.LedgerCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auditor's offline {@code check-proof} against the RFC 6962 / RFC 9162 reference vectors (kept with the
 * ledger's tests), each turned into the JSON the ledger's proof endpoints answer: valid proofs VALID (exit 0), every
 * corruption INVALID (exit 1), an empty or truncated hash included.
 */
class CheckProofVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path VECTORS = Path.of("..", "eventstore", "src", "test", "resources", "merkle-testdata");

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everyReferenceVector() throws IOException {
        try (Stream<Path> files = Files.walk(VECTORS)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream()
                    .map(file -> DynamicTest.dynamicTest(VECTORS.relativize(file).toString(), () -> check(file)));
        }
    }

    private void check(Path file) throws IOException {
        JsonNode vector = JSON.readTree(file.toFile());
        ObjectNode proof = JSON.createObjectNode();
        if (vector.has("leafHash")) {
            proof.set("leafIndex", vector.get("leafIdx"));
            proof.set("treeSize", vector.get("treeSize"));
            proof.put("leafHash", hex(vector.get("leafHash")));
            proof.put("root", hex(vector.get("root")));
        } else {
            proof.set("from", vector.get("size1"));
            proof.set("to", vector.get("size2"));
            proof.put("fromRoot", hex(vector.get("root1")));
            proof.put("toRoot", hex(vector.get("root2")));
        }
        ArrayNode path = proof.putArray("path");
        vector.path("proof").forEach(hash -> path.add(hex(hash)));
        Path written = Files.writeString(work.resolve("proof.json"), proof.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = LedgerCli.execute(new String[] {"check-proof", written.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));

        // Stricter than the reference on form: a hash that is not 32 bytes is refused even where the algorithm would
        // not look at it (two equal "don't care" roots of equal trees).
        boolean valid = !vector.path("wantErr").asBoolean() && proof.findValues("root").stream()
                .allMatch(root -> root.asText().length() == 64) && Stream.of("fromRoot", "toRoot")
                .allMatch(field -> !proof.has(field) || proof.get(field).asText().length() == 64);
        String answer = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("%s: %s", vector.path("desc").asText(), answer).isEqualTo(valid ? 0 : 1);
        assertThat(answer).startsWith(valid ? "VALID: " : "INVALID: ");
    }

    private static String hex(JsonNode base64) {
        return HexFormat.of().formatHex(Base64.getDecoder().decode(base64.asText()));
    }
}
