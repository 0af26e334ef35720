package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger as its own process on the embedded H2 store, 8 clients sending commands, killed with SIGKILL mid-load
 * and restarted on the same data folder, three times over. Every command that got a 201 must have its event exactly
 * once, positions must stay gap-free, verify must pass, and the read models must catch up with the log.
 */
class CrashRecoveryTest {
    private static final int CLIENTS = 8;
    private static final int KILLS = 3;

    @TempDir
    Path dataDir;

    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger nextRegion = new AtomicInteger();

    @Test
    void losesNothingAcknowledgedThroughRepeatedKills() throws Exception {
        int port = freePort();
        for (int kill = 1; kill <= KILLS; kill++) {
            Process ledger = start(port, "run-" + kill);
            LedgerClient api = new LedgerClient(port, dataDir.resolve("generated-credentials.properties"));
            int before = acknowledged.size();
            load(api, ledger, Duration.ofMillis(1500 + 500L * kill));
            assertThat(acknowledged.size()).as("commands acknowledged before kill %d", kill).isGreaterThan(before);
        }

        Process ledger = start(port, "final");
        try {
            LedgerClient api = new LedgerClient(port, dataDir.resolve("generated-credentials.properties"));
            List<JsonNode> log = api.auditLog();
            assertThat(log).extracting(event -> event.path("position").asLong())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, log.size()).boxed().toList());
            Map<String, Integer> copies = new HashMap<>();
            log.forEach(event -> copies.merge(event.path("eventId").asText(), 1, Integer::sum));
            assertThat(acknowledged.keySet()).allSatisfy(eventId ->
                    assertThat(copies.get(eventId)).as("copies of acknowledged event %s", eventId).isEqualTo(1));
            acknowledged.forEach((eventId, position) -> assertThat(log.get(Integer.parseInt(position) - 1)
                    .path("eventId").asText()).as("position %s", position).isEqualTo(eventId));

            JsonNode verify = api.get("/api/audit/verify", "auditor").body();
            assertThat(verify.path("status").asText()).as("%s", verify).isEqualTo("OK");

            long selections = log.stream().filter(event -> event.path("type").asText().equals("RegionSelected"))
                    .count();
            awaitCaughtUp(api);
            JsonNode totals = api.get("/api/reports/annual-totals", "reporter").body().path("rows");
            JsonNode year2019 = totals.get(2);
            assertThat(year2019.path("year").asInt()).isEqualTo(2019);
            assertThat(year2019.path("selectedAsNew").asLong()).isEqualTo(selections);
            System.out.printf("crash test: %d kills survived, %d commands acknowledged, %d events in the log%n",
                    KILLS, acknowledged.size(), log.size());
        } finally {
            ledger.destroy();
            ledger.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** 8 clients select regions and sign their MoUs until the process is killed under them. */
    private void load(LedgerClient api, Process ledger, Duration before) throws InterruptedException {
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int client = 0; client < CLIENTS; client++) {
            clients.submit(() -> {
                while (!killed.get()) {
                    int region = nextRegion.getAndIncrement();
                    String code = String.format("%02d.%02d", 11 + region / 70, 1 + region % 70);
                    try {
                        record(api.post("/api/regions/" + code + "/selections", "operator", """
                                {"name": "Kabupaten %s", "kind": "REGENCY", "cohortYear": 2019, "selectedOn": "2019-02-22"}"""
                                .formatted(code)));
                        record(api.post("/api/regions/" + code + "/engagements/2019/mou", "operator", """
                                {"signedOn": "2019-05-15", "place": "Jakarta", "virtual": false}"""));
                    } catch (RuntimeException e) {
                        return;
                    }
                }
            });
        }
        // The kill lands mid-load whatever the machine's load: first some commands answered (a cold start on a busy
        // machine took seconds for the first ones), then the load for a while longer.
        int answeredBefore = acknowledged.size();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (acknowledged.size() < answeredBefore + CLIENTS && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(before.toMillis());
        ledger.destroyForcibly();
        killed.set(true);
        ledger.waitFor(30, TimeUnit.SECONDS);
        clients.shutdown();
        clients.awaitTermination(60, TimeUnit.SECONDS);
    }

    private void record(LedgerClient.Response response) {
        if (response.status() == 201) {
            acknowledged.put(response.body().path("eventId").asText(), response.body().path("position").asText());
        }
    }

    private static void awaitCaughtUp(LedgerClient api) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            JsonNode status = api.get("/api/admin/projections", "admin").body();
            if (status.findValuesAsText("lag").stream().allMatch("0"::equals)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the read models did not catch up");
    }

    private Process start(int port, String name) throws IOException, InterruptedException {
        Path output = Path.of("target", "crash-test-" + name + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daxoniq.update-checker.disabled=true", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--server.port=" + port,
                "--ledger.mongo.embedded.data-dir=" + dataDir)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        LedgerClient probe = null;
        for (int i = 0; i < 600; i++) {
            if (!process.isAlive()) {
                throw new AssertionError("the ledger did not start: " + Files.readString(output));
            }
            if (Files.exists(dataDir.resolve("generated-credentials.properties"))) {
                probe = probe == null ? new LedgerClient(port, dataDir.resolve("generated-credentials.properties"))
                        : probe;
                try {
                    if (probe.get("/actuator/health", null).status() == 200) {
                        return process;
                    }
                } catch (RuntimeException e) {
                    // not listening yet
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the ledger did not become healthy");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }


}
