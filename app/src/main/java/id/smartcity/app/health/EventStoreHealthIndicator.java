package id.smartcity.app.health;

import id.smartcity.ledger.eventstore.MongoEventStorageEngine;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Up when the event log answers. Replaces Boot's MongoDB indicator, whose {@code hello} command the embedded server
 * does not know; reading the head works on the embedded server and on a real MongoDB alike.
 */
@Component("eventStore")
class EventStoreHealthIndicator extends AbstractHealthIndicator {
    private final MongoEventStorageEngine eventStore;

    EventStoreHealthIndicator(MongoEventStorageEngine eventStore) {
        super("The event store cannot be read");
        this.eventStore = eventStore;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long head = eventStore.headPosition();
        eventStore.integrityAlarm().ifPresentOrElse(
                alarm -> builder.outOfService().withDetail("headPosition", head).withDetail("integrityAlarm", alarm),
                () -> builder.up().withDetail("headPosition", head));
    }
}
