package id.smartcity.projections.live;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import id.smartcity.eventstore.ReadStrategy;
import id.smartcity.projections.model.BusinessDates;
import id.smartcity.projections.model.LedgerEvent;
import id.smartcity.projections.model.MemoryViewStore;
import id.smartcity.projections.model.RegionProjector;
import id.smartcity.projections.model.RegionView;
import id.smartcity.projections.model.TimelineEntry;
import id.smartcity.projections.model.ViewStore;
import id.smartcity.projections.reports.YearlyCounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The index that answers {@code asOf} and {@code knownAt} for the annual totals without replaying the log (ADR 18).
 *
 * <p>Kept by the regions processor beside the dossiers: for every position, the event's business date, when it was
 * recorded, and how it changed the programme's {@link YearlyCounts}, each change filed under the business date from
 * which it holds. An event that comes in date order changes the counts of every date from its own on by the same
 * amount: one change. A back-dated one (an earlier business date than events of its region already recorded) can
 * change each later date of its region differently: its region is folded again from its own events, date by date,
 * and the differences are filed. Every {@value #CHECKPOINT_EVERY} positions a checkpoint sums the changes so far per
 * date, so that a question reads one checkpoint and at most that many positions after it, whatever the log's length.
 * Positions are filed {@value #PAGE} to a document ({@code {_id: page, p: {offset: entry}}}), each entry set by its
 * own path, so that a write is idempotent and a replay writes a page per hundred events, not a document per event.
 *
 * <p>The counts as of date D from the events up to position P are the sum of the changes filed under dates up to D
 * at positions up to P: exactly what a replay of those events with that date filter gives (a test holds them equal).
 */
public final class TimeTravelIndex {
    /** Positions between two checkpoints: a question reads at most this many position documents. */
    public static final int CHECKPOINT_EVERY = 2000;
    /** Positions per page document: position p is entry {@code p % PAGE} of page {@code p / PAGE}. */
    public static final int PAGE = 100;
    private static final String ENTRIES = "p";
    private static final String BUFFER = "time-travel-index-buffer";
    private static final String ID = "_id";
    /** The event's business date (epoch day); absent when it has none (then it counts for every date). */
    private static final String DATE = "d";
    /** When the event was recorded: epoch seconds and nanoseconds, as precise as the log; absent when unknown. */
    private static final String RECORDED = "r";
    private static final String RECORDED_NANOS = "rn";
    /** In a page: the earliest recorded time of its entries, in nanoseconds since the epoch. */
    private static final String PAGE_RECORDED = "t";
    /** The changes: each a date (absent: every date) and the counts it adds. */
    private static final String CHANGES = "x";
    private static final String COUNTS = "c";
    /** In a checkpoint: per date, the last position with that business date, and the counts changed under it. */
    private static final String DATES = "dates";
    private static final String LAST = "last";

    private final MongoCollection<Document> positions;
    private final MongoCollection<Document> checkpoints;
    private final ReadStrategy reads;
    private final Function<List<Long>, List<LedgerEvent>> log;

    /**
     * @param log the events at given positions, in position order: what a back-dated event's region is folded
     *            again from
     */
    public TimeTravelIndex(MongoCollection<Document> positions, MongoCollection<Document> checkpoints,
                           ReadStrategy reads, Function<List<Long>, List<LedgerEvent>> log) {
        this.positions = positions;
        this.checkpoints = checkpoints;
        this.reads = reads;
        this.log = log;
    }

    /** The programme's counts, and the last position whose event they include. */
    public record Counted(YearlyCounts counts, long position) {
    }

    /**
     * Applies {@code event} to the dossiers through {@code apply} and files what it changed. Called by the regions
     * processor for every event, in log order.
     */
    public void record(LedgerEvent event, ViewStore<RegionView> dossiers, BooleanSupplier apply) {
        String code = RegionProjector.regionOf(event.payload());
        RegionView before = code == null ? null : dossiers.find(code);
        if (before != null && before.lastPosition() >= event.position()) {
            // Delivered again after a crash: its position document was written before the dossier that holds it.
            apply.getAsBoolean();
            return;
        }
        YearlyCounts countsBefore = YearlyCounts.of(before);
        List<TimelineEntry> earlier = before == null ? List.of() : List.copyOf(before.timeline());
        LocalDate date = BusinessDates.of(event.payload());
        Document entry = new Document(ID, event.position());
        if (date != null) {
            entry.put(DATE, date.toEpochDay());
        }
        if (event.recordedAt() != null) {
            entry.put(RECORDED, event.recordedAt().getEpochSecond());
            entry.put(RECORDED_NANOS, event.recordedAt().getNano());
        }
        if (apply.getAsBoolean()) {
            List<Document> changes = new ArrayList<>();
            changes(event, code, date, countsBefore, YearlyCounts.of(dossiers.find(code)), earlier)
                    .forEach((from, counts) -> changes.add(change(from, counts)));
            if (!changes.isEmpty()) {
                entry.put(CHANGES, changes);
            }
        }
        List<Document> buffer = buffer();
        if (buffer == null) {
            write(List.of(entry), event.position());
        } else {
            buffer.add(entry);
        }
    }

    /**
     * Writes the batch's position documents and any checkpoint they complete, when the batch's last event has been
     * handled: before the dossiers, so that a crash leaves the dossiers behind the index, never ahead of it.
     */
    public void flushAtEndOfBatch(long position) {
        UnitOfWork<?> batch = MongoViewStore.endOfBatch();
        if (batch == null) {
            return;
        }
        List<Document> buffer = batch.getResource(BUFFER);
        if (buffer != null) {
            write(buffer, position);
            buffer.clear();
        }
    }

    public void drop() {
        if (positions.estimatedDocumentCount() > 0) {
            positions.drop();
        }
        if (checkpoints.estimatedDocumentCount() > 0) {
            checkpoints.drop();
        }
    }

    /**
     * The counts as of {@code asOf} (null: every date) from the events up to position {@code upTo}, which the
     * index must have reached; empty when a document it needs is missing (then only a replay can answer).
     */
    public Optional<Counted> counts(LocalDate asOf, long upTo) {
        long checkpoint = upTo / CHECKPOINT_EVERY;
        Map<Long, Dated> dated = new HashMap<>();
        if (checkpoint > 0) {
            Document stored = checkpoints.find(eq(ID, checkpoint)).first();
            if (stored == null) {
                return Optional.empty();
            }
            dated = read(stored);
        }
        YearlyCounts counts = new YearlyCounts();
        long included = 0;
        for (Map.Entry<Long, Dated> entry : dated.entrySet()) {
            if (holds(entry.getKey(), asOf)) {
                counts.add(entry.getValue().counts());
                included = Math.max(included, entry.getValue().last());
            }
        }
        List<Document> after = between(checkpoint * CHECKPOINT_EVERY + 1, upTo);
        if (after.size() != upTo - checkpoint * CHECKPOINT_EVERY) {
            return Optional.empty();
        }
        for (Document position : after) {
            if (holds(dateOf(position), asOf)) {
                included = Math.max(included, position.getLong(ID));
            }
            for (Document change : changesOf(position)) {
                if (holds(dateOf(change), asOf)) {
                    counts.add(counts(change));
                }
            }
        }
        return Optional.of(new Counted(counts, included));
    }

    /**
     * The last position, up to {@code upTo}, recorded by {@code knownAt}: just before the first event recorded after
     * it. Recorded times never decrease along the log, so a binary search finds it: first over the pages' earliest
     * times (a few bytes each), then over the positions of the one or two pages where the answer lies.
     */
    public Optional<Long> positionKnownAt(Instant knownAt, long upTo) {
        long known = epochNanos(knownAt);
        long firstPage = 0;
        long afterPages = upTo / PAGE + 1;
        // The first page whose earliest entry was recorded after knownAt lies in [firstPage, afterPages].
        while (firstPage < afterPages) {
            long middle = firstPage + (afterPages - firstPage) / 2;
            Document page = positions.find(eq(ID, middle)).projection(new Document(PAGE_RECORDED, 1)).first();
            if (page == null) {
                return Optional.empty();
            }
            Number earliest = page.get(PAGE_RECORDED, Number.class);
            if (earliest != null && earliest.longValue() > known) {
                afterPages = middle;
            } else {
                firstPage = middle + 1;
            }
        }
        // The first position recorded after knownAt lies in page firstPage - 1 or firstPage (entries without a
        // recorded time count as known, so it may come after some of firstPage's): both are searched, and an entry
        // missing from them leaves the question to the replay.
        long low = Math.max(1, (firstPage - 1) * PAGE);
        long high = Math.min(upTo + 1, (firstPage + 1) * PAGE);
        Map<Long, Document> pages = new HashMap<>();
        // The first position recorded after knownAt lies in [low, high]; high = upTo + 1 stands for "none".
        while (low < high) {
            long middle = low + (high - low) / 2;
            Document position = entry(middle, pages);
            if (position == null) {
                return Optional.empty();
            }
            Number seconds = position.get(RECORDED, Number.class);
            Number nanos = position.get(RECORDED_NANOS, Number.class);
            if (seconds != null && Instant.ofEpochSecond(seconds.longValue(), nanos == null ? 0 : nanos.longValue())
                    .isAfter(knownAt)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return Optional.of(low - 1);
    }

    /** An instant in nanoseconds since the epoch, those beyond a long's range held at its ends. */
    private static long epochNanos(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (ArithmeticException e) {
            return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** A date (epoch day; null for none) holds as of {@code asOf} (null: every date). */
    private static boolean holds(Long date, LocalDate asOf) {
        return date == null || asOf == null || date <= asOf.toEpochDay();
    }

    /**
     * What the event changed, by the date from which each change holds. In date order: the difference of its
     * region's counts, from the event's date on. Back-dated: for each date from the event's own to its region's
     * last, the difference between the region folded with and without it up to that date, less what the earlier
     * dates already account for.
     */
    private TreeMap<Long, YearlyCounts> changes(LedgerEvent event, String code, LocalDate date, YearlyCounts before,
                                                YearlyCounts after, List<TimelineEntry> earlier) {
        Long key = date == null ? null : date.toEpochDay();
        TreeMap<Long, YearlyCounts> changes = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        boolean inOrder = earlier.stream().allMatch(entry -> entry.date() == null
                || key != null && entry.date().toEpochDay() <= key);
        if (inOrder) {
            YearlyCounts change = after.minus(before);
            if (!change.isZero()) {
                changes.put(key, change);
            }
            return changes;
        }
        List<LedgerEvent> without = log.apply(earlier.stream().map(TimelineEntry::position).toList());
        List<LedgerEvent> with = new ArrayList<>(without);
        with.add(event);
        TreeSet<Long> dates = new TreeSet<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        dates.add(key);
        earlier.stream().filter(entry -> entry.date() != null && (key == null || entry.date().toEpochDay() > key))
                .forEach(entry -> dates.add(entry.date().toEpochDay()));
        YearlyCounts accounted = new YearlyCounts();
        for (Long from : dates) {
            YearlyCounts difference = fold(with, code, from).minus(fold(without, code, from));
            YearlyCounts change = difference.minus(accounted);
            if (!change.isZero()) {
                changes.put(from, change);
            }
            accounted = difference;
        }
        return changes;
    }

    /** The region's counts from its events with a business date up to {@code upTo} (null: only undated ones). */
    private static YearlyCounts fold(List<LedgerEvent> events, String code, Long upTo) {
        RegionProjector projector = new RegionProjector();
        MemoryViewStore<RegionView> store = new MemoryViewStore<>();
        for (LedgerEvent event : events) {
            LocalDate date = BusinessDates.of(event.payload());
            if (date == null || upTo != null && date.toEpochDay() <= upTo) {
                projector.apply(event, store);
            }
        }
        return YearlyCounts.of(store.find(code));
    }

    /** The entry of one position, its page read once per question. */
    private Document entry(long position, Map<Long, Document> pages) {
        Document page = pages.computeIfAbsent(position / PAGE, number -> {
            Document found = positions.find(eq(ID, number)).first();
            return found == null ? new Document() : found;
        });
        Document entries = page.get(ENTRIES, Document.class);
        return entries == null ? null : entries.get(Long.toString(position % PAGE), Document.class);
    }

    private void write(List<Document> entries, long position) {
        if (!entries.isEmpty()) {
            Map<Long, Document> byPage = new LinkedHashMap<>();
            Map<Long, Long> earliest = new HashMap<>();
            for (Document entry : entries) {
                long at = entry.getLong(ID);
                byPage.computeIfAbsent(at / PAGE, page -> new Document()).put(Long.toString(at % PAGE), entry);
                Number seconds = entry.get(RECORDED, Number.class);
                if (seconds != null) {
                    earliest.merge(at / PAGE, epochNanos(Instant.ofEpochSecond(seconds.longValue(),
                            entry.get(RECORDED_NANOS, Number.class).longValue())), Math::min);
                }
            }
            List<WriteModel<Document>> writes = new ArrayList<>(byPage.size());
            byPage.forEach((page, pageEntries) -> {
                Long pageEarliest = earliest.get(page);
                if (pageEntries.size() == (page == 0 ? PAGE - 1 : PAGE)) {
                    // The batch holds the whole page: written as one document, which the server stores as it is
                    // rather than applying a hundred paths (a replay writes almost only whole pages).
                    Document whole = new Document(ID, page).append(ENTRIES, pageEntries);
                    if (pageEarliest != null) {
                        whole.append(PAGE_RECORDED, pageEarliest);
                    }
                    writes.add(new ReplaceOneModel<>(eq(ID, page), whole, new ReplaceOptions().upsert(true)));
                    return;
                }
                List<Bson> updates = new ArrayList<>(pageEntries.size() + 1);
                pageEntries.forEach((offset, entry) -> updates.add(Updates.set(ENTRIES + "." + offset, entry)));
                if (pageEarliest != null) {
                    // One $min per page: a second one on the same field would replace the first in the update.
                    updates.add(Updates.min(PAGE_RECORDED, pageEarliest));
                }
                writes.add(new UpdateOneModel<>(eq(ID, page), Updates.combine(updates),
                        new UpdateOptions().upsert(true)));
            });
            positions.bulkWrite(writes);
        }
        checkpointUpTo(position / CHECKPOINT_EVERY);
    }

    /** Writes every checkpoint up to number {@code last} that is missing, each from the one before it. */
    private void checkpointUpTo(long last) {
        if (last < 1 || checkpoints.find(eq(ID, last)).first() != null) {
            return;
        }
        long from = last - 1;
        Document stored = null;
        while (from > 0 && (stored = checkpoints.find(eq(ID, from)).first()) == null) {
            from--;
        }
        Map<Long, Dated> dated = stored == null ? new HashMap<>() : read(stored);
        for (long number = from + 1; number <= last; number++) {
            List<Document> stretch = between((number - 1) * CHECKPOINT_EVERY + 1, number * CHECKPOINT_EVERY);
            if (stretch.size() != CHECKPOINT_EVERY) {
                // A position the index never filed (a log recorded before it existed): no sum may pass it.
                return;
            }
            for (Document position : stretch) {
                long at = position.getLong(ID);
                dated.computeIfAbsent(dateOf(position), date -> new Dated(0, new YearlyCounts())).last = at;
                for (Document change : changesOf(position)) {
                    dated.computeIfAbsent(dateOf(change), date -> new Dated(0, new YearlyCounts())).counts
                            .add(counts(change));
                }
            }
            List<Document> dates = new ArrayList<>();
            dated.forEach((date, entry) -> {
                Document document = new Document(DATE, date).append(LAST, entry.last());
                document.put(COUNTS, counts(entry.counts()));
                dates.add(document);
            });
            checkpoints.replaceOne(eq(ID, number), new Document(ID, number).append(DATES, dates),
                    new ReplaceOptions().upsert(true));
        }
    }

    /** Per date in a checkpoint: the last position with that business date, and the counts changed under it. */
    private static final class Dated {
        long last;
        final YearlyCounts counts;

        Dated(long last, YearlyCounts counts) {
            this.last = last;
            this.counts = counts;
        }

        long last() {
            return last;
        }

        YearlyCounts counts() {
            return counts;
        }
    }

    private static Map<Long, Dated> read(Document checkpoint) {
        Map<Long, Dated> dated = new HashMap<>();
        for (Document date : checkpoint.getList(DATES, Document.class)) {
            YearlyCounts counts = new YearlyCounts();
            counts.add(counts(date));
            dated.put(dateOf(date), new Dated(date.get(LAST, Number.class).longValue(), counts));
        }
        return dated;
    }

    /** The entries of positions {@code from..to} that the index holds, in position order. */
    private List<Document> between(long from, long to) {
        List<Document> found = new ArrayList<>();
        if (to >= from) {
            List<Document> pages = new ArrayList<>();
            reads.findByIds(positions, LongStream.rangeClosed(from / PAGE, to / PAGE).boxed().toList(), null, pages);
            for (Document page : pages) {
                Document entries = page.get(ENTRIES, Document.class);
                for (Object entry : entries == null ? List.of() : entries.values()) {
                    long at = ((Document) entry).getLong(ID);
                    if (at >= from && at <= to) {
                        found.add((Document) entry);
                    }
                }
            }
            found.sort(Comparator.comparingLong(document -> document.getLong(ID)));
        }
        return found;
    }

    private static Long dateOf(Document document) {
        Number date = document.get(DATE, Number.class);
        return date == null ? null : date.longValue();
    }

    private static List<Document> changesOf(Document position) {
        List<Document> changes = position.getList(CHANGES, Document.class);
        return changes == null ? List.of() : changes;
    }

    private static Document change(Long from, YearlyCounts counts) {
        Document change = new Document();
        if (from != null) {
            change.put(DATE, from);
        }
        change.put(COUNTS, counts(counts));
        return change;
    }

    /** Counts as a list of years, each {@code [year, count...]} in {@link YearlyCounts.Count} order. */
    private static List<List<Long>> counts(YearlyCounts counts) {
        List<List<Long>> years = new ArrayList<>();
        counts.forEachYear((year, values) -> {
            List<Long> row = new ArrayList<>(values.length + 1);
            row.add(year.longValue());
            LongStream.of(values).forEach(row::add);
            years.add(row);
        });
        return years;
    }

    private static YearlyCounts counts(Document document) {
        YearlyCounts counts = new YearlyCounts();
        for (List<?> row : document.getList(COUNTS, List.class)) {
            long[] values = new long[row.size() - 1];
            for (int i = 1; i < row.size(); i++) {
                values[i - 1] = ((Number) row.get(i)).longValue();
            }
            counts.addAll(((Number) row.get(0)).intValue(), values, 1);
        }
        return counts;
    }

    private List<Document> buffer() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(BUFFER, key -> {
            List<Document> buffer = new ArrayList<>();
            // Registered before the dossiers' (the index is recorded before the projector runs), so this runs first.
            batch.onPrepareCommit(unitOfWork -> {
                if (!buffer.isEmpty()) {
                    write(buffer, buffer.get(buffer.size() - 1).getLong(ID));
                    buffer.clear();
                }
            });
            return buffer;
        });
    }
}
