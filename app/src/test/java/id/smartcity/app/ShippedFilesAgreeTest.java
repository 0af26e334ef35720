package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.smartcity.api.Provinces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The history files the project ships agree with each other: a region has one Kemendagri code and one name in every
 * file (Kabupaten Mimika was 94.12 in one and 91.09 in the other, so the first ledger could never take the second),
 * and every code names a province of the register.
 */
class ShippedFilesAgreeTest {
    private static final Path HISTORY = Path.of("..", "history");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Path> shippedFiles() throws IOException {
        try (Stream<Path> files = Files.list(HISTORY)) {
            return files.filter(file -> file.toString().endsWith(".ndjson")).sorted().toList();
        }
    }

    @Test
    void everyRegionHasOneCodeAndOneNameInEveryShippedFile() throws IOException {
        Map<String, Set<String>> namesByCode = new TreeMap<>();
        Map<String, Set<String>> codesByName = new TreeMap<>();
        List<Path> files = shippedFiles();
        assertThat(files).extracting(file -> file.getFileName().toString())
                .contains("2017-cohort.ndjson", "programme.ndjson");
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode command = JSON.readTree(line);
                String code = command.path("code").asText(null);
                String name = command.path("name").asText(null);
                if (code != null) {
                    assertThat(Provinces.exists(Provinces.codeOf(code))).as("%s in %s", code, file).isTrue();
                }
                if (code != null && name != null) {
                    namesByCode.computeIfAbsent(code, c -> new TreeSet<>()).add(name + " (" + file.getFileName() + ")");
                    codesByName.computeIfAbsent(name, n -> new TreeSet<>()).add(code);
                }
            }
        }
        assertThat(namesByCode).isNotEmpty();
        assertThat(codesByName).as("names with more than one code")
                .allSatisfy((name, codes) -> assertThat(codes).as(name).hasSize(1));
        assertThat(namesByCode).as("codes with more than one name")
                .allSatisfy((code, names) -> assertThat(names.stream().map(n -> n.substring(0, n.lastIndexOf(" (")))
                        .distinct()).as(code + ": " + names).hasSize(1));
    }
}
