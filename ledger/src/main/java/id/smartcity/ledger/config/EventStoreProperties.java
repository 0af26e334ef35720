package id.smartcity.ledger.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the event store.
 *
 * @param pageSize         events the embedded event store's shared reader takes per fetch, for processors at the head
 * @param maxCommitEvents  events, from however many concurrent commands, that one commit takes at most
 * @param cachedAggregates aggregates (regions, years) kept in memory between commands
 */
@ConfigurationProperties("ledger.event-store")
public record EventStoreProperties(@DefaultValue("1000") int pageSize, @DefaultValue("1000") int maxCommitEvents,
                                   @DefaultValue("20000") int cachedAggregates) {
}
