package id.smartcity.benchmark;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import id.smartcity.eventstore.EventLog;
import id.smartcity.eventstore.MongoEventStorageEngine;
import id.smartcity.eventstore.StoreMetadata;
import id.smartcity.eventstore.audit.AuditLog;
import id.smartcity.eventstore.audit.Verification;
import id.smartcity.projections.admin.ProjectionAdmin;
import id.smartcity.projections.reports.AnnualTotals;
import id.smartcity.projections.reports.CoverageProperties;
import id.smartcity.projections.timetravel.TimeTravel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.bson.Document;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The whole benchmark, one command: for each backend (embedded memory, embedded H2, and the MongoDB of
 * {@code MONGODB_URI} when set) it measures appends, replay, time travel, verify and export, queries under load and
 * memory, each beside a ceiling measured in the same run on the same server; then the peers, an Axon application of
 * the same shape on Axon's JDBC storage engine (embedded H2, and PostgreSQL where it is installed), on the same work;
 * and writes the table to {@code docs/benchmarks.md}.
 *
 * <pre>java -jar benchmark/target/smartcity-benchmark.jar [--events 1000000] [--small 100000]
 *      [--backends memory,h2] [--peers h2,postgresql] [--regions 700] [--query-seconds 15]
 *      [--out docs/benchmarks.md]</pre>
 */
public final class BenchmarkSuite {
    private final Map<String, String> options;
    private static final String PROCESS = "-process";
    private final List<Row> rows = new ArrayList<>();
    /** The server in its own JVM, while a {@code -process} backend is measured; else null. */
    private ServerProcess server;

    private BenchmarkSuite(Map<String, String> options) {
        this.options = options;
    }

    /** One figure of the table. */
    record Row(String backend, String figure, String scale, double value, String unit, Double ceiling,
               String ceilingUnit, String target, String heap) {
        String markdown() {
            String ratio = ceiling == null || ceiling == 0 ? "" : String.format(Locale.ROOT, "%.2f", value / ceiling);
            return String.format(Locale.ROOT, "| %s | %s | %s | %s %s | %s | %s | %s | %s |", backend, figure, scale,
                    number(value), unit, ceiling == null ? "" : number(ceiling) + " " + ceilingUnit, ratio, target,
                    heap);
        }

        private static String number(double value) {
            if (Double.isNaN(value)) {
                return "-";
            }
            return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                    : String.format(Locale.ROOT, "%.2f", value);
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        if (args.length > 0 && args[0].equals("crash-soak")) {
            CrashSoak.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("ledger")) {
            // The crash soak's child: the ledger itself, from this jar.
            id.smartcity.app.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Map<String, String> options = new LinkedHashMap<>(Map.of("events", "1000000", "small", "100000",
                "backends", "memory-process,memory,h2", "regions", "700", "query-seconds", "15",
                "out", "docs/benchmarks.md", "steps", "append,replay,asof,timetravel,verify,export,queries",
                "steps-memory-process", "replay,asof,verify,export", "server-heap", "16g"));
        options.put("peers", "h2,postgresql");
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (options.containsKey("serve")) {
            ServerProcess.serve(options.get("serve"), Path.of(options.get("data-dir")));
            return;
        }
        new BenchmarkSuite(options).run();
        // Axon's janitor thread is not a daemon and outlives the closed contexts: end the run when it is done.
        System.exit(0);
    }

    /** Whether the backend being measured runs this step: {@code --steps-<backend>}, else {@code --steps}. */
    private boolean step(String backend, String name) {
        return Arrays.asList(options.getOrDefault("steps-" + backend, options.get("steps")).split(","))
                .contains(name);
    }

    private int option(String name) {
        return Integer.parseInt(options.get(name));
    }

    private void run() throws Exception {
        List<String> backends = new ArrayList<>(Arrays.asList(options.get("backends").split(",")));
        String uri = System.getenv("MONGODB_URI");
        if (uri != null && !uri.isBlank() && !backends.contains("mongodb")) {
            backends.add("mongodb");
        }
        long started = System.nanoTime();
        for (String backend : backends) {
            String name = backend.trim().toLowerCase(Locale.ROOT);
            attempt(name, "backend", 0, () -> runBackend(name));
            // Written after each backend, so a run stopped later still leaves what it measured.
            write(markdown((System.nanoTime() - started) / 60e9, false));
        }
        for (String peer : options.get("peers").split(",")) {
            String name = peer.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || name.equals("none")) {
                continue;
            }
            attempt("peer: axon-jdbc-" + name, "peer", 0, () -> runPeer(name));
            write(markdown((System.nanoTime() - started) / 60e9, false));
        }
        String markdown = markdown((System.nanoTime() - started) / 60e9, true);
        System.out.println();
        System.out.println(markdown);
        write(markdown);
    }

    private void write(String markdown) throws IOException {
        Path out = Path.of(options.get("out"));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, markdown, StandardCharsets.UTF_8);
        System.out.println("Written to " + out.toAbsolutePath());
    }

