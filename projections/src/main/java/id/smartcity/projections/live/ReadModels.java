package id.smartcity.projections.live;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoCollection;
import id.smartcity.eventstore.MongoEventStorageEngine;
import id.smartcity.eventstore.ReadStrategy;
import id.smartcity.projections.model.LedgerEvent;
import id.smartcity.projections.model.PublishedFigureView;
import id.smartcity.projections.model.RegionView;
import id.smartcity.projections.reports.ProgrammeSnapshot;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/** The live read models, each kept by its own processing group, and the programme as they show it now. */
@Component
public class ReadModels {
    public static final String REGIONS = "regions";
    public static final String PUBLISHED_FIGURES = "published-figures";

    /**
     * The shape of the read models' documents. 2: timeline entries and reconciliation rows carry phrase codes with
     * parameters (issue 19). 3: the regions processor keeps the time-travel index beside the dossiers (ADR 18), which
     * a read model built before it lacks. 4: the index files its positions a page of a hundred to a document. A read
     * model recorded in another format is rebuilt at start ({@link #outdated()}).
     */
    public static final int FORMAT = 4;

    private final MongoViewStore<RegionView> regions;
    private final java.util.Set<String> outdated;
    private final MongoViewStore<PublishedFigureView> figures;
    private final TimeTravelIndex timeTravelIndex;
    private final MongoCollection<Document> positions;
    private volatile Cached cached = new Cached(-1, -1, null);

    /** The live snapshot and the read-model positions it was read at. */
    private record Cached(long regionsPosition, long figuresPosition, ProgrammeSnapshot snapshot) {
        boolean isAt(long regions, long figures) {
            return snapshot != null && regionsPosition == regions && figuresPosition == figures;
        }
    }

    public ReadModels(MongoDatabaseFactory mongo, ReadStrategy reads, MongoEventStorageEngine log) {
        ObjectMapper json = objectMapper();
        this.positions = mongo.getMongoDatabase().getCollection("rm_positions");
        this.regions = new MongoViewStore<>(mongo.getMongoDatabase().getCollection("rm_regions"), positions, json,
                RegionView.class, reads);
        this.figures = new MongoViewStore<>(mongo.getMongoDatabase().getCollection("rm_published_figures"),
                positions, json, PublishedFigureView.class, reads);
        this.timeTravelIndex = new TimeTravelIndex(mongo.getMongoDatabase().getCollection("rm_time_travel"),
                mongo.getMongoDatabase().getCollection("rm_time_travel_checkpoints"), reads,
                at -> log.readEventsAt(at).map(LedgerEvents::of).toList());
        // Read here, while the context is built and before the processors start: their first batch records the
        // current format, and an outdated read model would then pass for a current one.
        this.outdated = byProcessor().entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(MongoViewStore::builtInAnotherFormat))
                .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * Dates as ISO strings, so the documents read well in a Mongo shell and compare field for field; decimals keep
     * their scale (a score of 87.50 stays 87.50).
     */
    static ObjectMapper objectMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public MongoViewStore<RegionView> regions() {
        return regions;
    }

    public MongoViewStore<PublishedFigureView> figures() {
        return figures;
    }

    /** The index the regions processor keeps for time travel (ADR 18). */
    public TimeTravelIndex timeTravelIndex() {
        return timeTravelIndex;
    }

    /**
     * Drops a processor's read model for a rebuild: its documents, and for the regions the time-travel index kept
     * beside them; until the rebuild has replayed up to {@code head}, reports refuse rather than show it half-built.
     */
    public void dropForRebuild(String processor, long head) {
        byProcessor().get(processor).forEach(store -> {
            store.drop();
            store.markRebuilding(head);
        });
        if (REGIONS.equals(processor)) {
            timeTravelIndex.drop();
        }
    }

    /**
     * How far the regions read model, and so the time-travel index, has reached; 0 while it is being rebuilt (the
     * index is written before the dossiers, so it holds at least this much).
     */
    public long regionsReached() {
        MongoViewStore.Progress reached = progress(MongoViewStore.positions(this.positions), regions);
        return reached.rebuilding() ? 0 : reached.position();
    }

