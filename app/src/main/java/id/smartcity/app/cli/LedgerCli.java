package id.smartcity.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.smartcity.app.SmartCityLedgerApplication;
import id.smartcity.app.mongo.EmbeddedMongoServer;
import id.smartcity.app.mongo.EmbeddedStoreDamagedException;
import id.smartcity.app.mongo.H2FileHeader;
import id.smartcity.app.mongo.H2VersionWitness;
import id.smartcity.app.startup.LedgerVersion;
import id.smartcity.app.startup.PasswordHashNotBcryptException;
import id.smartcity.eventstore.CanonicalEvent;
import id.smartcity.eventstore.EventImporter;
import id.smartcity.eventstore.audit.AuditLog;
import id.smartcity.eventstore.audit.ConsistencyProof;
import id.smartcity.eventstore.audit.Digest;
import id.smartcity.eventstore.audit.InclusionProof;
import id.smartcity.eventstore.audit.MerkleTree;
import id.smartcity.eventstore.audit.Verification;
import id.smartcity.ledger.audit.LedgerVerifier;
import id.smartcity.projections.admin.ProjectionAdmin;
import id.smartcity.projections.query.CsvReportConverter;
import id.smartcity.projections.reports.AnnualTotals;
import id.smartcity.projections.reports.CoverageProperties;
import id.smartcity.projections.reports.ProgrammeSnapshot;
import id.smartcity.projections.reports.Report;
import id.smartcity.projections.timetravel.TimeTravel;
import java.io.BufferedReader;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/**
 * The same jar as a command line for auditors and operators. It works on the configured store (the embedded data
 * folder, which the server must not hold at the same time, or {@code --mongodb-uri}); data goes to standard output,
 * progress and logs to standard error.
 */
@Command(name = "smartcity-ledger", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = LedgerCli.Version.class,
        description = {"The Smart City programme ledger, for auditors and operators: verify, digest, export, import,"
                + " replay, report, projections, check-proof, hash-password.",
                "Without a command, `java -jar smartcity-ledger-exec.jar` runs the server."},
        subcommands = {LedgerCli.Verify.class, LedgerCli.DigestCommand.class, LedgerCli.Export.class,
                LedgerCli.Import.class, LedgerCli.Replay.class, LedgerCli.ReportCommand.class,
                LedgerCli.Projections.class, LedgerCli.CheckProof.class, LedgerCli.HashPassword.class,
                CommandLine.HelpCommand.class})
