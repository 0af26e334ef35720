package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two ledger processes on one MongoDB (the embedded server run standalone on a port, both connecting by URI).
 * Commands go to both at once: positions stay gap-free and ordered, no acknowledged event is lost, and each read
 * model is kept by one instance at a time.
 */
class TwoInstancesTest {
    @TempDir
    Path work;

    @Test
    void sharesOneStoreWithoutLosingOrDuplicatingAnything() throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        String uri = mongo.bindAndGetConnectionString() + "/smartcity";
        List<Process> instances = new ArrayList<>();
        try {
            List<LedgerClient> apis = new ArrayList<>();
            for (String name : List.of("a", "b")) {
                int port = freePort();
                Path dataDir = work.resolve(name);
                instances.add(start(name, port, uri, dataDir));
                apis.add(new LedgerClient(port, dataDir.resolve("generated-credentials.properties")));
            }
            Map<String, Long> acknowledged = new ConcurrentHashMap<>();
            AtomicInteger nextRegion = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<?>> work = new ArrayList<>();
            for (int client = 0; client < 8; client++) {
                LedgerClient api = apis.get(client % 2);
                work.add(clients.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        int region = nextRegion.getAndIncrement();
                        // Every fifth region is also selected through the other instance: they race for it.
                        String code = String.format("%02d.%02d", 11 + region / 70, 1 + region % 70);
                        for (LedgerClient target : region % 5 == 0 ? apis : List.of(api)) {
                            LedgerClient.Response response = target.post("/api/regions/" + code + "/selections",
                                    "operator", Commands.selection("Kabupaten " + code, "REGENCY", 2019, "2019-02-22"));
                            assertThat(response.status()).as("%s", response.body()).isIn(201, 409);
                            if (response.status() == 201) {
                                acknowledged.put(response.body().path("eventId").asText(), response.position());
                            }
                        }
                        LedgerClient.Response mou = api.post("/api/regions/" + code + "/engagements/2019/mou",
                                "operator", Commands.mou("2019-05-15"));
                        assertThat(mou.status()).as("%s", mou.body()).isEqualTo(201);
                        acknowledged.put(mou.body().path("eventId").asText(), mou.position());
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
            clients.shutdown();

            try (MongoClient client = MongoClients.create(uri)) {
                List<Document> events = client.getDatabase("smartcity").getCollection("events").find()
                        .into(new ArrayList<>());
                events.sort((x, y) -> Long.compare(x.getLong("_id"), y.getLong("_id")));
                assertThat(events).extracting(event -> event.getLong("_id"))
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
                Map<String, Long> stored = new HashMap<>();
                events.forEach(event -> stored.put(event.getString("eventId"), event.getLong("_id")));
                assertThat(stored).hasSize(events.size());
                assertThat(stored).containsAllEntriesOf(acknowledged);
                assertThat(events).hasSize(acknowledged.size());
                assertThat(events.stream().filter(event -> event.getString("type").endsWith("RegionSelected"))
                        .map(event -> event.getString("aggregateId")).collect(Collectors.toSet())).hasSize(200);

                Set<String> owners = client.getDatabase("smartcity").getCollection("processor_tokens").find()
                        .map(token -> token.getString("processorName") + "/" + token.getInteger("segment") + "="
                                + token.getString("owner")).into(new ArrayList<>()).stream()
                        .collect(Collectors.toSet());
                assertThat(owners).as("one claim per read model segment: %s", owners).hasSize(2);
            }
            JsonNode verify = apis.get(1).get("/api/audit/verify", "auditor").body();
            assertThat(verify.path("status").asText()).as("%s", verify).isEqualTo("OK");
        } finally {
            for (Process instance : instances) {
                instance.destroy();
                instance.waitFor(30, TimeUnit.SECONDS);
            }
            mongo.shutdownNow();
        }
    }

    private static Process start(String name, int port, String uri, Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        Path output = Path.of("target", "two-instances-" + name + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daxoniq.update-checker.disabled=true", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--server.port=" + port,
                "--spring.data.mongodb.uri=" + uri, "--ledger.mongo.embedded.data-dir=" + dataDir)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        for (int i = 0; i < 600; i++) {
            if (!process.isAlive()) {
                throw new AssertionError("instance " + name + " did not start: " + Files.readString(output));
            }
            if (Files.exists(dataDir.resolve("generated-credentials.properties"))) {
                try {
                    if (new LedgerClient(port, dataDir.resolve("generated-credentials.properties"))
                            .get("/actuator/health", null).status() == 200) {
                        return process;
                    }
                } catch (RuntimeException e) {
                    // not listening yet
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("instance " + name + " did not become healthy");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
