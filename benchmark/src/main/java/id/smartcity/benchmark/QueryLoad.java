package id.smartcity.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Concurrent HTTP clients asking the query API in turn for each path, for a while; latency per path. */
final class QueryLoad {
    private QueryLoad() {
    }

    record Latencies(long count, double p50, double p99) {
        static Latencies of(List<Long> nanos) {
            List<Long> sorted = new ArrayList<>(nanos);
            sorted.sort(Long::compare);
            return new Latencies(sorted.size(), sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1e6);
        }
    }

    record Result(Map<String, Latencies> byPath) {
    }

    static Result run(int port, String reporterPassword, int clients, Duration duration, List<String> paths)
            throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString(("reporter:" + reporterPassword)
                .getBytes(StandardCharsets.UTF_8));
        load(port, auth, clients, Duration.ofSeconds(3), paths);
        List<Map<String, List<Long>>> perClient = load(port, auth, clients, duration, paths);
        Map<String, Latencies> byPath = new LinkedHashMap<>();
        for (String path : paths) {
            List<Long> all = new ArrayList<>();
            perClient.forEach(client -> all.addAll(client.get(path)));
            byPath.put(path, Latencies.of(all));
        }
        return new Result(byPath);
    }

    private static List<Map<String, List<Long>>> load(int port, String auth, int clients, Duration duration,
                                                      List<String> paths) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<Map<String, List<Long>>>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int offset = i;
            futures.add(pool.submit(() -> {
                HttpClient client = HttpClient.newHttpClient();
                Map<String, List<Long>> latencies = new LinkedHashMap<>();
                paths.forEach(path -> latencies.put(path, new ArrayList<>()));
                for (int n = offset; System.nanoTime() < end; n++) {
                    String path = paths.get(n % paths.size());
                    long start = System.nanoTime();
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                    URI.create("http://localhost:" + port + path)).header("Authorization", auth).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
                    }
                    latencies.get(path).add(System.nanoTime() - start);
                }
                return latencies;
            }));
        }
        List<Map<String, List<Long>>> results = new ArrayList<>();
        for (Future<Map<String, List<Long>>> future : futures) {
            results.add(future.get());
        }
        pool.shutdown();
        return results;
    }
}