public final class LedgerCli {
    public static final List<String> COMMANDS = List.of("verify", "digest", "export", "import", "replay", "report",
            "projections", "check-proof", "hash-password", "help", "--help", "-h", "--version", "-V");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--mongodb-uri", scope = ScopeType.INHERIT,
            description = "A MongoDB to work on instead of the embedded data folder")
    String mongodbUri;
    @Option(names = "--data-dir", scope = ScopeType.INHERIT,
            description = "The embedded store's data folder (default ./data)")
    Path dataDir;

    private PrintStream out;
    private ConfigurableApplicationContext context;
    /** Reading only (verify, digest, export): a data file that fails the start-up check is opened as it is. */
    private boolean salvage;
    /** What a salvage found wrong with the store it opened anyway. */
    private final List<String> damage = new ArrayList<>();
    /** Writing into a new store (import): the data folder need not hold a ledger yet. */
    private boolean mayCreate;

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command line of the process: data on standard output, everything else on standard error. */
    public static int run(String[] args) {
        PrintStream data = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        return execute(args, data);
    }

    /** Runs one command, writing its data to {@code out}; answers the exit code. */
    public static int execute(String[] args, PrintStream out) {
        LedgerCli cli = new LedgerCli();
        cli.out = out;
        try {
            // Help and --version are what was asked for: standard output, like the data.
            return new CommandLine(cli).setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                    true)).setExecutionExceptionHandler((e, command, parsed) -> {
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    if (cause instanceof LedgerDidNotStart) {
                        return 2;
                    }
                    if (cause instanceof NoLedgerHere || cause instanceof EmbeddedStoreDamagedException) {
                        command.getErr().println(cause.getMessage());
                        return 2;
                    }
                }
                // Input the command could not read (a missing or unreadable file, JSON that is not, a digest without
                // its fields): one line and exit 2, which a script tells apart from INVALID or BROKEN (exit 1).
                if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException
                        || e instanceof IllegalArgumentException || e instanceof NullPointerException
                        || e instanceof ClassCastException) {
                    String what = e instanceof java.nio.file.NoSuchFileException ? "no such file " + e.getMessage()
                            : e.getMessage() == null ? e.getClass().getSimpleName()
                            : e.getMessage().lines().findFirst().orElse("");
                    command.getErr().println("Could not read the input: " + what);
                    return 2;
                }
                throw e;
            }).execute(args);
        } finally {
            if (cli.context != null) {
                cli.context.close();
            }
            out.flush();
        }
    }

    <T> T bean(Class<T> type) {
        if (context == null) {
            Path folder = embeddedDataFolder();
            if (folder != null && !mayCreate) {
                refuseAFolderWithNoLedger(folder);
                readTheDataFileUnchanged(folder.resolve("ledger.mv"));
            }
            List<String> properties = new ArrayList<>(List.of("--spring.main.banner-mode=off",
                    "--logging.level.root=WARN", "--spring.main.log-startup-info=false"));
            if (mongodbUri != null) {
                properties.add("--spring.data.mongodb.uri=" + mongodbUri);
            }
            if (dataDir != null) {
                properties.add("--ledger.mongo.embedded.data-dir=" + dataDir);
            }
            if (salvage) {
                properties.add("--ledger.mongo.embedded.open-damaged=true");
            }
            try {
                context = new SpringApplicationBuilder(SmartCityLedgerApplication.class)
                        .web(WebApplicationType.NONE).run(properties.toArray(String[]::new));
            } catch (RuntimeException e) {
                // Spring Boot's failure analysis said why in one line (OneLineFailureReporter); nothing to add.
                throw new LedgerDidNotStart(e);
            }
            context.getBeanProvider(EmbeddedMongoServer.class).ifAvailable(server -> damage.addAll(server.damage()));
            damage.forEach(what -> System.err.println("WARNING: the embedded store is damaged: " + what
                    + ". What follows is what it still holds."));
        }
        return context.getBean(type);
    }

    /**
     * A folder with no data file, or an empty one, holds no ledger: opening it would make an empty store there and
     * answer as if the ledger had recorded nothing (an emptied file is damage, and the file stays as it was found).
     */
    private static void refuseAFolderWithNoLedger(Path folder) {
        Path file = folder.resolve("ledger.mv");
        String where = folder.toAbsolutePath().normalize().toString();
        if (!Files.isRegularFile(file)) {
            throw new NoLedgerHere("No ledger in " + where + " (no ledger.mv there): name the data folder with"
                    + " --data-dir, or a MongoDB with --mongodb-uri");
        }
        try {
            if (Files.size(file) == 0) {
                throw new NoLedgerHere("No ledger in " + where + ": its ledger.mv is empty (0 bytes)"
                        + (Files.exists(folder.resolve(H2VersionWitness.NAME)) ? ", though the ledger had committed"
                        + " events to it (" + H2VersionWitness.NAME + "): the file was emptied; put back a copy" : "")
                        + "; nothing was changed there");
            }
        } catch (IOException e) {
            throw new NoLedgerHere("No ledger in " + where + ": ledger.mv cannot be read (" + e.getMessage() + ")");
        }
    }

    /**
     * Reads the data file before the store is opened for the command (which writes to it): one that is no H2 store
     * is refused in one line; one cut short is damage, which a salvage (verify, export) reports as it reads what is
     * left, and any other command refuses.
     */
    private void readTheDataFileUnchanged(Path file) {
        String where = file.getParent().toAbsolutePath().normalize().toString();
        try {
            H2FileHeader.cutShort(file).ifPresent(what -> {
                if (!salvage) {
                    throw new NoLedgerHere("The embedded store " + file + " is damaged: " + what);
                }
                damage.add(what);
            });
        } catch (H2FileHeader.NotAStore e) {
            throw new NoLedgerHere("No ledger in " + where + ": its ledger.mv is not a data file the ledger can read"
                    + " (" + e.getMessage() + "); nothing was changed there");
        } catch (IOException e) {
            throw new NoLedgerHere("No ledger in " + where + ": ledger.mv cannot be read (" + e.getMessage() + ")");
        }
    }

    /** The embedded store's folder this command works on; null when it works on a MongoDB. */
    private Path embeddedDataFolder() {
        String uri = mongodbUri != null ? mongodbUri : System.getenv("MONGODB_URI");
        if (uri != null && !uri.isBlank()) {
            return null;
        }
        String configured = System.getenv("LEDGER_DATA_DIR");
        return dataDir != null ? dataDir : Path.of(configured == null || configured.isBlank() ? "./data" : configured);
    }

    /** The store could not be opened (a server holds the folder, MongoDB does not answer): already reported. */
    static final class LedgerDidNotStart extends RuntimeException {
        LedgerDidNotStart(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** The command names a data folder that holds no ledger (a typo): nothing is created there. */
    static final class NoLedgerHere extends RuntimeException {
        NoLedgerHere(String message) {
            super(message, null, false, false);
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = LedgerCli.Version.class,
            description = "Recompute the hash chain and the Merkle tree, name the first break, and compare each read"
                    + " model with a replay of the log.")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        LedgerCli cli;
        @Option(names = "--digest", description = "A digest saved earlier (the JSON of `digest`): the log must extend it")
        Path digest;
        @Option(names = "--chain-only", description = "Leave out the comparison of each read model with the log")
        boolean chainOnly;

        @Override
        public Integer call() throws IOException {
            Digest kept = digest == null ? null : readDigest(digest);
            cli.salvage = true;
            AuditLog audit = cli.bean(AuditLog.class);
            Progress progress = new Progress("verify", audit.head());
            LedgerVerifier.Report report = cli.bean(LedgerVerifier.class).verify(kept, !chainOnly, progress);
            progress.done();
            Verification result = report.chain();
            if (!result.ok()) {
                cli.out.printf("BROKEN at position %d: %s. %s%n", result.break_().position(), result.break_().kind(),
                        result.break_().detail());
                return 1;
            }
            String chain = String.format("%d events verified; head hash %s; Merkle root %s%s", result.verified(),
                    result.digest().headHash(), result.digest().root(),
                    kept == null ? "" : "; extends the digest of " + kept.treeSize() + " events");
            if (!cli.damage.isEmpty()) {
                // The chain of what the file still holds is sound, but the file is not the ledger it was.
                cli.out.printf("DAMAGED: %s; of what it still holds, %s%n", String.join("; ", cli.damage), chain);
                return 1;
            }
            if (report.status().equals("OK")) {
                cli.out.printf("OK: %s%s%n", chain, report.readModelsChecked() ? "; the read models match the log"
                        : " (read models not checked)");
                return 0;
            }
            cli.out.printf("%s: the chain holds (%s), but not every read model matches the log%n", report.status(),
                    chain);
            report.readModels().stream().filter(outcome -> !outcome.matches()).forEach(outcome -> {
                cli.out.printf("  %s %s (%d of %d documents at position %d)%n", outcome.readModel(),
                        outcome.status(), outcome.differing(), outcome.documents(), outcome.position());
                outcome.differences().forEach(difference -> cli.out.println("    " + difference));
            });
            return 1;
        }

        static Digest readDigest(Path file) throws IOException {
            Map<?, ?> saved = JSON.readValue(Files.readString(file), Map.class);
            Object token = saved.get("token");
            return token != null ? Digest.parse(token.toString())
                    : new Digest(((Number) saved.get("treeSize")).longValue(), (String) saved.get("headHash"),
                    (String) saved.get("root"), null);
        }
    }

    @Command(name = "digest", mixinStandardHelpOptions = true, versionProvider = LedgerCli.Version.class,
            description = "Print the digest to keep outside the system (JSON).")
    static final class DigestCommand implements Callable<Integer> {
        @ParentCommand
        LedgerCli cli;

        @Override
        public Integer call() throws IOException {
            cli.salvage = true;
            Digest digest = cli.bean(AuditLog.class).digest();
            cli.out.println(JSON.writeValueAsString(Map.of("treeSize", digest.treeSize(),
                    "headHash", String.valueOf(digest.headHash()), "root", digest.root(), "at", digest.at(),
                    "token", digest.token())));
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, versionProvider = LedgerCli.Version.class,
            description = "Write every event from a position as NDJSON to standard output.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        LedgerCli cli;
        @Option(names = "--from", defaultValue = "1", description = "The first position (to resume)")
        long from;

        @Override
        public Integer call() throws IOException {
            cli.salvage = true;
            AuditLog audit = cli.bean(AuditLog.class);
            Progress progress = new Progress("export", audit.head());
            Writer writer = new OutputStreamWriter(cli.out, StandardCharsets.UTF_8);
            long written = audit.export(from, writer, progress);
            writer.flush();
            progress.done();
            System.err.printf("exported %d events%n", written);
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, versionProvider = LedgerCli.Version.class,
            description = "Load an export into an empty store; the same hashes come out.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        LedgerCli cli;
        @Parameters(paramLabel = "FILE", description = "An NDJSON export")
        Path file;

        @Override
        public Integer call() throws IOException {
            cli.mayCreate = true;
            EventImporter importer = cli.bean(EventImporter.class);
            long lines;
            try (var reader = Files.lines(file)) {
                lines = reader.filter(line -> !line.isBlank()).count();
            }
            Progress progress = new Progress("import", lines);
            try (BufferedReader reader = Files.newBufferedReader(file)) {
                long imported = importer.importAll(reader.lines().filter(line -> !line.isBlank())
                        .map(EventImporter::parse).iterator(), progress);
                progress.done();
                cli.out.printf("imported %d events%n", imported);
                return 0;
            } catch (EventImporter.ImportRefused refused) {
                progress.done();
                cli.out.println("REFUSED: " + refused.getMessage() + "; nothing was imported");
                return 1;
            }
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = LedgerCli.Version.class,
            description = "Replay the log as of a date (and as known at an instant) and summarise.")
    static final class Replay implements Callable<Integer> {
        @ParentCommand
        LedgerCli cli;
        @Option(names = "--as-of", description = "Business date YYYY-MM-DD")
        LocalDate asOf;
        @Option(names = "--known-at", description = "ISO instant: ignore what was recorded later")
        Instant knownAt;

        @Override
        public Integer call() throws IOException {
            long start = System.nanoTime();
            Report<AnnualTotals.Row> report = cli.annualTotals(asOf, knownAt);
            double seconds = (System.nanoTime() - start) / 1e9;
            cli.out.printf("Replayed up to position %d (as of %s, known at %s) in %.1f s%n", report.position(),
                    asOf == null ? "today" : asOf, knownAt == null ? "now" : knownAt, seconds);
            printTable(cli.out, report);
            return 0;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true, versionProvider = LedgerCli.Version.class,
            description = "Print a report: annual-totals.")
    static final class ReportCommand implements Callable<Integer> {
        @ParentCommand
        LedgerCli cli;
        @Parameters(paramLabel = "REPORT", description = "annual-totals")
        String name;
        @Option(names = "--as-of", description = "Business date YYYY-MM-DD")
        LocalDate asOf;
        @Option(names = "--known-at", description = "ISO instant")
        Instant knownAt;
        @Option(names = "--csv", description = "CSV instead of a table")
        boolean csv;

        @Override
        public Integer call() throws IOException {
            if (!name.equals("annual-totals")) {
                System.err.println("Unknown report '" + name + "'; known: annual-totals");
                return 2;
            }
            Report<AnnualTotals.Row> report = cli.annualTotals(asOf, knownAt);
            if (csv) {
                Writer writer = new OutputStreamWriter(cli.out, StandardCharsets.UTF_8);
                CsvReportConverter.write(report, writer);
                writer.flush();
            } else {
                printTable(cli.out, report);
            }
            return 0;
        }
    }

    @Command(name = "projections", mixinStandardHelpOptions = true, versionProvider = LedgerCli.Version.class,
            description = "Read models: `status`, or `rebuild NAME`.")
    static final class Projections implements Callable<Integer> {
        @ParentCommand
        LedgerCli cli;
        @Parameters(index = "0", paramLabel = "ACTION", description = "status | rebuild")
        String action;
        @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "regions | published-figures")
        String name;

        @Override
        public Integer call() throws InterruptedException {
            ProjectionAdmin projections = cli.bean(ProjectionAdmin.class);
            if (action.equals("rebuild")) {
                if (name == null || !projections.exists(name)) {
                    System.err.println("Name a read model: " + String.join(", ", projections.names()));
                    return 2;
                }
                long start = System.nanoTime();
                projections.rebuild(name);
                boolean done = projections.awaitCaughtUp(name, Duration.ofHours(2));
                double seconds = (System.nanoTime() - start) / 1e9;
                long head = projections.status().stream().filter(status -> status.name().equals(name)).findFirst()
                        .orElseThrow().head();
                cli.out.printf("%s %s: %d events in %.1f s (%.0f events/s)%n", name,
                        done ? "rebuilt" : "still rebuilding", head, seconds, head / Math.max(seconds, 1e-9));
            } else if (!action.equals("status")) {
                System.err.println("Unknown action '" + action + "': status or rebuild");
                return 2;
            }
            cli.out.printf("%-18s %-8s %-8s %10s %10s %8s%n", "read model", "running", "failing", "position", "head",
                    "lag");
            projections.status().forEach(status -> cli.out.printf("%-18s %-8s %-8s %10d %10d %8d%n", status.name(),
                    status.running(), status.failing(), status.position(), status.head(), status.lag()));
            return 0;
        }
    }

    @Command(name = "check-proof", mixinStandardHelpOptions = true, versionProvider = LedgerCli.Version.class,
            description = "Check an inclusion or consistency proof offline: no server, no store.")
    static final class CheckProof implements Callable<Integer> {
        @ParentCommand
        LedgerCli cli;
        @Parameters(paramLabel = "PROOF", description = "The JSON of /api/audit/proof/inclusion or /proof/consistency")
        Path proof;
        @Option(names = "--digest", description = "A digest kept earlier whose root the proof must lead to")
        Path digest;

        @Override
        public Integer call() throws IOException {
            JsonNode json;
            try {
                json = JSON.readTree(Files.readString(proof));
            } catch (JsonProcessingException e) {
                cli.out.println("INVALID: " + proof + " is not JSON");
                return 1;
            }
            Digest kept = digest == null ? null : Verify.readDigest(digest);
            try {
                return check(json, kept);
            } catch (MalformedProof e) {
                cli.out.println("INVALID: " + e.getMessage());
                return 1;
            }
        }

        /**
         * Every field checked for its form before the proof is (a hash is 32 bytes, a size a whole number), then the
         * proof is the audit API's own type, checked by the same code the store's tests hold against RFC 6962.
         */
        private int check(JsonNode json, Digest kept) {
            List<String> path = hashes(json, "path");
            boolean valid;
            String claim;
            if (json.has("leafHash")) {
                long size = count(json, "treeSize");
                long index = count(json, "leafIndex");
                // A position and an event hash, when given, are part of what is proven, never just printed.
                boolean namesEvent = json.has("position") || json.has("eventHash");
                long position = json.has("position") ? count(json, "position") : index + 1;
                String eventHash = json.has("eventHash") ? hash(json, "eventHash") : null;
                String leafHash = hash(json, "leafHash");
                String root = hash(kept != null ? kept.root() : hex(json, "root"), "root");
                InclusionProof proof = new InclusionProof(position, index, size, eventHash, leafHash, path, root);
                valid = (kept == null || kept.treeSize() == size) && proof.verify();
                claim = (namesEvent ? "event " + position : "leaf " + leafHash + " at index " + index)
                        + " is in the tree of " + size + " events with root " + root
                        + (eventHash == null ? "" : " (event hash " + eventHash + ")");
            } else if (json.has("from")) {
                long from = count(json, "from");
                long to = count(json, "to");
                String fromRoot = hash(kept != null && kept.treeSize() == from ? kept.root() : hex(json, "fromRoot"),
                        "fromRoot");
                String toRoot = hash(kept != null && kept.treeSize() == to ? kept.root() : hex(json, "toRoot"),
                        "toRoot");
                valid = (kept == null || kept.treeSize() == from || kept.treeSize() == to)
                        && new ConsistencyProof(from, to, fromRoot, toRoot, path).verify();
                claim = "the tree of " + from + " events (root " + fromRoot + ") is a prefix of the tree of " + to
                        + " events (root " + toRoot + ")";
            } else {
                throw new MalformedProof("neither an inclusion proof (leafHash) nor a consistency proof (from, to)");
            }
            cli.out.println((valid ? "VALID: " : "INVALID: not proven that ") + claim);
            return valid ? 0 : 1;
        }

        private static long count(JsonNode json, String field) {
            JsonNode value = json.path(field);
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
                throw new MalformedProof(field + " must be a whole number from 0, not " + value);
            }
            return value.asLong();
        }

        private static String hex(JsonNode json, String field) {
            JsonNode value = json.path(field);
            if (!value.isTextual()) {
                throw new MalformedProof(field + " must be a hash in hex, not " + value);
            }
            return value.asText();
        }

        private static String hash(JsonNode json, String field) {
            return hash(hex(json, field), field);
        }

        /** The hash in hex, once it is 64 hex digits. */
        private static String hash(String hex, String field) {
            if (hex.length() != 64) {
                throw new MalformedProof(field + " must be 64 hex digits (32 bytes), not " + hex.length());
            }
            try {
                CanonicalEvent.unhex(hex);
            } catch (IllegalArgumentException e) {
                throw new MalformedProof(field + " is not hex: " + hex);
            }
            return hex;
        }

        private static List<String> hashes(JsonNode json, String field) {
            JsonNode list = json.path(field);
            if (!list.isArray()) {
                throw new MalformedProof(field + " must be a list of hashes, not " + list);
            }
            List<String> hashes = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                if (!list.get(i).isTextual()) {
                    throw new MalformedProof(field + "[" + i + "] must be a hash in hex, not " + list.get(i));
                }
                hashes.add(hash(list.get(i).asText(), field + "[" + i + "]"));
            }
            return hashes;
        }

        private static final class MalformedProof extends RuntimeException {
            MalformedProof(String message) {
                super(message, null, false, false);
            }
        }
    }

    /** --version: the build's version and commit, without starting anything. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"smartcity-ledger " + LedgerVersion.current()};
        }
    }

    @Command(name = "hash-password", mixinStandardHelpOptions = true, versionProvider = LedgerCli.Version.class,
            description = {"Print a bcrypt hash of a password for LEDGER_<USER>_PASSWORD_HASH.",
                    "The password is asked for (twice) on a terminal, or read as the first line of standard input;"
                            + " never from the command line, where other users and the shell's history see it."})
    static final class HashPassword implements Callable<Integer> {
        /** BCrypt uses the first 72 bytes of a password only: a longer one would be silently cut. */
        private static final int MOST_BYTES = 72;
        @ParentCommand
        LedgerCli cli;
        @Parameters(arity = "0..1", paramLabel = "USER",
                description = "operator, reporter, auditor or admin: prints LEDGER_<USER>_PASSWORD_HASH='<hash>'"
                        + " (a line for a shell or a compose .env file) instead of the hash alone")
        String user;

        @Override
        public Integer call() throws IOException {
            char[] password = read();
            if (password == null || password.length == 0) {
                System.err.println("No password given: type it when asked, or send it on standard input");
                return 2;
            }
            if (new String(password).getBytes(StandardCharsets.UTF_8).length > MOST_BYTES) {
                System.err.println("The password is longer than bcrypt's " + MOST_BYTES + " bytes: choose a shorter"
                        + " one");
                return 2;
            }
            String hash = new BCryptPasswordEncoder().encode(java.nio.CharBuffer.wrap(password));
            java.util.Arrays.fill(password, ' ');
            cli.out.println(user == null ? hash : PasswordHashNotBcryptException.setting(user) + "='" + hash + "'");
            return 0;
        }

        private static char[] read() throws IOException {
            Console console = System.console();
            if (console != null) {
                char[] password = console.readPassword("Password: ");
                char[] again = console.readPassword("The same password again: ");
                if (password == null || !java.util.Arrays.equals(password, again)) {
                    System.err.println("The two passwords differ");
                    return null;
                }
                return password;
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? null : line.toCharArray();
        }
    }

    /** The annual totals replayed as of a date and as known at an instant, as the HTTP report gives them. */
    Report<AnnualTotals.Row> annualTotals(LocalDate asOf, Instant knownAt) {
        ProgrammeSnapshot snapshot = bean(TimeTravel.class).at(asOf, knownAt);
        return Report.of("annual-totals", snapshot, AnnualTotals.of(snapshot, bean(CoverageProperties.class)));
    }

    private static void printTable(PrintStream out, Report<AnnualTotals.Row> report) {
        out.printf("%-6s %8s %8s %10s %11s %5s %9s %12s %9s%n", "year", "new", "repeats", "withdrawn",
                "engagements", "MoUs", "distinct", "coverage %", "province");
        report.rows().forEach(row -> out.printf("%-6d %8d %8d %10d %11d %5d %9d %12s %9d%n", row.year(),
                row.selectedAsNew(), row.repeatEngagements(), row.withdrawals(), row.engagements(), row.mousSigned(),
                row.cumulativeDistinct(), row.coveragePercent(), row.smartProvinces()));
    }
}
