package id.smartcity.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

/**
 * The stored log does not match itself where the writer must build on it (its head, or a position being written
 * again): nothing is appended until it does. An alarm for an auditor, not a transient failure to retry.
 */
public final class LedgerIntegrityException extends EventStoreException {
    public LedgerIntegrityException(String message) {
        super(message);
    }
}