    /**
     * A peer on the same work as the ledger: the gateway appends of {@link AppendBenchmark}, then the same synthetic
     * log to each scale and a rebuild of its read model. {@code --steps-peers} (else {@code --steps}) chooses append
     * and replay; {@code --events-peer-<name>} another large scale.
     */
    private void runPeer(String name) throws Exception {
        System.out.println("== peer " + name);
        int events = options.containsKey("events-peer-" + name) ? option("events-peer-" + name) : option("events");
        new PeerBenchmark(this::add).run(name, List.of(option("small"), events), option("regions"),
                step("peers", "append"), step("peers", "replay"));
    }

    private void runBackend(String backend) throws Exception {
        System.out.println("== " + backend);
        Path dataDir = Ledgers.freshDataDir("ledger-suite-" + backend);
        AppendBenchmark append = new AppendBenchmark();
        try (ServerProcess server = backend.endsWith(PROCESS) ? ServerProcess.start(
                backend.substring(0, backend.length() - PROCESS.length()), dataDir.resolve("server"),
                options.get("server-heap")) : null;
             ConfigurableApplicationContext app = Ledgers.start(backend, server == null ? null : server.uri(),
                     dataDir, options.getOrDefault("app-args", ""))) {
            this.server = server;
            MongoDatabase database = app.getBean(MongoDatabaseFactory.class).getMongoDatabase();
            double insertMany = AppendBenchmark.insertManyCeiling(database);
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            for (AppendBenchmark.Result result : step(backend, "append") ? append.run(app, dataDir, option("regions"))
                    : List.<AppendBenchmark.Result>of()) {
                rows.add(new Row(backend, "append, " + result.path() + ", " + result.clients() + " client"
                        + (result.clients() == 1 ? "" : "s"), result.commands() + " commands", result.perSecond(),
                        "commands/s", insertMany, "docs/s (insertMany)",
                        result.clients() == 16 ? ">= 5,000 commands/s" : "", String.format(Locale.ROOT,
                        "p50 %.1f ms, p99 %.1f ms", result.p50(), result.p99())));
                print(rows.get(rows.size() - 1));
            }
            stopProcessors(app);
            MongoEventStorageEngine store = app.getBean(MongoEventStorageEngine.class);
            long synthetic = 0;
            int events = options.containsKey("events-" + backend) ? option("events-" + backend) : option("events");
            for (int scale : new int[] {option("small"), events}) {
                long missing = scale - store.headPosition();
                // A scale the appends alone already passed is measured as it is, with no fill row.
                if (missing > 0) {
                    long fillStart = System.nanoTime();
                    SyntheticLog.append(store, missing, synthetic);
                    synthetic += missing;
                    record(backend, "fill (engine appends, commits of 1,000)", scale, missing / seconds(fillStart),
                            "events/s", insertMany, "docs/s (insertMany)", "", "");
                }
                measureAt(app, backend, scale, port, dataDir, synthetic);
                stopProcessors(app);
            }
            if (backend.equals("mongodb")) {
                database.drop();
            }
        } finally {
            server = null;
        }
    }

