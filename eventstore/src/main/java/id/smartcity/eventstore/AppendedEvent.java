package id.smartcity.eventstore;

/** Where an accepted event was stored: its identifier and its place in the global order. */
public record AppendedEvent(String eventId, long position, String type, String aggregateId, long sequence) {
}
