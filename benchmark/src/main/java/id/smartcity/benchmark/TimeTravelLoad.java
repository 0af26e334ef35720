package id.smartcity.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Questions about the past asked over HTTP, as an auditor's client asks them: the annual totals {@code asOf} a
 * business date, {@code knownAt} an instant, or both. Every question is new (a date or an instant not asked before in
 * the run), since the server keeps the latest snapshots by (asOf, knownAt, head) and a repeated question would
 * measure its cache. A question refused with 503 (too many at once) is asked again after its Retry-After, as a client
 * does; its time counts from the first ask.
 */
final class TimeTravelLoad {
    private static final String PATH = "/api/reports/annual-totals";
    /** The synthetic log's business dates run from 2019-02-22 to 2019-05-10: the first questions cut it. */
    private static final LocalDate FIRST_DATE = LocalDate.of(2019, 3, 1);
    private static final LocalDate WINDOW_START = LocalDate.of(2017, 1, 1);
    private static final int WINDOW_DAYS = 3652;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    private final int port;
    private final String auth;
    private final Instant firstRecorded;
    private final Instant lastRecorded;
    private final AtomicInteger dates = new AtomicInteger();
    private final AtomicInteger instants = new AtomicInteger();
    private final Set<Instant> askedInstants = ConcurrentHashMap.newKeySet();

    /** {@code firstRecorded} and {@code lastRecorded}: the recorded times of the log's first and last events. */
    TimeTravelLoad(int port, String reporterPassword, Instant firstRecorded, Instant lastRecorded) {
        this.port = port;
        this.auth = "Basic " + Base64.getEncoder().encodeToString(("reporter:" + reporterPassword)
                .getBytes(StandardCharsets.UTF_8));
        this.firstRecorded = firstRecorded;
        this.lastRecorded = lastRecorded;
    }

    String asOf() {
        return PATH + "?asOf=" + date();
    }

    String knownAt() {
        return PATH + "?knownAt=" + instant();
    }

    String both() {
        return PATH + "?asOf=" + date() + "&knownAt=" + instant();
    }

    /**
     * A new business date: a day after the last one asked, from 2019-03-01, within 2017-2026 (after ten years of
     * questions it starts the window again; the server keeps a few snapshots, not 3,652).
     */
    private LocalDate date() {
        long offset = ChronoUnit.DAYS.between(WINDOW_START, FIRST_DATE) + dates.getAndIncrement();
        return WINDOW_START.plusDays(offset % WINDOW_DAYS);
    }

    /**
     * A new instant within the recorded times of the log, spread over it (the n-th at the fraction n times the golden
     * ratio, modulo 1), to the millisecond as the store records them; one already asked moves on by a millisecond.
     */
    private Instant instant() {
        long span = Math.max(1, Duration.between(firstRecorded, lastRecorded).toMillis());
        double fraction = ((instants.incrementAndGet() * GOLDEN) % 1.0);
        Instant instant = firstRecorded.plusMillis((long) (fraction * span));
        while (!askedInstants.add(instant)) {
            instant = instant.plusMillis(1);
        }
        return instant;
    }

    record Single(double medianMillis, List<Double> millis, int refusals) {
    }

    /** Three questions one after another, each new; the median time of their answers. */
    Single single(Supplier<String> question) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        // The connection and the live path warmed, so the first question pays for neither.
        ask(client, PATH, System.nanoTime() + Duration.ofSeconds(10).toNanos());
        List<Double> millis = new ArrayList<>();
        int refusals = 0;
        for (int round = 0; round < 3; round++) {
            Answer answer = ask(client, question.get(), Long.MAX_VALUE);
            millis.add(answer.nanos() / 1e6);
            refusals += answer.refusals();
        }
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(Double::compare);
        return new Single(sorted.get(1), millis, refusals);
    }

    record Concurrent(QueryLoad.Latencies answers, double perSecond, int refusals, int unanswered,
                      QueryLoad.Latencies live, int liveNotAnswered) {
    }

    /**
     * {@code clients} clients asking new questions for {@code duration}, asOf, knownAt and both in turn, and one more
     * asking for the live annual totals all the while. A question refused after the end is not asked again.
     */
    Concurrent concurrent(int clients, Duration duration) throws Exception {
        List<Supplier<String>> kinds = List.of(this::asOf, this::knownAt, this::both);
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<List<Answer>>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int offset = i;
            futures.add(pool.submit(() -> {
                HttpClient client = HttpClient.newHttpClient();
                List<Answer> answers = new ArrayList<>();
                for (int n = offset; System.nanoTime() < end; n++) {
                    answers.add(ask(client, kinds.get(n % kinds.size()).get(), end));
                }
                return answers;
            }));
        }
        Future<List<Answer>> live = pool.submit(() -> {
            HttpClient client = HttpClient.newHttpClient();
            List<Answer> answers = new ArrayList<>();
            while (System.nanoTime() < end) {
                Answer answer = ask(client, PATH, 0);
                answers.add(answer);
                if (answer.nanos() < 0) {
                    // the live read models are not ready: a client waits before it asks again
                    Thread.sleep(1000);
                }
            }
            return answers;
        });
        List<Long> answered = new ArrayList<>();
        int refusals = 0;
        int unanswered = 0;
        for (Future<List<Answer>> future : futures) {
            for (Answer answer : future.get()) {
                refusals += answer.refusals();
                if (answer.nanos() < 0) {
                    unanswered++;
                } else {
                    answered.add(answer.nanos());
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> liveAnswered = new ArrayList<>();
        int liveNotAnswered = 0;
        for (Answer answer : live.get()) {
            if (answer.nanos() < 0) {
                liveNotAnswered++;
            } else {
                liveAnswered.add(answer.nanos());
            }
        }
        pool.shutdown();
        if (answered.isEmpty()) {
            throw new IllegalStateException("no time-travel question was answered in " + duration + " (" + refusals
                    + " refused)");
        }
        return new Concurrent(QueryLoad.Latencies.of(answered), answered.size() / seconds, refusals, unanswered,
                liveAnswered.isEmpty() ? null : QueryLoad.Latencies.of(liveAnswered), liveNotAnswered);
    }

    /** The time to an answer (negative: none, refused to the end), and how often it was refused first. */
    private record Answer(long nanos, int refusals) {
    }

    private Answer ask(HttpClient client, String path, long askAgainUntil) throws Exception {
        long start = System.nanoTime();
        int refusals = 0;
        while (true) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + path)).header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return new Answer(System.nanoTime() - start, refusals);
            }
            if (response.statusCode() != 503) {
                throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
            }
            refusals++;
            long retryAfter = response.headers().firstValueAsLong("Retry-After").orElse(1);
            if (System.nanoTime() + retryAfter * 1_000_000_000L > askAgainUntil) {
                return new Answer(-1, refusals);
            }
            Thread.sleep(retryAfter * 1000);
        }
    }
}
