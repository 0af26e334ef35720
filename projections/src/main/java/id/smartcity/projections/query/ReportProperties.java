package id.smartcity.projections.query;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reports and dossiers.
 *
 * @param atLeastTimeout how long a query with {@code atLeast} waits for the read models to reach that position
 *                       before it is refused (503, {@code Retry-After})
 */
@ConfigurationProperties("ledger.reports")
public record ReportProperties(@DefaultValue("10s") Duration atLeastTimeout) {
}
