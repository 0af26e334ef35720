package id.smartcity.ledger.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The auditor's reads of the whole log over HTTP.
 *
 * @param maxConcurrentReads verifications, digests and proofs (each reads every event) running at once
 * @param maxWait            how long one waits for a free place before it is refused with 503
 */
@ConfigurationProperties("ledger.audit")
public record AuditProperties(@DefaultValue("2") int maxConcurrentReads, @DefaultValue("2s") Duration maxWait) {
}
