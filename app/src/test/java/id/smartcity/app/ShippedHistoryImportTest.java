package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.smartcity.eventstore.MongoEventStorageEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The 2017 cohort shipped in history/ imports into a fresh ledger exactly as README shows. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.mongo.embedded.backend=MEMORY")
class ShippedHistoryImportTest {
    private static final Path CREDENTIALS = LedgerApiContract.CREDENTIALS;

    @LocalServerPort
    int port;
    @Autowired
    MongoEventStorageEngine eventStore;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerApiContract.testProperties(registry);
    }

    @Test
    void importsThe2017CohortIntoAFreshLedger() throws IOException {
        String cohort = Files.readString(Path.of("..", "history", "2017-cohort.ndjson"));
        LedgerClient api = new LedgerClient(port, CREDENTIALS);

        LedgerClient.Response imported = api.postNdjson("/api/imports", "operator", cohort);

        assertThat(imported.status()).as("%s", imported.body()).isEqualTo(201);
        assertThat(imported.body().path("imported").asInt()).isEqualTo(50);
        assertThat(imported.body().path("firstPosition").asLong()).isEqualTo(1);
        assertThat(imported.body().path("lastPosition").asLong()).isEqualTo(50);
        JsonNode lines = imported.body().path("lines");
        assertThat(StreamSupport.stream(lines.spliterator(), false).filter(line ->
                line.path("command").asText().equals("SelectRegion")).map(line -> line.path("region").asText())
                .distinct().count()).isEqualTo(25);
        assertThat(eventStore.headPosition()).isEqualTo(50);
        // Importing it again is refused line by line: every region was already selected.
        LedgerClient.Response again = api.postNdjson("/api/imports", "operator", cohort);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body().path("lines").get(0).path("code").asText()).isEqualTo("ALREADY_PARTICIPANT");
        assertThat(eventStore.headPosition()).isEqualTo(50);
    }
}
