package id.smartcity.ledger.register;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Axon's embedded event store, which also tells what the current unit of work has published and not yet stored. An
 * import runs many commands in one unit of work whose events reach the log only at commit; a rule across regions
 * must see what the import's earlier lines did.
 */
public final class StagingEventStore extends EmbeddedEventStore {

    private StagingEventStore(Builder builder) {
        super(builder);
    }

    public static StagingEventStore of(Builder builder) {
        return new StagingEventStore(builder);
    }

    /** The payloads published in the current unit of work (and its parents) and not stored yet; empty outside one. */
    public List<Object> staged() {
        if (!CurrentUnitOfWork.isStarted()) {
            return List.of();
        }
        return queuedMessages().stream().map(EventMessage::getPayload).map(Object.class::cast).toList();
    }
}
