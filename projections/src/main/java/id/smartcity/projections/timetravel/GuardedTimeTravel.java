package id.smartcity.projections.timetravel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.smartcity.projections.live.ReadModels;
import id.smartcity.projections.live.TimeTravelIndex;
import id.smartcity.projections.reports.AnnualTotals;
import id.smartcity.projections.reports.CoverageProperties;
import id.smartcity.projections.reports.ProgrammeSnapshot;
import id.smartcity.projections.reports.Report;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Time travel for the API: a Resilience4j bulkhead bounds the replays running at once, and a bounded Caffeine cache
 * keeps the latest snapshots by what determines them ({@code asOf}, {@code knownAt}, the log's head), so that many
 * clients asking the same question cost one replay, and many different questions cannot take the server's processors
 * or heap from ordinary reads. The command line and the benchmark use {@link TimeTravel} itself.
 */
@Component
public class GuardedTimeTravel {
    /** How long a question waits for the index to reach the head before the replay answers it instead. */
    private static final Duration INDEX_WAIT = Duration.ofSeconds(1);
    private final TimeTravel timeTravel;
    private final Bulkhead bulkhead;
    private final Cache<Key, ProgrammeSnapshot> snapshots;
    private final ReadModels readModels;
    private final CoverageProperties coverage;

    public GuardedTimeTravel(TimeTravel timeTravel, TimeTravelProperties properties, ReadModels readModels,
                             CoverageProperties coverage) {
        this.timeTravel = timeTravel;
        this.readModels = readModels;
        this.coverage = coverage;
        this.bulkhead = Bulkhead.of("time-travel", BulkheadConfig.custom()
                .maxConcurrentCalls(properties.maxConcurrent()).maxWaitDuration(properties.maxWait()).build());
        this.snapshots = Caffeine.newBuilder().maximumSize(properties.cachedSnapshots()).build();
    }

    private record Key(LocalDate asOf, Instant knownAt, long head) {
    }

    /** The position of the last event in the log. */
    public long head() {
        return timeTravel.head();
    }

    /** The snapshot for {@code asOf} and {@code knownAt} from the log as it is now; 503 when too many replays run. */
    public ProgrammeSnapshot at(LocalDate asOf, Instant knownAt) {
        // Callers asking for the same key while it is replayed wait for that one replay (Caffeine computes once).
        return snapshots.get(new Key(asOf, knownAt, timeTravel.head()), this::replay);
    }

    /**
     * The annual totals as of {@code asOf} and as recorded by {@code knownAt}, from the log as it is now: read from the
     * time-travel index once it has reached the log's head (ADR 18), else replayed like every other report.
     */
    public Report<AnnualTotals.Row> annualTotals(LocalDate asOf, Instant knownAt) {
        long head = timeTravel.head();
        Optional<Report<AnnualTotals.Row>> indexed = annualTotalsFromIndex(asOf, knownAt, head);
        if (indexed.isPresent()) {
            return indexed.get();
        }
        ProgrammeSnapshot snapshot = at(asOf, knownAt);
        return Report.of("annual-totals", snapshot, AnnualTotals.of(snapshot, coverage));
    }

    /**
     * The annual totals from the index, for the log up to {@code head}; empty when the index does not reach it soon
     * (it follows the log a processor batch behind) or lacks a document it needs.
     */
    public Optional<Report<AnnualTotals.Row>> annualTotalsFromIndex(LocalDate asOf, Instant knownAt, long head) {
        long deadline = System.nanoTime() + INDEX_WAIT.toNanos();
        while (readModels.regionsReached() < head) {
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        TimeTravelIndex index = readModels.timeTravelIndex();
        Optional<Long> upTo = knownAt == null ? Optional.of(head) : index.positionKnownAt(knownAt, head);
        return upTo.flatMap(position -> index.counts(asOf, position)).map(counted -> new Report<>("annual-totals",
                asOf, knownAt, counted.position(), AnnualTotals.of(counted.counts(), coverage)));
    }

    /** How many snapshots are kept now (for the tests: the cache is bounded). */
    long cachedSnapshots() {
        snapshots.cleanUp();
        return snapshots.estimatedSize();
    }

    private ProgrammeSnapshot replay(Key key) {
        try {
            return bulkhead.executeSupplier(() -> timeTravel.at(key.asOf(), key.knownAt(), key.head()));
        } catch (BulkheadFullException e) {
            throw new Busy(bulkhead.getBulkheadConfig().getMaxConcurrentCalls());
        }
    }

    /** Too many replays at once: 503 with {@code Retry-After}, as for a read model that is not ready. */
    public static final class Busy extends ErrorResponseException {
        Busy(int replays) {
            super(HttpStatus.SERVICE_UNAVAILABLE, problem(replays), null);
            getHeaders().set(HttpHeaders.RETRY_AFTER, "2");
        }

        private static ProblemDetail problem(int replays) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "The ledger "
                    + "replays at most " + replays + " histories (asOf, knownAt) at once; ask again shortly");
            problem.setType(URI.create("urn:smartcity-ledger:problem:TIME_TRAVEL_BUSY"));
            problem.setTitle("Too many questions about the past at once");
            problem.setProperty("code", "TIME_TRAVEL_BUSY");
            return problem;
        }
    }
}
