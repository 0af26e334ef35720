package id.smartcity.eventstore;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.bson.Document;

/**
 * Loads an exported log into an empty store, event by event as exported: the same positions, the same content, and
 * so the same hashes. Every hash is recomputed on the way in; a line that does not chain stops the import and leaves
 * the store empty again.
 */
public final class EventImporter {
    private static final int PAGE = 1000;
    private final EventLog log;

    public EventImporter(EventLog log) {
        this.log = log;
    }

    /** Thrown when the file is not an unbroken log from position 1, or the store is not empty. */
    public static final class ImportRefused extends RuntimeException {
        ImportRefused(String message) {
            super(message);
        }
    }

    /** Parses one exported line; numbers that name positions and sequences are 64-bit, as the store keeps them. */
    public static Document parse(String line) {
        Document event = Document.parse(line);
        event.put(EventLog.ID, ((Number) event.get(EventLog.ID)).longValue());
        event.put(EventLog.SEQUENCE, ((Number) event.get(EventLog.SEQUENCE)).longValue());
        return event;
    }

    public long importAll(Iterator<Document> events, LongConsumer progress) {
        if (log.readHead().getLong(EventLog.POSITION) != 0 || log.events().countDocuments() != 0) {
            throw new ImportRefused("The store is not empty: an import goes into an empty store");
        }
        byte[] previous = CanonicalEvent.GENESIS;
        long position = 0;
        String recordedAt = null;
        List<Document> page = new ArrayList<>(PAGE);
        try {
            while (events.hasNext()) {
                Document event = events.next();
                position++;
                if (event.getLong(EventLog.ID) != position) {
                    throw new ImportRefused("Line " + position + " holds position " + event.get(EventLog.ID)
                            + ": the file is not the log from position 1 without gaps");
                }
                byte[] hash = CanonicalEvent.chain(previous, event);
                String stored = event.getString(CanonicalEvent.HASH);
                if (stored == null || !Arrays.equals(hash, CanonicalEvent.unhex(stored))) {
                    throw new ImportRefused("The event at position " + position + " does not match its hash");
                }
                previous = hash;
                recordedAt = event.get(EventLog.META, Document.class).getString("recordedAt");
                page.add(event);
                if (page.size() == PAGE) {
                    write(page);
                    progress.accept(position);
                    page = new ArrayList<>(PAGE);
                }
            }
            write(page);
            log.head().updateOne(eq(EventLog.ID, EventLog.HEAD_ID), Updates.combine(
                    Updates.set(EventLog.POSITION, position), Updates.set(EventLog.MATERIALIZED, position),
                    Updates.set(EventLog.LAST_HASH, position == 0 ? null : CanonicalEvent.hex(previous)),
                    Updates.set(EventLog.LAST_RECORDED_AT, recordedAt)));
            progress.accept(position);
            return position;
        } catch (RuntimeException e) {
            log.events().deleteMany(new Document());
            log.streams().deleteMany(new Document());
            throw e;
        }
    }

    private void write(List<Document> page) {
        if (page.isEmpty()) {
            return;
        }
        log.events().insertMany(page);
        Map<String, List<Document>> byAggregate = new LinkedHashMap<>();
        page.stream().filter(event -> event.getString(EventLog.AGGREGATE_TYPE) != null).forEach(event ->
                byAggregate.computeIfAbsent(event.getString(EventLog.AGGREGATE_ID), key -> new ArrayList<>()).add(event));
        if (byAggregate.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> updates = new ArrayList<>();
        byAggregate.forEach((aggregate, events) -> updates.add(new UpdateOneModel<>(eq(EventLog.ID, aggregate),
                Updates.combine(Updates.setOnInsert(EventLog.AGGREGATE_TYPE,
                                events.get(0).getString(EventLog.AGGREGATE_TYPE)),
                        Updates.max(EventLog.LAST_SEQUENCE, events.get(events.size() - 1).getLong(EventLog.SEQUENCE)),
                        Updates.addEachToSet(EventLog.POSITIONS, events.stream().map(e -> e.getLong(EventLog.ID)).toList())),
                new UpdateOptions().upsert(true))));
        log.streams().bulkWrite(updates);
    }
}
