package id.smartcity.projections.timetravel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.smartcity.projections.reports.ProgrammeSnapshot;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
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
    private final TimeTravel timeTravel;
    private final Bulkhead bulkhead;
    private final Cache<Key, ProgrammeSnapshot> snapshots;

    public GuardedTimeTravel(TimeTravel timeTravel, TimeTravelProperties properties) {
        this.timeTravel = timeTravel;
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
