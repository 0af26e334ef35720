package id.smartcity.app.health;

import id.smartcity.eventstore.MongoEventStorageEngine;
import id.smartcity.ledger.audit.LastVerification;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Up when the event log answers, its head matches the stored log, and the last verify (if any ran) found the chain
 * and the read models whole. Replaces Boot's MongoDB indicator, whose {@code hello} command the embedded server does
 * not know; reading the head works on the embedded server and on a real MongoDB alike.
 */
@Component("eventStore")
class EventStoreHealthIndicator extends AbstractHealthIndicator {
    private final MongoEventStorageEngine eventStore;
    private final LastVerification lastVerification;

    EventStoreHealthIndicator(MongoEventStorageEngine eventStore, LastVerification lastVerification) {
        super("The event store cannot be read");
        this.eventStore = eventStore;
        this.lastVerification = lastVerification;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long head = eventStore.headPosition();
        builder.withDetail("headPosition", head);
        lastVerification.last().ifPresent(last -> builder.withDetail("lastVerify", last));
        if (eventStore.integrityAlarm().isPresent()) {
            builder.outOfService().withDetail("integrityAlarm", eventStore.integrityAlarm().get());
        } else if (lastVerification.last().filter(last -> last.status().equals("BROKEN")
                || last.status().equals("READ_MODEL_DIFFERS")).isPresent()) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
