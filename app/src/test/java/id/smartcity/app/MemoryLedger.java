package id.smartcity.app;

import id.smartcity.eventstore.MongoEventStorageEngine;
import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole ledger on the memory backend for property tests, which run outside Spring's test context: its address,
 * the operator's Basic authorization, its event store, and a plain HTTP client.
 */
record MemoryLedger(ConfigurableApplicationContext app, MongoEventStorageEngine store, HttpClient http, String base,
                    String operator) implements AutoCloseable {

    static MemoryLedger start(String name) throws IOException {
        Path dataDir = Files.createTempDirectory(name);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(SmartCityLedgerApplication.class)
                .run("--server.port=0", "--ledger.mongo.embedded.backend=MEMORY",
                        "--ledger.mongo.embedded.data-dir=" + dataDir, "--logging.level.root=WARN");
        Properties passwords = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve("generated-credentials.properties"))) {
            passwords.load(reader);
        }
        String operator = "Basic " + Base64.getEncoder().encodeToString(("operator:"
                + passwords.getProperty("operator")).getBytes(StandardCharsets.UTF_8));
        return new MemoryLedger(app, app.getBean(MongoEventStorageEngine.class), HttpClient.newHttpClient(),
                "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort(), operator);
    }

    @Override
    public void close() {
        app.close();
    }
}
