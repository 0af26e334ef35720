package id.smartcity.ledger.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the event store.
 *
 * @param pageSize         events the embedded event store's shared reader takes per fetch, for processors at the head
 * @param maxCommitEvents  events, from however many concurrent commands, that one commit takes at most
 * @param cachedAggregates aggregates (regions, years) kept in memory between commands
 * @param readStrategy     how the log and the read models are read from the server (ADR 17): AUTO asks the server
 *                         which it is; EMBEDDED_SERVER or RANGE choose
 */
@ConfigurationProperties("ledger.event-store")
public record EventStoreProperties(@DefaultValue("1000") int pageSize, @DefaultValue("1000") int maxCommitEvents,
                                   @DefaultValue("20000") int cachedAggregates,
                                   @DefaultValue("AUTO") ReadStrategyChoice readStrategy) {

    /** The read strategies, and AUTO for the one the server calls for. */
    public enum ReadStrategyChoice { AUTO, EMBEDDED_SERVER, RANGE }
}
