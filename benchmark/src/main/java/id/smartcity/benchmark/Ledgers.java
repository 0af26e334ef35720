package id.smartcity.benchmark;

import id.smartcity.app.SmartCityLedgerApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A fresh ledger for a benchmark: its own data folder, a free port, quiet logs. */
final class Ledgers {
    private Ledgers() {
    }

    static ConfigurableApplicationContext start(String backend, java.nio.file.Path dataDir) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        return new SpringApplicationBuilder(SmartCityLedgerApplication.class).run("--server.port=0",
                "--ledger.mongo.embedded.backend=" + backend, "--ledger.mongo.embedded.data-dir=" + dataDir,
                "--logging.level.root=WARN");
    }

    static java.nio.file.Path freshDataDir(String name) {
        try {
            return Files.createTempDirectory(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
