package id.smartcity.ledger.rest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests with an {@code Idempotency-Key}.
 *
 * @param claimTimeout how long the first request holds its key before a retry may take it over: a retry sooner is
 *                     answered 409 with {@code Retry-After}; later, it gets the first request's events if they were
 *                     stored (its sender stopped before answering), or runs
 */
@ConfigurationProperties("ledger.idempotency")
public record IdempotencyProperties(@DefaultValue("30s") Duration claimTimeout) {
}
