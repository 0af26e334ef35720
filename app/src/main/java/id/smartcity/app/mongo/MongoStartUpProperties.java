package id.smartcity.app.mongo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param startUpWait how long the ledger waits at start-up for a writable MongoDB before it stops and says so: the
 *                    driver alone waits 30 s for each of the beans that use it (ADR 14)
 */
@ConfigurationProperties("ledger.mongo")
public record MongoStartUpProperties(@DefaultValue("15s") Duration startUpWait) {
}