    /** {@code synthetic}: the synthetic events appended so far (a small scale may be mostly the append step's). */
    private void measureAt(ConfigurableApplicationContext app, String label, int scale, int port, Path dataDir,
                           long synthetic) throws Exception {
        double rawRead = rawRead(app.getBean(MongoEventStorageEngine.class).eventLog().events());
        record(label, "raw read of the event collection (ceiling)", scale, rawRead, "docs/s", null, null, "", "");

        if (step(label, "replay")) {
            attempt(label, "replay", scale, () -> replay(app, label, scale, rawRead));
        }
        if (step(label, "asof")) {
            attempt(label, "asOf", scale, () -> asOf(app, label, scale, rawRead));
        }
        if (step(label, "timetravel")) {
            attempt(label, "time travel", scale, () -> timeTravel(app, label, scale, port, dataDir, rawRead));
        }
        if (step(label, "verify")) {
            attempt(label, "verify", scale, () -> verify(app, label, scale, rawRead));
        }
        if (step(label, "export")) {
            attempt(label, "export", scale, () -> export(app, label, scale, rawRead));
        }
        if (step(label, "queries")) {
            attempt(label, "queries", scale, () -> queries(label, scale, port, dataDir, synthetic));
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    /** One failing step is a row of the table saying so, not the end of the run. */
    private void attempt(String label, String name, int scale, Step step) {
        try {
            step.run();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            String reason = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").replace("|", "/");
            record(label, name + " FAILED", scale, Double.NaN, "", null, null, "",
                    reason.length() > 160 ? reason.substring(0, 160) + "..." : reason);
        }
    }

    private void replay(ConfigurableApplicationContext app, String label, int scale, double rawRead)
            throws InterruptedException {
        ProjectionAdmin projections = app.getBean(ProjectionAdmin.class);
        HeapWatch heap = heapWatch();
        long start = System.nanoTime();
        for (String name : projections.names()) {
            projections.rebuild(name);
        }
        for (String name : projections.names()) {
            if (!projections.awaitCaughtUp(name, Duration.ofHours(2))) {
                throw new IllegalStateException(name + " did not catch up");
            }
        }
        double replay = scale / seconds(start);
        record(label, "replay: rebuild every projection", scale, replay, "events/s", rawRead, "docs/s (raw read)",
                ">= 50,000 events/s", heap.stop());
    }

    private void asOf(ConfigurableApplicationContext app, String label, int scale, double rawRead) {

        TimeTravel timeTravel = app.getBean(TimeTravel.class);
        CoverageProperties coverage = app.getBean(CoverageProperties.class);
        List<Double> asOf = new ArrayList<>();
        HeapWatch heap = heapWatch();
        int rounds = scale >= 500_000 ? 1 : 3;
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            AnnualTotals.of(timeTravel.at(LocalDate.of(2019, 12, 31), null), coverage);
            asOf.add(seconds(start));
        }
        asOf.sort(Double::compare);
        record(label, "asOf annual totals, replay of the log in the JVM (reference; " + (rounds == 1 ? "one run"
                : "median of " + rounds) + ")", scale, asOf.get(rounds / 2), "s", scale / rawRead, "s (raw read)", "",
                heap.stop());
    }

    /**
     * Time travel as a user asks for it: {@code GET /api/reports/annual-totals} with {@code asOf}, {@code knownAt}
     * and both, each the median of three new questions from one client; then 16 clients asking new questions at once,
     * beside one asking for the live report. The instants lie between the recorded times of the log's first and last
     * events (the store stamps each commit's time; the fill's commits of 1,000 share one), so each cuts the log.
     */
    private void timeTravel(ConfigurableApplicationContext app, String label, int scale, int port, Path dataDir,
                            double rawRead) throws Exception {
        MongoCollection<Document> events = app.getBean(MongoEventStorageEngine.class).eventLog().events();
        TimeTravelLoad load = new TimeTravelLoad(port, Ledgers.password(dataDir, "reporter"),
                recordedAt(events, 1), recordedAt(events, -1));
        String target = scale <= 100_000 ? "<= 100 ms" : label.startsWith("h2") ? "<= 3 s" : "<= 1 s";
        double rawReadMillis = scale / rawRead * 1000;
        Map<String, Supplier<String>> questions = new LinkedHashMap<>();
        questions.put("asOf", load::asOf);
        questions.put("knownAt", load::knownAt);
        questions.put("asOf and knownAt", load::both);
        for (Map.Entry<String, Supplier<String>> question : questions.entrySet()) {
            HeapWatch heap = heapWatch();
            TimeTravelLoad.Single single = load.single(question.getValue());
            record(label, "time travel over HTTP: " + question.getKey() + " annual totals (median of 3, each"
                    + " question new)", scale, single.medianMillis(), "ms", rawReadMillis, "ms (raw read)", target,
                    String.format(Locale.ROOT, "%s ms%s; %s", single.millis().stream().map(millis -> String.format(
                            Locale.ROOT, "%.0f", millis)).toList(), single.refusals() == 0 ? "" : ", refused "
                            + single.refusals() + " times first", heap.stop()));
        }
        HeapWatch heap = heapWatch();
        TimeTravelLoad.Concurrent load16 = load.concurrent(16, Duration.ofSeconds(option("query-seconds")));
        String heapNote = heap.stop();
        record(label, "time travel over HTTP: 16 clients, each question new (asOf, knownAt, both in turn), p99",
                scale, load16.answers().p99(), "ms", rawReadMillis, "ms (raw read)", target, String.format(Locale.ROOT,
                        "p50 %.1f ms, %,d answers, %.1f answers/s; refused (503, asked again after Retry-After) %,d"
                                + " times, %,d unanswered at the end; %s", load16.answers().p50(),
                        load16.answers().count(), load16.perSecond(), load16.refusals(), load16.unanswered(),
                        heapNote));
        QueryLoad.Latencies live = load16.live();
        record(label, "query /api/reports/annual-totals (live) beside 16 time-travel clients, p99", scale,
                live == null ? Double.NaN : live.p99(), "ms", null, null, "p99 <= 20 ms", live == null
                        ? "no answer: " + load16.liveNotAnswered() + " refused" : String.format(Locale.ROOT,
                        "p50 %.1f ms, %,d requests%s", live.p50(), live.count(), load16.liveNotAnswered() == 0 ? ""
                                : ", " + load16.liveNotAnswered() + " refused"));
    }

    /** The recorded time of the log's first ({@code order} 1) or last ({@code order} -1) event. */
    private static Instant recordedAt(MongoCollection<Document> events, int order) {
        Document event = events.find().sort(new Document(EventLog.ID, order)).limit(1).first();
        if (event == null) {
            throw new IllegalStateException("the log is empty");
        }
        return Instant.parse(event.get(EventLog.META, Document.class).getString(StoreMetadata.RECORDED_AT));
    }

    private void verify(ConfigurableApplicationContext app, String label, int scale, double rawRead) {
        AuditLog audit = app.getBean(AuditLog.class);
        HeapWatch heap = heapWatch();
        long start = System.nanoTime();
        Verification verification = audit.verify(null, position -> { });
        if (!verification.ok()) {
            throw new IllegalStateException("verify failed: " + verification);
        }
        record(label, "verify (hash chain and Merkle root)", scale, scale / seconds(start), "events/s", rawRead,
                "docs/s (raw read)", ">= 100,000 events/s", heap.stop());
    }

    private void export(ConfigurableApplicationContext app, String label, int scale, double rawRead)
            throws IOException {
        AuditLog audit = app.getBean(AuditLog.class);
        HeapWatch heap = heapWatch();
        long start = System.nanoTime();
        CountingWriter sink = new CountingWriter();
        audit.export(1, sink, position -> { });
        record(label, "export (NDJSON, " + (sink.characters >> 20) + " MB)", scale, scale / seconds(start),
                "events/s", rawRead, "docs/s (raw read)", "", heap.stop());
    }

    private void queries(String label, int scale, int port, Path dataDir, long synthetic) throws Exception {
        QueryLoad.Result queries = QueryLoad.run(port, Ledgers.password(dataDir, "reporter"), 16,
                Duration.ofSeconds(option("query-seconds")), List.of("/api/reports/annual-totals",
                        "/api/regions/" + SyntheticLog.code(synthetic / 2 / SyntheticLog.EVENTS_PER_REGION)));
        queries.byPath().forEach((path, latencies) -> record(label, "query " + path.replaceAll("/[0-9.]+$", "/{code}")
                        + ", 16 clients, p99", scale, latencies.p99(), "ms", null, null, "p99 <= 20 ms",
                String.format(Locale.ROOT, "p50 %.1f ms, %,d requests", latencies.p50(), latencies.count())));
    }

    /**
     * With the server in its own JVM this heap holds the ledger alone and is small, so a full collection every
     * seconds is cheap and measures exactly what stays live; in the ledger's own JVM the server's data makes each
     * full collection take seconds, so the figure there is the heap after the collections the step causes anyway.
     */
    private HeapWatch heapWatch() {
        return server == null ? HeapWatch.start() : HeapWatch.sampling(Duration.ofSeconds(1), server);
    }

    private void record(String backend, String figure, int scale, double value, String unit, Double ceiling,
                        String ceilingUnit, String target, String heap) {
        add(new Row(backend, figure, String.format(Locale.ROOT, "%,d events", scale), value, unit, ceiling,
                ceilingUnit, target, heap));
    }

    private void add(Row row) {
        rows.add(row);
        print(row);
    }

    private static void print(Row row) {
        System.out.println(row.markdown());
    }

    private static void stopProcessors(ConfigurableApplicationContext app) {
        app.getBean(EventProcessingConfiguration.class).eventProcessors().values().forEach(EventProcessor::shutDown);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Every event document, read in natural order with no sort and no decoding beyond the driver's: the best of two
     * reads, each after a collection, so that neither warm-up nor the previous step's garbage lowers the ceiling.
     */
    private static double rawRead(MongoCollection<Document> events) {
        double best = 0;
        for (int round = 0; round < 2; round++) {
            System.gc();
            long start = System.nanoTime();
            long count = 0;
            for (Document ignored : events.find().batchSize(1000)) {
                count++;
            }
            best = Math.max(best, count / seconds(start));
        }
        return best;
    }

    private String markdown(double minutes, boolean finished) {
        StringBuilder text = new StringBuilder();
        text.append("# Benchmarks\n\n");
        if (!finished) {
            text.append("**Partial: the run was still going when this was written.**\n\n");
        }
        text.append("Written by `java -jar benchmark/target/smartcity-benchmark.jar` (")
                .append(String.join(" ", options.entrySet().stream().map(e -> "--" + e.getKey() + " " + e.getValue())
                        .toList())).append("), ").append(String.format(Locale.ROOT, "%.0f", minutes))
                .append(" minutes.\n\n");
        text.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(ManagementFactory.getOperatingSystemMXBean().getName()).append(' ')
                .append(System.getProperty("os.arch")).append(", max heap ")
                .append(Runtime.getRuntime().maxMemory() >> 20).append(" MB\n");
        text.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append('\n');
        text.append("- Versions: ").append(Versions.describe()).append('\n');
        text.append("- Ratio: the figure divided by its ceiling, measured in the same run on the same server (for asOf,"
                + " the time a raw read of the whole log takes). Heap: the most live heap (after GC) the step added"
                + " above what was live before it. With the server in the ledger's JVM (memory, h2) that heap also"
                + " holds the server's data and caches, and 'after GC' includes garbage already promoted to the old"
                + " generation: an upper bound. A backend ending in -process runs the same embedded server in a JVM"
                + " of its own: its heap figure is the ledger's alone, sampled by a full collection every second, and"
                + " the CPU seconds are each process's for the step (2 cores: at most twice the step's time).\n");
        text.append("- Time travel over HTTP: what a user's client waits for, `GET /api/reports/annual-totals` with"
                + " `asOf`, `knownAt` or both, each question new (the server keeps its latest answers by question"
                + " and log head); a question refused with 503 is asked again after its Retry-After and timed from the"
                + " first ask. The asOf row marked reference replays the whole log in the JVM, without HTTP.\n");
        text.append("- Peers (`peer: ...`): an Axon application of the ledger's shape, written as a benchmark fixture"
                + " (benchmark/src/main/java/id/smartcity/benchmark/peer): one event-sourced aggregate per region"
                + " taking the same commands, one tracking processor writing a JDBC table (one JDBC batch per"
                + " processor batch, as the ledger writes its read models once per batch), Axon's"
                + " JdbcEventStorageEngine and JdbcTokenStore, pages and batches of 1,000 as the ledger's; on embedded"
                + " H2 (a file, written out at each commit as the ledger's H2 is) and on a PostgreSQL cluster started"
                + " for the run (fsync on), in this JVM after the ledger's backends. A command's events are committed"
                + " before its gateway call returns.\n\n");
        text.append("| backend | figure | scale | value | ceiling | ratio | target | notes |\n");
        text.append("|---|---|---|---|---|---|---|---|\n");
        rows.forEach(row -> text.append(row.markdown()).append('\n'));
        return text.toString();
    }

    /** Counts what an export writes, as a file would receive it. */
    static final class CountingWriter extends java.io.Writer {
        long characters;

        @Override
        public void write(char[] buffer, int offset, int length) {
            characters += length;
        }

        @Override
        public void write(String text) {
            characters += text.length();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() throws IOException {
        }
    }
}
