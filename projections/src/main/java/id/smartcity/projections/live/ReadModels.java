package id.smartcity.projections.live;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoCollection;
import id.smartcity.projections.model.PublishedFigureView;
import id.smartcity.projections.model.RegionView;
import id.smartcity.projections.reports.ProgrammeSnapshot;
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

    private final MongoViewStore<RegionView> regions;
    private final MongoViewStore<PublishedFigureView> figures;
    private final MongoCollection<Document> positions;
    private volatile Cached cached = new Cached(-1, -1, null);

    /** The live snapshot and the read-model positions it was read at. */
    private record Cached(long regionsPosition, long figuresPosition, ProgrammeSnapshot snapshot) {
        boolean isAt(long regions, long figures) {
            return snapshot != null && regionsPosition == regions && figuresPosition == figures;
        }
    }

    public ReadModels(MongoDatabaseFactory mongo) {
        ObjectMapper json = objectMapper();
        this.positions = mongo.getMongoDatabase().getCollection("rm_positions");
        this.regions = new MongoViewStore<>(mongo.getMongoDatabase().getCollection("rm_regions"), positions, json,
                RegionView.class);
        this.figures = new MongoViewStore<>(mongo.getMongoDatabase().getCollection("rm_published_figures"),
                positions, json, PublishedFigureView.class);
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

    /** The read models by processing group name. */
    public Map<String, List<MongoViewStore<?>>> byProcessor() {
        return Map.of(REGIONS, List.of(regions), PUBLISHED_FIGURES, List.of(figures));
    }

    public Optional<RegionView> region(String code) {
        return Optional.ofNullable(regions.find(code));
    }

    /**
     * The programme as the live read models show it. Read again only when a read model has moved on since the last
     * read (its position, kept by each batch's flush, says so); between events every query shares one snapshot.
     */
    public ProgrammeSnapshot snapshot() {
        // Both positions in one round trip: every report request asks.
        Map<String, Long> positions = MongoViewStore.positions(this.positions);
        long regionsPosition = positions.getOrDefault(regions.collectionName(), 0L);
        long figuresPosition = positions.getOrDefault(figures.collectionName(), 0L);
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
            ProgrammeSnapshot snapshot = read();
            cached = new Cached(regionsPosition, figuresPosition, snapshot);
            return snapshot;
        }
    }

    private ProgrammeSnapshot read() {
        Collection<RegionView> allRegions = List.copyOf(regions.all());
        Collection<PublishedFigureView> allFigures = List.copyOf(figures.all());
        long position = Math.max(allRegions.stream().mapToLong(RegionView::lastPosition).max().orElse(0),
                allFigures.stream().mapToLong(PublishedFigureView::position).max().orElse(0));
        return new ProgrammeSnapshot(allRegions, allFigures, position, null, null);
    }
}
