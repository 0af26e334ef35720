package id.smartcity.ledger.rest;

import id.smartcity.eventstore.AppendedEvent;
import java.util.List;

/** The answer to an accepted command: the event it became and where it stands in the global order. */
public record Accepted(String eventId, long position, String type, List<AppendedEvent> events) {
    static Accepted of(List<AppendedEvent> events) {
        if (events.isEmpty()) {
            return new Accepted(null, 0, null, events);
        }
        AppendedEvent first = events.get(0);
        return new Accepted(first.eventId(), first.position(), simpleName(first.type()), events);
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
