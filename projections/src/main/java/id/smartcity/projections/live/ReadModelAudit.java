package id.smartcity.projections.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.smartcity.projections.model.FigureProjector;
import id.smartcity.projections.model.LedgerEvent;
import id.smartcity.projections.model.MemoryViewStore;
import id.smartcity.projections.model.PublishedFigureView;
import id.smartcity.projections.model.RegionProjector;
import id.smartcity.projections.model.RegionView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

/**
 * Checks the live read models against the log: replays it, up to the position each read model has reached, through
 * the same projectors into memory, and compares document by document, naming each document that differs and how.
 * A read model's documents are written by the ledger alone; one edited behind its back shows here. Memory holds one
 * replayed document per region and figure (the read models' size, not the log's) and one batch of live documents.
 */
@Component
public class ReadModelAudit {
    private static final int MAX_NAMED = 20;
    private static final int ATTEMPTS = 3;
    private static final java.time.Duration AHEAD_WAIT = java.time.Duration.ofSeconds(10);

    private final ReadModels readModels;
    private final EventStorageEngine events;
    private final ObjectMapper json = ReadModels.objectMapper();

    public ReadModelAudit(ReadModels readModels, EventStorageEngine events) {
        this.readModels = readModels;
        this.events = events;
    }

    /** One read model's comparison: MATCHES, DIFFERS, or NOT_VERIFIED (being rebuilt, or moving throughout). */
    public record Result(String readModel, String status, long position, long documents, long differing,
                         List<String> differences) {
        public boolean matches() {
            return status.equals("MATCHES");
        }
    }