    /** The read models by processing group name. */
    /** The processors whose read models were found, at start, in another format than {@link #FORMAT}. */
    public java.util.Set<String> outdated() {
        return outdated;
    }

    public Map<String, List<MongoViewStore<?>>> byProcessor() {
        return Map.of(REGIONS, List.of(regions), PUBLISHED_FIGURES, List.of(figures));
    }

    public Optional<RegionView> region(String code) {
        return Optional.ofNullable(regions.find(code));
    }

    /**
     * The programme as the live read models show it, named by the position both have reached (each records it after
     * writing a batch's documents, so the documents hold at least that much). Read again only when a read model has
     * moved on since the last read; between events every query shares one snapshot. Refused while a read model is
     * being rebuilt: a half-built one would answer with figures that look complete.
     */
    public ProgrammeSnapshot snapshot() {
        // Both positions in one round trip: every report request asks.
        Map<String, MongoViewStore.Progress> positions = MongoViewStore.positions(this.positions);
        MongoViewStore.Progress regionsAt = progress(positions, regions);
        MongoViewStore.Progress figuresAt = progress(positions, figures);
        if (regionsAt.rebuilding()) {
            throw ReadModelNotReady.rebuilding(REGIONS, regionsAt.position(), regionsAt.rebuildingTo());
        }
        if (figuresAt.rebuilding()) {
            throw ReadModelNotReady.rebuilding(PUBLISHED_FIGURES, figuresAt.position(), figuresAt.rebuildingTo());
        }
        long regionsPosition = regionsAt.position();
        long figuresPosition = figuresAt.position();
        Cached last = cached;
        if (last.isAt(regionsPosition, figuresPosition)) {
            return last.snapshot();
        }
        // One reader at a time: sixteen clients arriving together once read 83,000 dossiers each and timed out.
        synchronized (this) {
            last = cached;
            if (last.isAt(regionsPosition, figuresPosition)) {
                return last.snapshot();
            }
            ProgrammeSnapshot snapshot = read(Math.min(regionsPosition, figuresPosition));
            cached = new Cached(regionsPosition, figuresPosition, snapshot);
            return snapshot;
        }
    }

    /** Each read model's progress by collection name, in one round trip. */
    Map<String, MongoViewStore.Progress> progress() {
        return MongoViewStore.positions(positions);
    }

    /** The position both live read models have reached (0 while one is being rebuilt). */
    public long position() {
        Map<String, MongoViewStore.Progress> positions = MongoViewStore.positions(this.positions);
        MongoViewStore.Progress regionsAt = progress(positions, regions);
        MongoViewStore.Progress figuresAt = progress(positions, figures);
        return regionsAt.rebuilding() || figuresAt.rebuilding() ? 0
                : Math.min(regionsAt.position(), figuresAt.position());
    }

    /**
     * Read-your-writes: waits until both read models have reached {@code atLeast} (the position a command's answer
     * named), polling their positions, for at most {@code timeout}; then refuses, never answering with less.
     */
    public void awaitAtLeast(long atLeast, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long reached = position();
        while (reached < atLeast) {
            if (System.nanoTime() > deadline) {
                throw ReadModelNotReady.behind(reached, atLeast);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ReadModelNotReady.behind(reached, atLeast);
            }
            reached = position();
        }
    }

    private static MongoViewStore.Progress progress(Map<String, MongoViewStore.Progress> positions,
                                                    MongoViewStore<?> store) {
        return positions.getOrDefault(store.collectionName(), new MongoViewStore.Progress(0, null));
    }

    private ProgrammeSnapshot read(long position) {
        Collection<RegionView> allRegions = List.copyOf(regions.all());
        Collection<PublishedFigureView> allFigures = List.copyOf(figures.all());
        return new ProgrammeSnapshot(allRegions, allFigures, position, null, null);
    }
}
