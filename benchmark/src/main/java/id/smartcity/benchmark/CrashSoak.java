package id.smartcity.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import id.smartcity.app.Main;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.bson.Document;

/**
 * Kills the ledger (SIGKILL) while it writes out large imports on the embedded H2 store, aimed at the moments the
 * store writes its file, restarts it on the same folder, and checks what a ledger promises: it starts, every event
 * it acknowledged is still at its position, positions stay gap-free, verify says OK, and an import retried with its
 * key is stored exactly once. Prints one line per kill and a summary; exits non-zero if any promise was broken.
 *
 * <p>{@code java -jar benchmark/target/smartcity-benchmark.jar crash-soak --kills 100} (options below).
 */
public final class CrashSoak {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PROVINCES = List.of("11", "12", "13", "14", "15", "16", "17", "18", "19", "21",
            "31", "32", "33", "34", "35", "36", "51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74",
            "75", "76", "81", "82", "91", "92");

    /** Regions the imports record quick wins for (34 provinces, regencies 01..30 each at most). */
    static final int REGIONS = 1000;
    /** The retry of a killed import waits this long for the dead request's claim on its key. */
    private static final String CLAIM_TIMEOUT = "3s";
    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random;
    private final Map<Long, String> acknowledged = new HashMap<>();
    private final List<String> regions = new ArrayList<>();
    private final Result result = new Result();
    private Process ledger;
    private int port;
    private int mongoPort;
    private MongoClient mongo;
    private Properties passwords;

    /**
     * @param kills        how many kills must land while an import is being written out (aimed kills)
     * @param lines        commands per import: one commit of that many events
     * @param dataDir      the data folder, created empty
     * @param verifyEvery  a full verify every so many kills (and at the end)
     * @param ledger       the command that starts the ledger; the soak adds its port and data folder
     */
    public record Options(int kills, int lines, Path dataDir, long seed, int verifyEvery, List<String> ledger) {
    }

    /** What the soak found. */
    public static final class Result {
        /** Kills that landed during an import's write-out: after its commit point, before its answer. */
        public int aimedKills;
        /** Kills that landed before an import's commit point or after its answer. */
        public int otherKills;
        public int restarts;
        public int failedStarts;
        public long lostAcknowledged;
        public int gapsOrBrokenVerifies;
        public int retriesNotExactlyOnce;
        public int answeredBeforeKill;
        /** Killed imports that the restart found committed (completed from the head) and the retry only answered. */
        public int storedBeforeTheRetry;
        /** Killed imports that had not reached the commit point, so the retry stored them. */
        public int storedByTheRetry;
        public long events;
        public long fileBytes;
        public int folders = 1;
        public final List<String> problems = new ArrayList<>();

        /** Adds what a soak on another data folder found. */
        void add(Result other) {
            aimedKills += other.aimedKills;
            otherKills += other.otherKills;
            restarts += other.restarts;
            failedStarts += other.failedStarts;
            lostAcknowledged += other.lostAcknowledged;
            gapsOrBrokenVerifies += other.gapsOrBrokenVerifies;
            retriesNotExactlyOnce += other.retriesNotExactlyOnce;
            answeredBeforeKill += other.answeredBeforeKill;
            storedBeforeTheRetry += other.storedBeforeTheRetry;
            storedByTheRetry += other.storedByTheRetry;
            events += other.events;
            fileBytes = Math.max(fileBytes, other.fileBytes);
            problems.addAll(other.problems);
        }

        public boolean clean() {
            return failedStarts == 0 && lostAcknowledged == 0 && gapsOrBrokenVerifies == 0
                    && retriesNotExactlyOnce == 0 && problems.isEmpty();
        }

