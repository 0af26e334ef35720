package id.smartcity.eventstore;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of the event log in this process. Commands hand it their events and wait; it takes whatever
 * has queued up, checks each command's aggregate sequence numbers, and commits the lot in one compare-and-set of
 * the head document, which both reserves the next positions and holds the events. Then it writes them out as one
 * document each. Another instance, or this one after a crash, finishes a commit that was not written out before
 * it commits its own, so positions are gap-free and a command's events are stored all or nothing.
 */
final class AppendSequencer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppendSequencer.class);
    private static final int MAX_COMMIT_ATTEMPTS = 100;
    private static final int KNOWN_SEQUENCES = 50_000;

    private final EventLog log;
    private final Durability durability;
    private final Clock clock;
    private final int maxBatchEvents;
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;
    /** Why appends are refused: the head does not match the stored log; null while it does. */
    private volatile LedgerIntegrityException alarm;
    private Head head;
    /**
     * Last sequence numbers (-1: no stream yet) as of {@code head}: true while no other writer commits, which the
     * compare-and-set on the head proves; cleared whenever the head is read again.
     */
    private final Map<String, Long> knownSequences = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > KNOWN_SEQUENCES;
        }
    };

    AppendSequencer(EventLog log, Durability durability, Clock clock, int maxBatchEvents) {
        this.log = log;
        this.durability = durability;
        this.clock = clock;
        this.maxBatchEvents = maxBatchEvents;
        Head start;
        try {
            start = completePendingCommit();
        } catch (LedgerIntegrityException e) {
            raise(e);
            start = null;
        }
        this.head = start;
        this.writer = new Thread(this::run, "event-sequencer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Appends the events of one command, all or none, and answers once they are durable. */
    List<AppendedEvent> append(List<Document> events) {
        if (!running) {
            throw new EventStoreException("The event store is shut down");
        }
        Request request = new Request(events);
        queue.add(request);
        try {
            return request.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("Interrupted while appending; the outcome is unknown", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new EventStoreException("Append failed", e.getCause());
        }
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                Request first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Request> batch = new ArrayList<>();
                batch.add(first);
                int size = first.events.size();
                while (size < maxBatchEvents && queue.peek() != null
                        && size + queue.peek().events.size() <= maxBatchEvents) {
                    Request next = queue.poll();
                    batch.add(next);
                    size += next.events.size();
                }
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Event sequencer failed on a batch", e);
            }
        }
    }

    private void commit(List<Request> batch) {
        if (alarm != null && !clearAlarm()) {
            batch.forEach(request -> request.result.completeExceptionally(alarm));
            return;
        }
        List<Request> waiting = batch;
        for (int attempt = 1; attempt <= MAX_COMMIT_ATTEMPTS; attempt++) {
            Numbered commit;
            try {
                waiting = refuseConflicts(waiting);
                if (waiting.isEmpty()) {
                    return;
                }
                commit = number(waiting);
                if (!casHead(head.position, commit)) {
                    head = reloadHead();
                    continue;
                }
            } catch (LedgerIntegrityException e) {
                raise(e);
                waiting.forEach(request -> request.result.completeExceptionally(e));
                return;
            } catch (RuntimeException e) {
                LOG.warn("Commit failed before it was stored", e);
                waiting.forEach(request -> request.result.completeExceptionally(
                        new EventStoreException("The events could not be stored", e)));
                head = safeReload();
                knownSequences.clear();
                return;
            }
            // Committed: from here on the events are part of the ledger, whatever happens to this process.
            head = new Head(commit.end(), commit.recordedAt(), commit.lastHash());
            remember(commit.documents());
            writeOutCommitted(waiting, commit);
            return;
        }
        waiting.forEach(request -> request.result.completeExceptionally(new EventStoreException(
                "Too many concurrent writers: no commit after " + MAX_COMMIT_ATTEMPTS + " attempts")));
    }

    private void writeOutCommitted(List<Request> accepted, Numbered commit) {
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                writeOut(commit.documents(), commit.end());
                durability.flush();
                answer(accepted, commit.documents());
                return;
            } catch (RuntimeException e) {
                failure = e;
                LOG.warn("Writing out committed positions up to {} failed (attempt {})", commit.end(), attempt, e);
                sleepQuietly(attempt * 200L);
            }
        }
        EventStoreException unknown = new EventStoreException("The events were committed up to position "
                + commit.end() + " but are not yet readable; they will be written out by the next append", failure);
        accepted.forEach(request -> request.result.completeExceptionally(unknown));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Refuses every command whose events do not continue their aggregate's stream; the others go on. */
    private List<Request> refuseConflicts(List<Request> batch) {
        Map<String, Long> last = lastSequences(batch);
        List<Request> accepted = new ArrayList<>(batch.size());
        for (Request request : batch) {
            Map<String, Long> proposed = new HashMap<>();
            String conflict = null;
            for (Document event : request.events) {
                String aggregate = event.getString(EventLog.AGGREGATE_ID);
                if (event.getString(EventLog.AGGREGATE_TYPE) == null) {
                    continue;
                }
                long expected = proposed.getOrDefault(aggregate, last.getOrDefault(aggregate, -1L)) + 1;
                long sequence = event.getLong(EventLog.SEQUENCE);
                if (sequence != expected) {
                    conflict = aggregate + " is at sequence " + (expected - 1) + ", the command expected "
                            + (sequence - 1);
                    break;
                }
                proposed.put(aggregate, sequence);
            }
            if (conflict == null) {
                last.putAll(proposed);
                accepted.add(request);
            } else {
                request.result.completeExceptionally(new ConcurrencyException(conflict));
            }
        }
        return accepted;
    }

    private Map<String, Long> lastSequences(List<Request> batch) {
        List<String> aggregates = batch.stream().flatMap(request -> request.events.stream())
                .filter(event -> event.getString(EventLog.AGGREGATE_TYPE) != null)
                .map(event -> event.getString(EventLog.AGGREGATE_ID)).distinct().toList();
        Map<String, Long> last = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        aggregates.forEach(aggregate -> {
            Long known = knownSequences.get(aggregate);
            if (known == null) {
                unknown.add(aggregate);
            } else if (known >= 0) {
                last.put(aggregate, known);
            }
        });
        if (!unknown.isEmpty()) {
            log.streams().find(in(EventLog.ID, unknown)).forEach(stream ->
                    last.put(stream.getString(EventLog.ID), stream.getLong(EventLog.LAST_SEQUENCE)));
            unknown.forEach(aggregate -> knownSequences.put(aggregate, last.getOrDefault(aggregate, -1L)));
        }
        return last;
    }

    /** After a commit of this writer: its aggregates are at the sequences it just stored. */
    private void remember(List<Document> committed) {
        committed.stream().filter(event -> event.getString(EventLog.AGGREGATE_TYPE) != null).forEach(event ->
                knownSequences.put(event.getString(EventLog.AGGREGATE_ID), event.getLong(EventLog.SEQUENCE)));
    }

    /** Another writer committed (the compare-and-set failed): what this one knew of the log is out of date. */
    private Head reloadHead() {
        knownSequences.clear();
        return completePendingCommit();
    }

    /** Gives the events their positions and their recorded time; the time never goes back along the log. */
    private Numbered number(List<Request> batch) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant recordedAt = head.lastRecordedAt != null && head.lastRecordedAt.isAfter(now)
                ? head.lastRecordedAt : now;
        long position = head.position;
        byte[] hash = head.lastHash;
        List<Document> numbered = new ArrayList<>();
        for (Request request : batch) {
            for (Document event : request.events) {
                Document document = new Document(EventLog.ID, ++position);
                document.putAll(event);
                Document meta = new Document(event.get(EventLog.META, Document.class));
                meta.put(StoreMetadata.RECORDED_AT, recordedAt.toString());
                document.put(EventLog.META, meta);
                // The hash this event is chained to, kept in it: verify can then tell an event that was changed and
                // had its hash recomputed (the next event names another predecessor) from the next event itself.
                document.put(CanonicalEvent.PREVIOUS, CanonicalEvent.hex(hash));
                hash = CanonicalEvent.chain(hash, document);
                document.put(CanonicalEvent.HASH, CanonicalEvent.hex(hash));
                numbered.add(document);
            }
        }
        return new Numbered(numbered, position, recordedAt, hash);
    }

    private boolean casHead(long expected, Numbered commit) {
        Document updated = log.head().findOneAndUpdate(
                and(eq(EventLog.ID, EventLog.HEAD_ID), eq(EventLog.POSITION, expected)),
                Updates.combine(Updates.set(EventLog.POSITION, commit.end()),
                        Updates.set(EventLog.PENDING, commit.documents()),
                        Updates.set(EventLog.LAST_RECORDED_AT, commit.recordedAt().toString()),
                        Updates.set(EventLog.LAST_HASH, CanonicalEvent.hex(commit.lastHash()))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).projection(new Document(EventLog.ID, 1)));
        return updated != null;
    }

    /**
     * Reads the head and, if a commit was not yet written out (a crash, or another instance mid-way), finishes it;
     * then confirms the head against the last stored event before anything is chained onto it.
     */
    private Head completePendingCommit() {
        while (true) {
            Document document = log.readHead();
            long position = document.getLong(EventLog.POSITION);
            List<Document> pending = document.getList(EventLog.PENDING, Document.class);
            if (pending != null && !pending.isEmpty()) {
                LOG.info("Completing the commit of positions {}..{}", pending.get(0).getLong(EventLog.ID), position);
                writeOut(pending, position);
                durability.flush();
            }
            if (log.eventAt(position + 1) != null) {
                if (log.readHead().getLong(EventLog.POSITION) != position) {
                    continue; // another instance committed meanwhile: look at its head instead
                }
                throw new LedgerIntegrityException("The head names position " + position
                        + " as the last, but an event is stored at " + (position + 1));
            }
            String last = document.getString(EventLog.LAST_RECORDED_AT);
            String lastHash = document.getString(EventLog.LAST_HASH);
            confirm(position, lastHash);
            return new Head(position, last == null ? null : Instant.parse(last),
                    lastHash == null ? CanonicalEvent.GENESIS : CanonicalEvent.unhex(lastHash));
        }
    }

    /**
     * The head names the last position and its hash; new events are chained from that hash. It must be the hash the
     * last stored event has, and that event must match its own content, or a forged head (or a forged last event)
     * would be built upon and the break would show up later, at a genuine event.
     */
    private void confirm(long position, String headHash) {
        if (position == 0) {
            if (headHash != null) {
                throw new LedgerIntegrityException("The head records hash " + headHash + " for an empty log");
            }
            return;
        }
        Document last = log.eventAt(position);
        if (last == null) {
            throw new LedgerIntegrityException("The head names position " + position + ", where no event is stored");
        }
        String stored = last.getString(CanonicalEvent.HASH);
        if (!Objects.equals(stored, headHash)) {
            throw new LedgerIntegrityException("The head records hash " + headHash + " for position " + position
                    + ", the event stored there has " + stored);
        }
        Document before = position == 1 ? null : log.eventAt(position - 1);
        byte[] previous = position == 1 ? CanonicalEvent.GENESIS
                : before == null || before.getString(CanonicalEvent.HASH) == null ? null
                : CanonicalEvent.unhex(before.getString(CanonicalEvent.HASH));
        if (previous == null || !CanonicalEvent.hex(CanonicalEvent.chain(previous, last)).equals(stored)) {
            throw new LedgerIntegrityException("The last event, at position " + position
                    + ", does not match its hash");
        }
    }

    private void raise(LedgerIntegrityException e) {
        if (alarm == null || !alarm.getMessage().equals(e.getMessage())) {
            LOG.error("Appends refused: {}. Run verify (GET /api/audit/verify) and have an auditor look before the"
                    + " ledger records anything more.", e.getMessage());
        }
        alarm = e;
    }

    /** Looks at the head again: appends go on once it matches the stored log (an operator restored it). */
    private boolean clearAlarm() {
        try {
            knownSequences.clear();
            head = completePendingCommit();
            alarm = null;
            LOG.warn("The head matches the stored log again: appends resume at position {}", head.position + 1);
            return true;
        } catch (LedgerIntegrityException e) {
            alarm = e;
            return false;
        } catch (RuntimeException e) {
            LOG.warn("Could not read the head of the event log", e);
            return false;
        }
    }

    /** Why appends are refused, if they are. */
    Optional<String> integrityAlarm() {
        LedgerIntegrityException current = alarm;
        return current == null ? Optional.empty() : Optional.of(current.getMessage());
    }

    private Head safeReload() {
        try {
            return completePendingCommit();
        } catch (LedgerIntegrityException e) {
            raise(e);
            return head;
        } catch (RuntimeException e) {
            LOG.warn("Could not reload the head of the event log", e);
            return head;
        }
    }

    /**
     * Idempotent: writing out the same commit twice, from two instances at once or after a crash, gives the same
     * documents. A position already holding the same event counts as written; one holding another event is an alarm.
     */
    private void writeOut(List<Document> documents, long end) {
        try {
            log.events().insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw e;
            }
            List<Document> present = e.getWriteErrors().stream().map(error -> documents.get(error.getIndex())).toList();
            confirmWritten(present);
        }
        Map<String, List<Document>> byAggregate = new LinkedHashMap<>();
        documents.stream().filter(document -> document.getString(EventLog.AGGREGATE_TYPE) != null).forEach(
                document -> byAggregate.computeIfAbsent(document.getString(EventLog.AGGREGATE_ID),
                        key -> new ArrayList<>()).add(document));
        if (!byAggregate.isEmpty()) {
            List<WriteModel<Document>> updates = new ArrayList<>(byAggregate.size());
            byAggregate.forEach((aggregate, events) -> updates.add(new UpdateOneModel<>(eq(EventLog.ID, aggregate),
                    Updates.combine(
                            Updates.setOnInsert(EventLog.AGGREGATE_TYPE,
                                    events.get(0).getString(EventLog.AGGREGATE_TYPE)),
                            Updates.max(EventLog.LAST_SEQUENCE, events.get(events.size() - 1)
                                    .getLong(EventLog.SEQUENCE)),
                            Updates.addEachToSet(EventLog.POSITIONS,
                                    events.stream().map(event -> event.getLong(EventLog.ID)).toList())),
                    new UpdateOptions().upsert(true))));
            log.streams().bulkWrite(updates);
        }
        log.head().updateOne(and(eq(EventLog.ID, EventLog.HEAD_ID), eq(EventLog.POSITION, end)),
                Updates.combine(Updates.set(EventLog.MATERIALIZED, end), Updates.unset(EventLog.PENDING)));
    }

    /** Each of these events was refused as a duplicate: the same event must be stored at its position. */
    private void confirmWritten(List<Document> expected) {
        Map<Long, Document> stored = new HashMap<>();
        long first = expected.stream().mapToLong(document -> document.getLong(EventLog.ID)).min().orElse(1);
        long last = expected.stream().mapToLong(document -> document.getLong(EventLog.ID)).max().orElse(0);
        log.eventsBetween(first, last).forEach(document -> stored.put(document.getLong(EventLog.ID), document));
        for (Document event : expected) {
            Document found = stored.get(event.getLong(EventLog.ID));
            if (found == null) {
                throw new LedgerIntegrityException("Event " + event.getString(EventLog.EVENT_ID) + " of position "
                        + event.getLong(EventLog.ID) + " is refused as a duplicate but is not stored there");
            }
            if (!Arrays.equals(CanonicalEvent.bytes(found), CanonicalEvent.bytes(event))
                    || !Objects.equals(found.getString(CanonicalEvent.HASH), event.getString(CanonicalEvent.HASH))) {
                throw new LedgerIntegrityException("Position " + event.getLong(EventLog.ID)
                        + " holds another event than the commit being completed");
            }
        }
    }

    private void answer(List<Request> accepted, List<Document> documents) {
        int index = 0;
        for (Request request : accepted) {
            List<AppendedEvent> appended = new ArrayList<>(request.events.size());
            for (int i = 0; i < request.events.size(); i++) {
                appended.add(EventLog.appended(documents.get(index++)));
            }
            request.result.complete(appended);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Request left;
        while ((left = queue.poll()) != null) {
            left.result.completeExceptionally(new EventStoreException("The event store shut down"));
        }
    }

    private record Head(long position, Instant lastRecordedAt, byte[] lastHash) {
    }

    private record Numbered(List<Document> documents, long end, Instant recordedAt, byte[] lastHash) {
    }

    private static final class Request {
        final List<Document> events;
        final CompletableFuture<List<AppendedEvent>> result = new CompletableFuture<>();

        Request(List<Document> events) {
            this.events = events;
        }
    }
}
