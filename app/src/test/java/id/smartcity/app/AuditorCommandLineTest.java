package id.smartcity.app;

import static id.smartcity.app.ShippedHistory.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import id.smartcity.app.cli.LedgerCli;
import id.smartcity.app.mongo.EmbeddedStoreDamagedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** An auditor's session with the command line, on the data folder of a ledger that has been stopped. */
class AuditorCommandLineTest {
    @TempDir
    Path work;

    private record Run(int exit, String out, String err) {
    }

    /** Runs a command: its data on {@code out}, what it says to the person on {@code err}. */
    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream console = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = LedgerCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8));
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(console);
            console.print(err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void exportsVerifiesAgainstADigestNamesTamperingAndImportsWithTheSameHashes() throws Exception {
        Path ledger = record(work.resolve("ledger"), ShippedHistory.read());
        String dataDir = "--data-dir=" + ledger;

        Run digest = cli("digest", dataDir);
        assertThat(digest.exit()).isZero();
        assertThat(digest.out()).contains("\"treeSize\" : " + EVENTS);
        Path digestFile = Files.writeString(work.resolve("digest.json"), digest.out());
        Run export = cli("export", dataDir);
        assertThat(export.out().lines()).hasSize((int) EVENTS);
        Path exportFile = Files.writeString(work.resolve("ledger.ndjson"), export.out());
        Run resumed = cli("export", "--from", String.valueOf(EVENTS - 8), dataDir);
        assertThat(resumed.out().lines()).hasSize(9).first().asString().startsWith("{\"_id\":" + (EVENTS - 8) + ",");

        Run verified = cli("verify", "--digest", digestFile.toString(), dataDir);
        assertThat(verified.exit()).as(verified.out()).isZero();
        assertThat(verified.out()).startsWith("OK: " + EVENTS + " events verified")
                .contains("extends the digest of " + EVENTS + " events");

        Run report = cli("report", "annual-totals", "--as-of", "2018-06-30", "--csv", dataDir);
        assertThat(report.out()).contains("\r\n2018,50,0,0,50,50,0,0,50,75,514,14.6,0\r\n");

        tamper(ledger.resolve("ledger.mv"));
        Run broken = cli("verify", "--digest", digestFile.toString(), dataDir);
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).startsWith("BROKEN at position 3: PAYLOAD_CHANGED");

        Path copy = work.resolve("copy");
        Run imported = cli("import", exportFile.toString(), "--data-dir=" + copy);
        assertThat(imported.out()).contains("imported " + EVENTS + " events");
        Run copyVerified = cli("verify", "--digest", digestFile.toString(), "--data-dir=" + copy);
        assertThat(copyVerified.out()).as("the same hashes and root come out").startsWith("OK: " + EVENTS + " events verified");

        Run rebuilt = cli("projections", "rebuild", "regions", "--data-dir=" + copy);
        assertThat(rebuilt.exit()).isZero();
        assertThat(rebuilt.out()).contains("regions rebuilt: " + EVENTS + " events")
                .containsPattern("regions\\s+true\\s+false\\s+" + EVENTS + "\\s+" + EVENTS + "\\s+0");
    }

    @Test
    void refusesAFolderThatHoldsNoLedgerAndCreatesNothingThere() throws Exception {
        Path ledger = recordTheCohortOf2017();
        Path misspelled = work.resolve("ledgr");

        Run verify = cli("verify", "--data-dir=" + misspelled);
        Run export = cli("export", "--data-dir=" + misspelled);

        assertThat(verify.exit()).isEqualTo(2);
        assertThat(verify.out()).doesNotContain("OK");
        assertThat(export.exit()).isEqualTo(2);
        assertThat(export.out()).isEmpty();
        assertThat(misspelled).doesNotExist();
        assertTheCohortVerifies(ledger);
    }

    /**
     * A hostile tester's finding: verify on a folder whose ledger.mv was emptied answered "OK: 0 events verified" and
     * wrote an empty store into the file.
     */
    @Test
    void refusesAnEmptiedDataFileAndLeavesItAsItWas() throws Exception {
        Path ledger = recordTheCohortOf2017();
        Path emptied = Files.createDirectories(work.resolve("emptied"));
        Files.createFile(emptied.resolve("ledger.mv"));
        Path witnessed = Files.createDirectories(work.resolve("witnessed"));
        Files.createFile(witnessed.resolve("ledger.mv"));
        Files.copy(ledger.resolve("ledger.mv.version"), witnessed.resolve("ledger.mv.version"));

        for (Path folder : List.of(emptied, witnessed)) {
            refusedAndLeftAsFound(folder).forEach(refused -> assertThat(refused.err())
                    .contains("its ledger.mv is empty (0 bytes)"));
            assertThat(Files.size(folder.resolve("ledger.mv"))).as("the file as it was found").isZero();
        }
        assertThat(cli("verify", "--data-dir=" + witnessed).err()).contains("the file was emptied; put back a copy");
        assertTheCohortVerifies(ledger);
    }

    /**
     * A hostile tester's findings: a data file cut short (without its witness) was verified OK with 0 events, and one
     * that is no H2 store at all gave two hundred lines of stack trace.
     */
    @Test
    void namesADataFileCutShortAndRefusesOneThatIsNoStoreInOneLine() throws Exception {
        Path ledger = recordTheCohortOf2017();
        Path cut = Files.createDirectories(work.resolve("cut"));
        byte[] whole = Files.readAllBytes(ledger.resolve("ledger.mv"));
        Files.write(cut.resolve("ledger.mv"), java.util.Arrays.copyOf(whole, 3 * 4096));
        Path junk = Files.createDirectories(work.resolve("junk"));
        byte[] noise = new byte[4096];
        new java.util.Random(11).nextBytes(noise);
        Files.write(junk.resolve("ledger.mv"), noise);

        Run verify = cli("verify", "--data-dir=" + cut);
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).startsWith("DAMAGED: the file's header names version").contains("it was cut short");
        refusedAndLeftAsFound(junk).forEach(refused -> assertThat(refused.err().strip()).isEqualTo("No ledger in "
                + junk + ": its ledger.mv is not a data file the ledger can read (it has no H2 header (4096 bytes));"
                + " nothing was changed there"));
        assertThat(Files.readAllBytes(junk.resolve("ledger.mv"))).isEqualTo(noise);
        assertTheCohortVerifies(ledger);
    }

    /** Verify and export refuse the folder (exit 2, no OK), and its data file stays byte for byte as found. */
    private static List<Run> refusedAndLeftAsFound(Path folder) throws IOException {
        byte[] found = Files.readAllBytes(folder.resolve("ledger.mv"));
        List<Run> runs = new java.util.ArrayList<>();
        for (String command : List.of("verify", "export")) {
            Run refused = cli(command, "--data-dir=" + folder);
            assertThat(refused.exit()).as("%s %s", command, folder).isEqualTo(2);
            assertThat(refused.out()).as("%s %s", command, folder).doesNotContain("OK");
            assertThat(Files.readAllBytes(folder.resolve("ledger.mv"))).as("the file as it was found")
                    .isEqualTo(found);
            runs.add(refused);
        }
        return runs;
    }

    /** The valid form: the recorded cohort verifies. */
    private static void assertTheCohortVerifies(Path ledger) {
        Run valid = cli("verify", "--data-dir=" + ledger);
        assertThat(valid.exit()).isZero();
        assertThat(valid.out()).startsWith("OK: 50 events verified");
    }

    @Test
    void verifiesAndExportsTheEventsOfAFolderTheLedgerRefusesToStartOn() throws Exception {
        Path ledger = recordTheCohortOf2017();
        damageBeyondWhatACrashLeaves(ledger.resolve("ledger.mv"));

        assertThatThrownBy(() -> new SpringApplicationBuilder(SmartCityLedgerApplication.class)
                .run("--server.port=0", "--ledger.mongo.embedded.data-dir=" + ledger).close())
                .hasRootCauseInstanceOf(EmbeddedStoreDamagedException.class)
                .rootCause().hasMessageContaining("cannot be put back into index eventId_unique");

        Run export = cli("export", "--data-dir=" + ledger);
        Run verify = cli("verify", "--data-dir=" + ledger);

        assertThat(export.exit()).isZero();
        assertThat(export.out().lines()).hasSize(50).last().asString().startsWith("{\"_id\":50,");
        assertThat(verify.exit()).isZero();
        assertThat(verify.out()).startsWith("OK: 50 events verified");
    }

    @Test
    void namesAReadModelDocumentEditedInTheDataFolder() throws Exception {
        Path ledger = recordTheCohortOf2017();
        assertThat(cli("verify", "--data-dir=" + ledger).out()).contains("the read models match the log");
        H2Backend backend = new H2Backend(ledger.resolve("ledger.mv").toString());
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            client.getDatabase("smartcity").getCollection("rm_regions")
                    .updateOne(Filters.eq("_id", "15.71"), Updates.set("name", "Kota Palsu"));
            backend.commit();
        } finally {
            server.shutdown();
        }

        Run verify = cli("verify", "--data-dir=" + ledger);

        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).startsWith("READ_MODEL_DIFFERS: the chain holds (50 events verified")
                .contains("regions DIFFERS (1 of ").contains("15.71 differs at name: stored \"Kota Palsu\"");
    }

    /** A stopped ledger's folder holding the 2017 cohort (50 events). */
    private Path recordTheCohortOf2017() throws IOException {
        return record(work.resolve("cohort"), Files.readString(Path.of("..", "history", "2017-cohort.ndjson")));
    }

    /** Starts a ledger on {@code folder}, imports the commands, and stops it: the folder is then the auditor's. */
    private static Path record(Path folder, String commands) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SmartCityLedgerApplication.class)
                .run("--server.port=0", "--ledger.mongo.embedded.data-dir=" + folder)) {
            LedgerClient api = new LedgerClient(((WebServerApplicationContext) app).getWebServer().getPort(),
                    folder.resolve("generated-credentials.properties"));
            assertThat(api.postNdjson("/api/imports", "operator", commands).status()).isEqualTo(201);
        }
        return folder;
    }

    /** The last event out of its indexes, and its unique event id given to the event before: no crash does that. */
    private static void damageBeyondWhatACrashLeaves(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        try {
            for (String index : List.of("_id_", "eventId_unique")) {
                MVMap<Object, Object> map = store.openMap("smartcity.events._index_" + index);
                List<Object> keys = map.entrySet().stream().filter(entry -> entry.getValue().equals(50L))
                        .map(Map.Entry::getKey).toList();
                keys.forEach(map::remove);
                if (index.equals("eventId_unique")) {
                    keys.forEach(key -> map.put(key, 49L));
                }
            }
            store.commit();
        } finally {
            store.close();
        }
    }

    /** What an insider with the data file could do: change one payload field behind the ledger's back. */
    private static void tamper(Path file) {
        H2Backend backend = new H2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        try {
            String uri = server.bindAndGetConnectionString();
            try (MongoClient client = MongoClients.create(uri)) {
                client.getDatabase("smartcity").getCollection("events")
                        .updateOne(Filters.eq("_id", 3L), Updates.set("payload.name", "Kota Palsu"));
            }
            backend.commit();
        } finally {
            server.shutdown();
        }
    }
}