        @Override
        public String toString() {
            return "kills during a write-out " + aimedKills + " (+" + otherKills + " before the commit point or after the"
                    + " answer), restarts " + restarts
                    + ", folders that failed to start " + failedStarts + ", acknowledged events lost "
                    + lostAcknowledged + ", gaps or broken verifies " + gapsOrBrokenVerifies
                    + ", retried imports not stored exactly once " + retriesNotExactlyOnce + ", imports answered"
                    + " before their kill " + answeredBeforeKill + ", killed imports found committed after the restart "
                    + storedBeforeTheRetry + ", stored by their retry " + storedByTheRetry + ", "
                    + (folders == 1 ? "events in the log " + events + ", data file "
                    : "data folders " + folders + ", events in their logs " + events + ", largest data file ")
                    + fileBytes / (1024 * 1024) + " MiB" + (problems.isEmpty() ? "" : "; problems: " + problems);
        }
    }

    public CrashSoak(Options options) {
        this.options = options;
        this.random = new Random(options.seed());
    }

    /**
     * The command line: {@code crash-soak [--kills N] [--kills-per-folder N] [--lines N] [--data-dir DIR] [--seed N]
     * [--verify-every N]}. With {@code --kills-per-folder} the soak starts a new data folder (under DIR) after that
     * many aimed kills: each folder's rounds grow slower with its log (the dossiers grow by a few quick wins a round),
     * so a hundred kills in one folder take hours, and in four folders of 25 about as many kills land on a data file
     * that is young as on one of hundreds of megabytes.
     */
    public static void main(String[] args) throws Exception {
        // The driver's own reconnection notices after each kill say nothing the soak does not print.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.mongodb.driver"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Map<String, String> given = new LinkedHashMap<>(Map.of("kills", "100", "lines", "3000", "seed", "20",
                "verify-every", "10"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            given.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path dataDir = given.containsKey("data-dir") ? Path.of(given.get("data-dir"))
                : Files.createTempDirectory("crash-soak");
        int kills = Integer.parseInt(given.get("kills"));
        int perFolder = Integer.parseInt(given.getOrDefault("kills-per-folder", given.get("kills")));
        Result result = new Result();
        result.folders = 0;
        while (result.aimedKills < kills && result.clean()) {
            int folder = ++result.folders;
            Options options = new Options(Math.min(perFolder, kills - result.aimedKills),
                    Integer.parseInt(given.get("lines")), perFolder >= kills ? dataDir
                    : dataDir.resolve("folder-" + folder), Long.parseLong(given.get("seed")) + folder - 1,
                    Integer.parseInt(given.get("verify-every")), ledgerCommand(given.get("ledger-jar")));
            Result found = new CrashSoak(options).run();
            if (perFolder < kills) {
                System.out.println("folder " + folder + " (" + options.dataDir() + "): " + found);
            }
            result.add(found);
            if (found.aimedKills == 0) {
                break;
            }
        }
        System.out.println("crash soak: " + (result.clean() ? "PASSED" : "FAILED") + ": " + result);
        System.exit(result.clean() ? 0 : 1);
    }