    public List<Result> verify() {
        List<Result> results = List.of();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Map<String, MongoViewStore.Progress> progress = readModels.progress();
            MongoViewStore.Progress regionsAt = progress.getOrDefault(readModels.regions().collectionName(),
                    new MongoViewStore.Progress(0, null));
            MongoViewStore.Progress figuresAt = progress.getOrDefault(readModels.figures().collectionName(),
                    new MongoViewStore.Progress(0, null));
            if (regionsAt.rebuilding() || figuresAt.rebuilding()) {
                return List.of(notVerified(ReadModels.REGIONS, regionsAt, "being rebuilt"),
                        notVerified(ReadModels.PUBLISHED_FIGURES, figuresAt, "being rebuilt"));
            }
            long head = head();
            MemoryViewStore<RegionView> regions = new MemoryViewStore<>();
            MemoryViewStore<PublishedFigureView> figures = new MemoryViewStore<>();
            replay(regionsAt.position(), figuresAt.position(), regions, figures);
            Comparison regionsCompared = compare(ReadModels.REGIONS, regionsAt.position(), head, regions.byId(),
                    readModels.regions(), RegionView::lastPosition);
            Comparison figuresCompared = compare(ReadModels.PUBLISHED_FIGURES, figuresAt.position(), head,
                    figures.byId(), readModels.figures(), PublishedFigureView::position);
            results = List.of(regionsCompared.result(), figuresCompared.result());
            long ahead = Math.max(regionsCompared.aheadUpTo(), figuresCompared.aheadUpTo());
            if (ahead == 0) {
                return results;
            }
            // Documents written beyond their read model's recorded position: a batch between writing its documents
            // and its position, or a crash between the two (the processor redelivers and records it). Compared once
            // the read model has recorded that far.
            awaitReadModels(ahead);
        }
        return results;
    }

    private long head() {
        TrackingToken head = events.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    private void awaitReadModels(long position) {
        long deadline = System.nanoTime() + AHEAD_WAIT.toNanos();
        while (readModels.position() < position && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A comparison, and the furthest position a document claims beyond its read model's (0 if none does). */
    private record Comparison(Result result, long aheadUpTo) {
    }

    private void replay(long regionsUpTo, long figuresUpTo, MemoryViewStore<RegionView> regions,
                        MemoryViewStore<PublishedFigureView> figures) {
        RegionProjector regionProjector = new RegionProjector();
        FigureProjector figureProjector = new FigureProjector();
        long upTo = Math.max(regionsUpTo, figuresUpTo);
        try (Stream<? extends TrackedEventMessage<?>> log = events.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = log.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> message = iterator.next();
                LedgerEvent event = LedgerEvents.of(message);
                long position = event.position();
                if (position > upTo) {
                    break;
                }
                if (position <= regionsUpTo) {
                    regionProjector.apply(event, regions);
                }
                if (position <= figuresUpTo) {
                    figureProjector.apply(event, figures);
                }
            }
        }
    }

    /**
     * Compares the live documents with the replay up to {@code position}. A document whose last event lies beyond it
     * but within the log was written before its read model recorded its position: it is not compared now, and if that
     * is all that differs the read model is NOT_VERIFIED, never said to match or to differ. One beyond the log's head
     * rests on no event at all.
     */
    private <V> Comparison compare(String name, long position, long head, Map<String, V> replayed,
                                   MongoViewStore<V> live, ToLongFunction<V> lastPosition) {
        Set<String> seen = new HashSet<>();
        List<String> named = new ArrayList<>();
        long[] counts = new long[3];
        long[] aheadUpTo = new long[1];
        if (position > head) {
            // Its processor records only what it applied: a position beyond the head was written by someone else.
            counts[1]++;
            named.add("the read model claims position " + position + ", beyond the log's head " + head);
        }
        live.forEachWithId((id, stored) -> {
            seen.add(id);
            long claimed = lastPosition.applyAsLong(stored);
            String difference;
            if (claimed > head) {
                difference = "claims to rest on position " + claimed + ", beyond the log's head " + head;
            } else if (claimed > position) {
                counts[2]++;
                aheadUpTo[0] = Math.max(aheadUpTo[0], claimed);
                return;
            } else {
                V expected = replayed.get(id);
                difference = expected == null ? "is not in the log: no event up to position " + position
                        + " makes it" : difference(json.valueToTree(expected), json.valueToTree(stored), "");
            }
            counts[0]++;
            if (difference != null) {
                counts[1]++;
                if (named.size() < MAX_NAMED) {
                    named.add(id + " " + difference);
                }
            }
        });
        for (String id : replayed.keySet()) {
            if (!seen.contains(id)) {
                counts[1]++;
                if (named.size() < MAX_NAMED) {
                    named.add(id + " is missing: the log up to position " + position + " makes it");
                }
            }
        }
        String status = counts[1] > 0 ? "DIFFERS" : counts[2] > 0 ? "NOT_VERIFIED" : "MATCHES";
        if (counts[1] == 0 && counts[2] > 0) {
            named.add(counts[2] + " document(s) rest on positions up to " + aheadUpTo[0] + ", beyond the " + position
                    + " their read model has recorded: not compared");
        }
        return new Comparison(new Result(name, status, position, counts[0], counts[1], List.copyOf(named)),
                aheadUpTo[0]);
    }

    /** The first field where the stored document departs from the replayed one, or null when they agree. */
    private static String difference(JsonNode expected, JsonNode stored, String path) {
        if (expected.equals(stored)) {
            return null;
        }
        if (expected.isObject() && stored.isObject()) {
            Set<String> fields = new java.util.TreeSet<>();
            expected.fieldNames().forEachRemaining(fields::add);
            stored.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                String found = difference(expected.path(field), stored.path(field), path + "." + field);
                if (found != null) {
                    return found;
                }
            }
        }
        if (expected.isArray() && stored.isArray() && expected.size() == stored.size()) {
            for (int i = 0; i < expected.size(); i++) {
                String found = difference(expected.get(i), stored.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return "differs at " + (path.isEmpty() ? "the root" : path.substring(1)) + ": stored " + abbreviate(stored)
                + ", the log gives " + abbreviate(expected);
    }

    private static String abbreviate(JsonNode node) {
        String text = node.isMissingNode() ? "nothing" : node.toString();
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }

    private static Result notVerified(String name, MongoViewStore.Progress progress, String why) {
        return new Result(name, "NOT_VERIFIED", progress == null ? 0 : progress.position(), 0, 0,
                List.of("not verified: " + why));
    }
}
