package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 16 clients for 30 seconds, mixing valid commands, commands that conflict with each other (several clients on the
 * same regions) and invalid ones. No 5xx, every refusal carries its rule's code, no acknowledged event lost or
 * duplicated, positions gap-free. Latencies are printed, not asserted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.mongo.embedded.backend=MEMORY")
class LoadTest {
    private static final int CLIENTS = 16;
    private static final Duration RUN = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerApiContract.testProperties(registry);
    }

    @Test
    void holdsUnderSixteenClientsForThirtySeconds() throws Exception {
        LedgerClient api = new LedgerClient(port, LedgerApiContract.CREDENTIALS);
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger nextRegion = new AtomicInteger();
        long end = System.nanoTime() + RUN.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            clients.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    // A small shared pool of regions, so that clients collide on purpose.
                    int region = random.nextInt(10) < 7 ? nextRegion.getAndIncrement() : random.nextInt(40);
                    String code = String.format("%02d.%02d", 11 + region / 70, 1 + region % 70);
                    String path = "/api/regions/" + code;
                    long sent = System.nanoTime();
                    LedgerClient.Response response = switch (random.nextInt(6)) {
                        case 0, 1 -> api.post(path + "/selections", "operator", Commands.selection("Kabupaten " + code,
                                "REGENCY", 2019, "2019-02-22"));
                        case 2 -> api.post(path + "/engagements/2019/mou", "operator", Commands.mou("2019-05-15"));
                        case 3 -> api.post(path + "/engagements/2019/mentors", "operator",
                                Commands.mentor("ITB", "2019-06-01"));
                        case 4 -> api.post(path + "/selections", "operator", Commands.selection("Kabupaten " + code,
                                "CITY", 2019, "2019-02-22"));
                        default -> api.post(path + "/engagements/2019/masterplan", "operator",
                                "{\"submittedOn\": \"2019-02-30\"}");
                    };
                    latencies.add(System.nanoTime() - sent);
                    String key = response.status() + " " + (response.status() == 201 ? "" : response.code());
                    answers.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                    if (response.status() == 201) {
                        acknowledged.put(response.body().path("eventId").asText(), response.position());
                    }
                }
                return null;
            }));
        }
        long started = System.nanoTime();
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;

        int requests = answers.values().stream().mapToInt(AtomicInteger::get).sum();
        List<Long> sorted = new ArrayList<>(latencies);
        sorted.sort(Long::compare);
        System.out.printf("load: %d requests from %d clients in %.1f s (%.0f/s), p50 %.1f ms, p99 %.1f ms; answers %s%n",
                requests, CLIENTS, seconds, requests / seconds, sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) (sorted.size() * 0.99)) / 1e6, new java.util.TreeMap<>(answers));
        assertThat(answers.keySet()).noneMatch(key -> key.startsWith("5"));
        assertThat(answers.keySet()).filteredOn(key -> !key.startsWith("201"))
                .allSatisfy(key -> assertThat(key.split(" ")).hasSize(2));
        assertThat(answers.keySet()).contains("409 ALREADY_PARTICIPANT", "400 MALFORMED_REQUEST");

        List<JsonNode> log = new ArrayList<>();
        long from = 1;
        do {
            JsonNode page = api.get("/api/audit/events?limit=1000&from=" + from, "auditor").body();
            page.path("events").forEach(log::add);
            from = page.path("next").isNumber() ? page.path("next").asLong() : -1;
        } while (from > 0);
        assertThat(log).extracting(event -> event.path("position").asLong())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, log.size()).boxed().toList());
        Map<String, Long> positions = new HashMap<>();
        log.forEach(event -> assertThat(positions.put(event.path("eventId").asText(),
                event.path("position").asLong())).as("duplicate event").isNull());
        acknowledged.forEach((eventId, position) -> assertThat(positions.get(eventId)).isEqualTo(position));
        assertThat(log).hasSize(acknowledged.size());
    }
}
