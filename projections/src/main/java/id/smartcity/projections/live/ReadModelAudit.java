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
        Map<String, MongoViewStore.Progress> progress = readModels.progress();
        MongoViewStore.Progress regionsAt = progress.getOrDefault(readModels.regions().collectionName(),
                new MongoViewStore.Progress(0, null));
        MongoViewStore.Progress figuresAt = progress.getOrDefault(readModels.figures().collectionName(),
                new MongoViewStore.Progress(0, null));
        if (regionsAt.rebuilding() || figuresAt.rebuilding()) {
            return List.of(notVerified(ReadModels.REGIONS, regionsAt, "being rebuilt"),
                    notVerified(ReadModels.PUBLISHED_FIGURES, figuresAt, "being rebuilt"));
        }
        MemoryViewStore<RegionView> regions = new MemoryViewStore<>();
        MemoryViewStore<PublishedFigureView> figures = new MemoryViewStore<>();
        replay(regionsAt.position(), figuresAt.position(), regions, figures);
        return List.of(
                compare(ReadModels.REGIONS, regionsAt.position(), regions.byId(), readModels.regions(),
                        RegionView::lastPosition),
                compare(ReadModels.PUBLISHED_FIGURES, figuresAt.position(), figures.byId(), readModels.figures(),
                        PublishedFigureView::position));
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
                long position = message.trackingToken().position().orElseThrow();
                if (position > upTo) {
                    break;
                }
                LedgerEvent event = LedgerEvent.of(position, message.getMetaData(), message.getPayload());
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
     * Compares the live documents with the replay up to {@code position}. A live document whose last event lies
     * beyond it was written after the position was read (the read model moves on while it is compared): it cannot be
     * compared now and is left out, not counted as a difference.
     */
    private <V> Result compare(String name, long position, Map<String, V> replayed, MongoViewStore<V> live,
                              ToLongFunction<V> lastPosition) {
        Set<String> seen = new HashSet<>();
        List<String> named = new ArrayList<>();
        long[] counts = new long[2];
        Map<String, Long> movedOn = new java.util.HashMap<>();
        live.forEachWithId((id, stored) -> {
            seen.add(id);
            if (lastPosition.applyAsLong(stored) > position) {
                movedOn.put(id, lastPosition.applyAsLong(stored));
                return;
            }
            counts[0]++;
            V expected = replayed.get(id);
            String difference = expected == null ? "is not in the log: no event up to position " + position
                    + " makes it" : difference(json.valueToTree(expected), json.valueToTree(stored), "");
            if (difference != null) {
                counts[1]++;
                if (named.size() < MAX_NAMED) {
                    named.add(id + " " + difference);
                }
            }
        });
        // Moved on, or forged to look so: a document cannot rest on an event its read model has not reached.
        long reachedSince = readModels.progress().getOrDefault(live.collectionName(),
                new MongoViewStore.Progress(0, null)).position();
        movedOn.forEach((id, claimed) -> {
            if (claimed > reachedSince) {
                counts[1]++;
                if (named.size() < MAX_NAMED) {
                    named.add(id + " claims to rest on position " + claimed + ", beyond the " + reachedSince
                            + " its read model has reached");
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
        return new Result(name, counts[1] == 0 ? "MATCHES" : "DIFFERS", position, counts[0], counts[1],
                List.copyOf(named));
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
