package id.smartcity.eventstore;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The positions that the events of a unit of work got, kept on that unit of work: the caller starts the unit, attaches
 * a receipt, sends its commands in it and commits it; the store fills the receipt as it appends the unit's events
 * (during the commit), and the caller reads it once the commit returns. Nested units (Axon's command bus starts one
 * per command) append with their root, so the receipt lives on the root.
 */
public final class AppendReceipt {
    private static final String RESOURCE = AppendReceipt.class.getName();
    private final List<AppendedEvent> events = new ArrayList<>();

    private AppendReceipt() {
    }

    /** The receipt of {@code unitOfWork}'s root, attached now if it has none yet. */
    public static AppendReceipt attachTo(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getOrComputeResource(RESOURCE, key -> new AppendReceipt());
    }

    /** Adds what the store appended for {@code unitOfWork} to its root's receipt, if its caller attached one. */
    static void record(UnitOfWork<?> unitOfWork, List<AppendedEvent> appended) {
        AppendReceipt receipt = unitOfWork.root().getResource(RESOURCE);
        if (receipt != null) {
            synchronized (receipt.events) {
                receipt.events.addAll(appended);
            }
        }
    }

    /** The events appended so far, in the order they were appended. */
    public List<AppendedEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }
}
