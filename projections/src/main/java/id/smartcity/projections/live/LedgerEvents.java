package id.smartcity.projections.live;

import id.smartcity.projections.model.LedgerEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/** Axon's event messages as the read side sees them: the one place that maps one to a {@link LedgerEvent}. */
public final class LedgerEvents {
    private LedgerEvents() {
    }

    public static LedgerEvent of(TrackedEventMessage<?> event) {
        return of(event, event.trackingToken());
    }

    public static LedgerEvent of(EventMessage<?> event, TrackingToken token) {
        return LedgerEvent.of(token.position().orElseThrow(), event.getMetaData(), event.getPayload());
    }
}
