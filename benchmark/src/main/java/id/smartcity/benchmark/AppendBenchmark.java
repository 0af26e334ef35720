package id.smartcity.benchmark;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import id.smartcity.api.AssignMentor;
import id.smartcity.api.Pillar;
import id.smartcity.api.Provinces;
import id.smartcity.api.RegionKind;
import id.smartcity.api.SelectRegion;
import id.smartcity.api.SignMoU;
import id.smartcity.api.SubmitMasterplan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Commands per second through the command gateway and through the HTTP API, with 1 and 16 clients; beside it, the
 * same server's raw insertMany rate. Each region gets a realistic stream: selection, MoU, two mentoring institutions,
 * masterplan.
 */
final class AppendBenchmark {
    private static final int STEPS_PER_REGION = 5;
    private static final String HASH = "3f".repeat(32);
    private static final LocalDate SELECTED_ON = LocalDate.of(2019, 2, 22);

    private final List<String> codes = regionCodes();
    private final AtomicInteger nextRegion = new AtomicInteger();

    /** After a warm-up of each path: the gateway and HTTP with 1 and 16 clients, {@code regions} regions each. */
    List<Result> run(ConfigurableApplicationContext app, Path dataDir, int regions) throws Exception {
        checkEnoughCodes(2, 4, regions);
        CommandGateway gateway = app.getBean(CommandGateway.class);
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("operator:" + Ledgers.password(dataDir,
                "operator")).getBytes(StandardCharsets.UTF_8));
        measure("warm-up", 16, regions / 4, code -> gateway(gateway, code));
        measure("warm-up", 16, regions / 4, code -> http(port, auth, code));
        List<Result> results = new ArrayList<>();
        for (int clients : new int[] {1, 16}) {
            results.add(measure("gateway", clients, regions, code -> gateway(gateway, code)));
            results.add(measure("HTTP", clients, regions, code -> http(port, auth, code)));
        }
        return results;
    }

    /**
     * The gateway alone, after its warm-up: 1 and 16 clients, {@code regions} regions each. For an application of the
     * same shape that has no HTTP API (the peers), so that its rows are measured exactly as the ledger's gateway rows.
     */
    List<Result> runGateway(CommandGateway gateway, int regions) throws Exception {
        checkEnoughCodes(1, 2, regions);
        measure("warm-up", 16, regions / 4, code -> gateway(gateway, code));
        List<Result> results = new ArrayList<>();
        for (int clients : new int[] {1, 16}) {
            results.add(measure("gateway", clients, regions, code -> gateway(gateway, code)));
        }
        return results;
    }

    private interface Step {
        void run(String code, int step) throws Exception;
    }

    private interface Region {
        Step steps(String code);
    }

    private Result measure(String path, int clients, int regions, Region region) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        int perClient = regions / clients;
        long start = System.nanoTime();
        for (int client = 0; client < clients; client++) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[perClient * STEPS_PER_REGION];
                int index = 0;
                for (int i = 0; i < perClient; i++) {
                    String code = codes.get(nextRegion.getAndIncrement());
                    Step steps = region.steps(code);
                    for (int step = 0; step < STEPS_PER_REGION; step++) {
                        long before = System.nanoTime();
                        steps.run(code, step);
                        latencies[index++] = System.nanoTime() - before;
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> future : futures) {
            for (long latency : future.get()) {
                all.add(latency);
            }
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        all.sort(Long::compare);
        return new Result(path, clients, all.size(), all.size() / (elapsed / 1e9),
                all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.99)) / 1e6);
    }

    record Result(String path, int clients, int commands, double perSecond, double p50, double p99) {
    }

    private static Step gateway(CommandGateway gateway, String code) {
        RegionKind kind = Integer.parseInt(code.substring(3)) >= 71 ? RegionKind.CITY : RegionKind.REGENCY;
        return (region, step) -> gateway.sendAndWait(switch (step) {
            case 0 -> new SelectRegion(region, "Region " + region, kind, 2019, SELECTED_ON, null);
            case 1 -> new SignMoU(region, 2019, LocalDate.of(2019, 5, 15), "Jakarta", false, List.of("Wali Kota"),
                    List.of("masterplan guidance"));
            case 2 -> new AssignMentor(region, 2019, "Universitas Indonesia", List.of("Mentor A"),
                    LocalDate.of(2019, 6, 1));
            case 3 -> new AssignMentor(region, 2019, "ITB", List.of("Mentor B"), LocalDate.of(2019, 6, 2));
            default -> new SubmitMasterplan(region, 2019, LocalDate.of(2019, 11, 1), 10,
                    List.of(Pillar.GOVERNANCE, Pillar.SOCIETY), List.of("public wifi"), HASH);
        });
    }

    private static Step http(int port, String auth, String code) {
        HttpClient client = HttpClient.newHttpClient();
        String kind = Integer.parseInt(code.substring(3)) >= 71 ? "CITY" : "REGENCY";
        String base = "http://localhost:" + port + "/api/regions/" + code;
        return (region, step) -> {
            String[] request = switch (step) {
                case 0 -> new String[] {"/selections", """
                        {"name": "Region %s", "kind": "%s", "cohortYear": 2019, "selectedOn": "2019-02-22"}"""
                        .formatted(region, kind)};
                case 1 -> new String[] {"/engagements/2019/mou", """
                        {"signedOn": "2019-05-15", "place": "Jakarta", "virtual": false, "signatories": ["Wali Kota"],
                         "scope": ["masterplan guidance"]}"""};
                case 2 -> new String[] {"/engagements/2019/mentors", """
                        {"institution": "Universitas Indonesia", "mentors": ["Mentor A"], "assignedOn": "2019-06-01"}"""};
                case 3 -> new String[] {"/engagements/2019/mentors", """
                        {"institution": "ITB", "mentors": ["Mentor B"], "assignedOn": "2019-06-02"}"""};
                default -> new String[] {"/engagements/2019/masterplan", """
                        {"submittedOn": "2019-11-01", "horizonYears": 10, "pillars": ["GOVERNANCE", "SOCIETY"],
                         "quickWins": ["public wifi"], "documentSha256": "%s"}""".formatted(HASH)};
            };
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + request[0]))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(request[1])).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException(region + request[0] + ": " + response.statusCode() + " "
                        + response.body());
            }
        };
    }

    /** The same server's raw insertMany rate, batches of 1,000 event-sized documents: what no append can beat. */
    static double insertManyCeiling(MongoDatabase database) {
        MongoCollection<Document> scratch = database.getCollection("benchmark_ceiling");
        int total = 50_000;
        long start = System.nanoTime();
        for (int batch = 0; batch < total / 1000; batch++) {
            List<Document> documents = new ArrayList<>(1000);
            for (int i = 0; i < 1000; i++) {
                long id = (long) batch * 1000 + i + 1;
                documents.add(new Document("_id", id).append("eventId", "e-" + id).append("aggregateType", "Region")
                        .append("aggregateId", "32." + (id % 70)).append("seq", id).append("type",
                                "id.smartcity.api.MentorAssigned").append("revision", "1")
                        .append("timestamp", "2026-11-24T00:00:00Z")
                        .append("payload", new Document("code", "32.73").append("cohortYear", 2019)
                                .append("institution", "Universitas Indonesia").append("mentors", List.of("Mentor A"))
                                .append("assignedOn", "2019-06-01"))
                        .append("meta", new Document("principal", "operator").append("client", "benchmark")
                                .append("correlationId", "c-" + id).append("causationId", "k-" + id)
                                .append("recordedAt", "2026-11-24T00:00:00.000Z")));
            }
            scratch.insertMany(documents);
        }
        double rate = total / ((System.nanoTime() - start) / 1e9);
        scratch.drop();
        return rate;
    }

    /**
     * Every regency and city code the ledger accepts for a selection on 2019-02-22: the provinces of its register that
     * existed then (34), numbers 01-99 in each: 3,366 codes, enough for {@code --regions 748} (each region is
     * selected once, and the ledger's run takes 4.5 times that many).
     */
    private static List<String> regionCodes() {
        List<String> codes = new ArrayList<>();
        for (int province = 11; province <= 99; province++) {
            String provinceCode = String.format("%02d", province);
            if (!Provinces.existed(provinceCode, SELECTED_ON)) {
                continue;
            }
            for (int number = 1; number <= 99; number++) {
                codes.add(provinceCode + String.format(".%02d", number));
            }
        }
        return codes;
    }

    /**
     * Refuses, before anything is sent, a run that needs more new regions than there are codes, or so few that a
     * warm-up's 16 clients would have none each.
     */
    private void checkEnoughCodes(int warmUps, int measures, int regions) {
        if (regions < 64) {
            throw new IllegalArgumentException("--regions " + regions + ": at least 64, so that each of the 16 clients"
                    + " of the warm-up (a quarter of them) has a region");
        }
        int needed = warmUps * (regions / 4) + measures * regions;
        if (needed > codes.size()) {
            throw new IllegalArgumentException(regions + " regions a measure need " + needed + " region codes; the"
                    + " register has " + codes.size() + ": ask for at most " + codes.size() * 4 / (warmUps
                    + 4 * measures) + " (--regions)");
        }
    }
}
