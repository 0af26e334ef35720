package id.smartcity.projections.timetravel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on the API's time travel ({@code asOf}, {@code knownAt}), each of which replays the whole log: at 1,000,000
 * events one costs tens of seconds and gigabytes of heap (docs/benchmarks.md).
 *
 * @param maxConcurrent replays that may run at once; more are refused (503, {@code Retry-After}) so that ordinary
 *                      reads and commands keep their share of the processors and the heap
 * @param maxWait       how long a query waits for a free replay before it is refused
 * @param cachedSnapshots snapshots kept, by {@code asOf}, {@code knownAt} and the log's head: the same question asked
 *                        again, or by many clients at once, replays once until the log moves on
 */
@ConfigurationProperties("ledger.time-travel")
public record TimeTravelProperties(@DefaultValue("2") int maxConcurrent, @DefaultValue("2s") Duration maxWait,
                                   @DefaultValue("16") int cachedSnapshots) {
}
