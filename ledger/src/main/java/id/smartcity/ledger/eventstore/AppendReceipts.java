package id.smartcity.ledger.eventstore;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells the caller of a command which positions its events got. Commands run on the caller's thread (a simple
 * command bus), and their events are appended on that thread when the unit of work commits, so a thread-bound
 * receipt opened around the dispatch sees exactly the events of that dispatch.
 */
public final class AppendReceipts {
    private static final ThreadLocal<Receipt> CURRENT = new ThreadLocal<>();

    private AppendReceipts() {
    }

    public static Receipt open() {
        Receipt receipt = new Receipt(CURRENT.get());
        CURRENT.set(receipt);
        return receipt;
    }

    static void record(List<AppendedEvent> events) {
        Receipt receipt = CURRENT.get();
        if (receipt != null) {
            receipt.events.addAll(events);
        }
    }

    /** The events appended on this thread while the receipt was open. */
    public static final class Receipt implements AutoCloseable {
        private final Receipt outer;
        private final List<AppendedEvent> events = new ArrayList<>();

        private Receipt(Receipt outer) {
            this.outer = outer;
        }

        public List<AppendedEvent> events() {
            return List.copyOf(events);
        }

        @Override
        public void close() {
            if (outer == null) {
                CURRENT.remove();
            } else {
                outer.events.addAll(events);
                CURRENT.set(outer);
            }
        }
    }
}
