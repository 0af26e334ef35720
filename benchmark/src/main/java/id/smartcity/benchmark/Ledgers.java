package id.smartcity.benchmark;

import id.smartcity.app.SmartCityLedgerApplication;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A fresh ledger for a benchmark: its own data folder (or database), a free port, quiet logs. */
final class Ledgers {
    private Ledgers() {
    }

    /**
     * {@code memory} or {@code h2}: the embedded server in this JVM; {@code mongodb}: a fresh database on
     * {@code MONGODB_URI}; any backend given a {@code uri}: that server (the embedded one in a process of its own).
     */
    static ConfigurableApplicationContext start(String backend, String uri, Path dataDir, String extraArgs) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--ledger.mongo.embedded.data-dir=" + dataDir,
                "--ledger.security.generated-credentials=" + dataDir.resolve("generated-credentials.properties"),
                "--logging.level.root=WARN"));
        if (uri != null) {
            args.add("--spring.data.mongodb.uri=" + uri);
        } else if (backend.equals("mongodb")) {
            args.add("--spring.data.mongodb.uri=" + System.getenv("MONGODB_URI"));
            args.add("--spring.data.mongodb.database=smartcity_benchmark_" + System.currentTimeMillis());
        } else {
            args.add("--ledger.mongo.embedded.backend=" + backend);
        }
        if (!extraArgs.isBlank()) {
            args.addAll(List.of(extraArgs.split(",")));
        }
        return new SpringApplicationBuilder(SmartCityLedgerApplication.class).run(args.toArray(String[]::new));
    }

    static Path freshDataDir(String name) {
        try {
            return Files.createTempDirectory(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generated password of a user of a ledger started by {@link #start}. */
    static String password(Path dataDir, String user) {
        Properties passwords = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve("generated-credentials.properties"))) {
            passwords.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return passwords.getProperty(user);
    }
}