    /** The ledger from a given executable jar, or from this benchmark's own jar. */
    static List<String> ledgerCommand(String jar) {
        List<String> command = java();
        String classPath = System.getProperty("java.class.path");
        if (jar != null) {
            command.addAll(List.of("-jar", jar));
        } else if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath, "ledger"));
        } else {
            return ledgerFromClassPath();
        }
        return command;
    }

    /** The ledger from this JVM's class path (the tests'). */
    static List<String> ledgerFromClassPath() {
        List<String> command = java();
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        return command;
    }

    private static List<String> java() {
        return new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx2g",
                "-Daxoniq.update-checker.disabled=true"));
    }

    public Result run() throws Exception {
        Files.createDirectories(options.dataDir());
        port = freePort();
        mongoPort = freePort();
        start();
        try {
            importRegions();
            int round = 0;
            while (result.aimedKills < options.kills() && round < options.kills() * 3) {
                round++;
                killDuringAnImport(round);
                if (!restart(round)) {
                    break;
                }
                retryTheImport(round);
                checkAcknowledged(round);
                if (round % options.verifyEvery() == 0) {
                    verify(round);
                }
            }
            if (result.failedStarts == 0) {
                verify(round);
                checkEveryAcknowledged();
            }
        } finally {
            if (mongo != null) {
                mongo.close();
            }
            stop();
            result.fileBytes = Files.exists(file()) ? Files.size(file()) : 0;
        }
        return result;
    }

    /** The regions the imports record quick wins for: selected once, in 2017. */
    private void importRegions() throws Exception {
        StringBuilder lines = new StringBuilder();
        // Many regions, so that each dossier grows by a few quick wins a round: a hundred grew by thirty each and made
        // every round's projection (and so every restart's catching up) slower than the last.
        for (int i = 0; i < REGIONS; i++) {
            String code = PROVINCES.get(i % PROVINCES.size()) + "." + String.format("%02d", 1 + i / PROVINCES.size());
            regions.add(code);
            lines.append("{\"command\":\"SelectRegion\",\"code\":\"").append(code)
                    .append("\",\"name\":\"Kabupaten Soak ").append(code)
                    .append("\",\"kind\":\"REGENCY\",\"cohortYear\":2017,\"selectedOn\":\"2017-05-03\"}\n");
        }
        HttpResponse<String> answer = postImport(lines.toString(), "soak-regions").get(5, TimeUnit.MINUTES);
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("the regions were not imported: " + answer.statusCode() + " "
                    + answer.body());
        }
        remember(JSON.readTree(answer.body()));
    }

    private String quickWins(int round) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < options.lines(); i++) {
            int year = 2018 + (i + round) % 8;
            lines.append("{\"command\":\"RecordQuickWin\",\"code\":\"").append(regions.get(i % regions.size()))
                    .append("\",\"year\":").append(year).append(",\"title\":\"Soak ").append(round).append('.')
                    .append(i).append("\",\"pillar\":\"GOVERNANCE\",\"deliveredOn\":\"").append(year)
                    .append("-06-15\"}\n");
        }
        return lines.toString();
    }

    /**
     * Sends a large import and kills the ledger while it writes the import out. On three rounds of four the kill
     * waits for the import's commit point (the head document, read over the embedded server's port, moves on by the
     * import's events), then for the first or second write of the data file after it (the store's commit of the
     * write-out, or of the read models meanwhile), and lands 0-3 ms into it; on the fourth it lands 0-40 ms after the
     * n-th write of the data file (n of 1-3), wherever the import then is. A kill counts as during the write-out when, as it landed, the commit
     * point was passed and the import not yet answered.
     */
    private void killDuringAnImport(int round) throws Exception {
        boolean atCommit = round % 4 != 1;
        int writes = atCommit ? 1 + random.nextInt(2) : 1 + random.nextInt(3);
        long delayMicros = atCommit ? random.nextInt(3001) : 1000L * random.nextInt(41);
        long headBefore = committedHead();
        CompletableFuture<HttpResponse<String>> answer = postImport(quickWins(round), key(round));
        boolean committed = !atCommit;
        FileState before = FileState.of(file());
        int seen = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!answer.isDone() && System.nanoTime() < deadline && seen < writes) {
            if (!committed && committedHead() >= headBefore + options.lines()) {
                committed = true;
                before = FileState.of(file());
            }
            FileState now = FileState.of(file());
            if (committed && !now.equals(before)) {
                seen++;
            }
            before = now;
            LockSupport.parkNanos(100_000);
        }
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(delayMicros));
        boolean duringWriteOut = !answer.isDone() && committedHead() >= headBefore + options.lines();
        ledger.destroyForcibly();
        ledger.waitFor(60, TimeUnit.SECONDS);
        if (duringWriteOut) {
            result.aimedKills++;
        } else {
            result.otherKills++;
        }
        String outcome = "killed";
        try {
            HttpResponse<String> response = answer.get(10, TimeUnit.SECONDS);
            if (response.statusCode() == 201) {
                remember(JSON.readTree(response.body()));
                result.answeredBeforeKill++;
                outcome = "answered 201 before the kill";
            } else {
                // The import is valid: any other answer is a failure of the ledger (a 500 here once had no trace).
                outcome = "answered " + response.statusCode() + " " + abbreviate(response.body());
                result.problems.add("round " + round + ": the import was " + outcome);
            }
        } catch (Exception e) {
            // the connection died with the ledger: the import was not acknowledged
        }
        System.out.printf("kill %d: %s, after file write %d of %d + %d us: %s%n", round,
                atCommit ? "after the commit point" : "any time", seen, writes, delayMicros,
                duringWriteOut ? "during the write-out, " + outcome : "before the commit point or after the answer, "
                        + outcome);
    }

    /** The head's position as committed (not yet necessarily written out), read from the store directly. */
    private long committedHead() {
        Document head = mongo.getDatabase("smartcity").getCollection("event_head")
                .find(new Document("_id", "head")).projection(new Document("position", 1)).first();
        return head == null ? 0 : head.get("position", Number.class).longValue();
    }

    private boolean restart(int round) throws Exception {
        result.restarts++;
        try {
            start();
            return true;
        } catch (IllegalStateException e) {
            result.failedStarts++;
            result.problems.add("round " + round + ": " + e.getMessage());
            return false;
        }
    }

    /** The client's retry of the killed import, with the same key: stored exactly once, answered as an import. */
    private void retryTheImport(int round) throws Exception {
        long headBefore = head();
        String body = quickWins(round);
        for (int attempt = 1; attempt <= 20; attempt++) {
            HttpResponse<String> response = postImport(body, key(round)).get(5, TimeUnit.MINUTES);
            if (response.statusCode() == 409) {
                long wait = response.headers().firstValueAsLong("Retry-After").orElse(5);
                Thread.sleep(TimeUnit.SECONDS.toMillis(Math.min(wait, 35)));
                continue;
            }
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() != 201 || answer.path("imported").asInt() != options.lines()
                    || answer.path("lines").size() != options.lines()) {
                result.retriesNotExactlyOnce++;
                result.problems.add("round " + round + ": the retry was answered " + response.statusCode() + " "
                        + abbreviate(response.body()));
                return;
            }
            remember(answer);
            long first = answer.path("firstPosition").asLong();
            long last = answer.path("lastPosition").asLong();
            long head = head();
            boolean once = last - first + 1 == options.lines() && (head == headBefore || head == headBefore
                    + options.lines()) && head == Math.max(headBefore, last);
            boolean answeredBefore = response.headers().firstValue("Idempotent-Replayed").isPresent();
            if (once && last <= headBefore && !answeredBefore) {
                result.storedBeforeTheRetry++;
            } else if (once && !answeredBefore) {
                result.storedByTheRetry++;
            }
            if (!once) {
                result.retriesNotExactlyOnce++;
                result.problems.add("round " + round + ": retry answered " + first + ".." + last + ", head "
                        + headBefore + " -> " + head);
            }
            return;
        }
        result.retriesNotExactlyOnce++;
        result.problems.add("round " + round + ": the retry stayed 409");
    }

    private void remember(JsonNode answer) {
        answer.path("lines").forEach(line -> acknowledged.put(line.path("position").asLong(),
                line.path("eventId").asText()));
    }

    /** The newest acknowledged events (those of the last round), read back at their positions. */
    private void checkAcknowledged(int round) throws Exception {
        long head = head();
        long from = Math.max(1, head - options.lines() - 1);
        compare(events(from, head), round);
    }

    private void checkEveryAcknowledged() throws Exception {
        List<JsonNode> log = events(1, head());
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).path("position").asLong() != i + 1) {
                result.gapsOrBrokenVerifies++;
                result.problems.add("position " + (i + 1) + " holds " + log.get(i).path("position"));
                break;
            }
        }
        compare(log, -1);
        long missing = acknowledged.keySet().stream().filter(position -> position > log.size()).count();
        result.lostAcknowledged += missing;
        result.events = log.size();
    }

    private void compare(List<JsonNode> events, int round) {
        for (JsonNode event : events) {
            String expected = acknowledged.get(event.path("position").asLong());
            if (expected != null && !expected.equals(event.path("eventId").asText())) {
                result.lostAcknowledged++;
                result.problems.add((round < 0 ? "final check" : "round " + round) + ": position "
                        + event.path("position") + " holds " + event.path("eventId") + ", acknowledged " + expected);
            }
        }
    }

    private void verify(int round) throws Exception {
        // The chain: the read models, which may still be catching up after the restart, have their own check.
        JsonNode verify = JSON.readTree(get("/api/audit/verify?readModels=false", "auditor").body());
        long head = head();
        if (!"OK".equals(verify.path("status").asText()) || verify.path("verified").asLong() != head) {
            result.gapsOrBrokenVerifies++;
            result.problems.add("round " + round + ": verify " + abbreviate(verify.toString()));
        }
        System.out.printf("verify after kill %d: %s, %d events%n", round, verify.path("status").asText(),
                verify.path("verified").asLong());
    }

    private List<JsonNode> events(long from, long to) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        long next = from;
        while (next <= to) {
            JsonNode page = JSON.readTree(get("/api/audit/events?limit=1000&from=" + next, "auditor").body());
            page.path("events").forEach(event -> {
                if (event.path("position").asLong() <= to) {
                    events.add(event);
                }
            });
            if (page.path("next").isNull() || page.path("events").isEmpty()) {
                break;
            }
            next = page.path("next").asLong();
        }
        return events;
    }

    private long head() throws Exception {
        return JSON.readTree(get("/api/audit/events?limit=1", "auditor").body()).path("head").asLong();
    }

    private CompletableFuture<HttpResponse<String>> postImport(String body, String key) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/imports"))
                .timeout(Duration.ofMinutes(5)).header("Authorization", basic("operator"))
                .header("Content-Type", "application/x-ndjson").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofMinutes(5)).header("Authorization", basic(user)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + passwords.getProperty(user))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String key(int round) {
        return "soak-" + round;
    }

    private void start() throws Exception {
        List<String> command = new ArrayList<>(options.ledger());
        command.addAll(List.of("--server.port=" + port, "--ledger.mongo.embedded.port=" + mongoPort,
                "--ledger.mongo.embedded.data-dir=" + options.dataDir(),
                "--logging.level.root=WARN", "--ledger.idempotency.claim-timeout=" + CLAIM_TIMEOUT));
        Path log = options.dataDir().resolveSibling(options.dataDir().getFileName() + "-ledger.log");
        ledger = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!ledger.isAlive()) {
                throw new IllegalStateException("the ledger did not start on " + options.dataDir() + ": "
                        + firstError(log));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health")).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    if (mongo == null) {
                        mongo = MongoClients.create("mongodb://127.0.0.1:" + mongoPort);
                    }
                    passwords = new Properties();
                    try (Reader reader = Files.newBufferedReader(options.dataDir()
                            .resolve("generated-credentials.properties"))) {
                        passwords.load(reader);
                    }
                    return;
                }
                if (health.statusCode() == 503 && health.body().contains("integrityAlarm")) {
                    throw new IllegalStateException("the ledger started with an integrity alarm: " + health.body());
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        ledger.destroyForcibly();
        throw new IllegalStateException("the ledger did not become healthy within 180 s: " + firstError(log));
    }

    private void stop() throws InterruptedException {
        if (ledger != null && ledger.isAlive()) {
            ledger.destroy();
            if (!ledger.waitFor(60, TimeUnit.SECONDS)) {
                ledger.destroyForcibly();
            }
        }
    }

    private static String firstError(Path log) {
        try {
            return Files.readAllLines(log).stream().filter(line -> line.contains("ERROR") || line.contains("Exception"))
                    .findFirst().map(CrashSoak::abbreviate).orElse("no error logged");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }

    private Path file() {
        return options.dataDir().resolve("ledger.mv");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Size and modification time (in nanoseconds: two writes within a millisecond are two): what a write changes. */
    private record FileState(long size, long modified) {
        static FileState of(Path file) {
            try {
                return Files.exists(file) ? new FileState(Files.size(file),
                        Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS))
                        : new FileState(-1, -1);
            } catch (IOException e) {
                return new FileState(-1, -1);
            }
        }
    }
}
