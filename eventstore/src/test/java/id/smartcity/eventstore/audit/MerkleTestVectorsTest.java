package id.smartcity.eventstore.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The RFC 6962 / RFC 9162 inclusion and consistency vectors that Certificate Transparency implementations are tested
 * with (test resources {@code merkle-testdata/}): every valid proof accepted, every corruption refused.
 */
class MerkleTestVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theVectorsAreAllThere() throws Exception {
        assertThat(vectors("inclusion")).hasSize(98);
        assertThat(vectors("consistency")).hasSize(98);
    }

    @TestFactory
    Stream<DynamicTest> inclusionProofs() throws Exception {
        return vectors("inclusion").stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
            JsonNode vector = read(file);
            boolean valid = fitsLong(vector.path("leafIdx")) && fitsLong(vector.path("treeSize"))
                    && MerkleTree.verifyInclusion(hash(vector.path("leafHash")), vector.path("leafIdx").asLong(),
                    vector.path("treeSize").asLong(), hashes(vector.path("proof")), hash(vector.path("root")));
            assertThat(valid).as(vector.path("desc").asText()).isEqualTo(!vector.path("wantErr").asBoolean());
        }));
    }

    @TestFactory
    Stream<DynamicTest> consistencyProofs() throws Exception {
        return vectors("consistency").stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
            JsonNode vector = read(file);
            boolean valid = fitsLong(vector.path("size1")) && fitsLong(vector.path("size2"))
                    && MerkleTree.verifyConsistency(vector.path("size1").asLong(), vector.path("size2").asLong(),
                    hash(vector.path("root1")), hash(vector.path("root2")), hashes(vector.path("proof")));
            assertThat(valid).as(vector.path("desc").asText()).isEqualTo(!vector.path("wantErr").asBoolean());
        }));
    }

    static List<Path> vectors(String kind) throws IOException, URISyntaxException {
        Path folder = Path.of(MerkleTestVectorsTest.class.getResource("/merkle-testdata/" + kind).toURI());
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static String name(Path file) {
        return file.getParent().getParent().getFileName() + "/" + file.getParent().getFileName() + "/"
                + file.getFileName();
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean fitsLong(JsonNode number) {
        return number.isIntegralNumber() && number.bigIntegerValue().bitLength() < 64
                && number.bigIntegerValue().signum() >= 0 || number.isIntegralNumber()
                && number.bigIntegerValue().compareTo(BigInteger.ZERO) < 0 && number.canConvertToLong();
    }

    private static byte[] hash(JsonNode base64) {
        return base64.isNull() || base64.isMissingNode() ? null : Base64.getDecoder().decode(base64.asText());
    }

    /** A proof of no hashes is written {@code null} by the vectors' Go source (a nil slice). */
    private static List<byte[]> hashes(JsonNode list) {
        if (list.isNull()) {
            return List.of();
        }
        return list.isArray() ? Stream.iterate(0, i -> i < list.size(), i -> i + 1)
                .map(i -> hash(list.get(i))).toList() : null;
    }
}
