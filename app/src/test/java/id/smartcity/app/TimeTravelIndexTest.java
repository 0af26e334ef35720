package id.smartcity.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import id.smartcity.api.AwardCategory;
import id.smartcity.api.AwardGranted;
import id.smartcity.api.MasterplanSubmitted;
import id.smartcity.api.MentorAssigned;
import id.smartcity.api.MentoringRepeated;
import id.smartcity.api.MoUSigned;
import id.smartcity.api.Pillar;
import id.smartcity.api.RegionKind;
import id.smartcity.api.RegionSelected;
import id.smartcity.api.RegionWithdrawn;
import id.smartcity.eventstore.MongoEventStorageEngine;
import id.smartcity.projections.admin.ProjectionAdmin;
import id.smartcity.projections.live.TimeTravelIndex;
import id.smartcity.projections.reports.AnnualTotals;
import id.smartcity.projections.reports.CoverageProperties;
import id.smartcity.projections.reports.ProgrammeSnapshot;
import id.smartcity.projections.reports.Report;
import id.smartcity.projections.timetravel.GuardedTimeTravel;
import id.smartcity.projections.timetravel.TimeTravel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The time-travel index against the replay it replaces (ADR 18): over the shipped history and a generated one whose
 * events are recorded out of date order (back-dated, as late records are), the annual totals read from the index
 * equal the replayed ones, with the same position, for every date and instant asked, alone and together.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.mongo.embedded.backend=MEMORY")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeTravelIndexTest {
    @LocalServerPort
    int port;
    @Autowired
    ProjectionAdmin projections;
    @Autowired
    MongoEventStorageEngine store;
    @Autowired
    GuardedTimeTravel timeTravel;
    @Autowired
    TimeTravel replay;
    @Autowired
    CoverageProperties coverage;
    @Autowired
    MongoDatabaseFactory mongo;

    /** Instants between commits: each cuts the log at a different place. */
    final List<Instant> cuts = new ArrayList<>();
    /** The business dates the generated events carry. */
    final TreeSet<LocalDate> dates = new TreeSet<>();
    int backDated;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerApiContract.testProperties(registry);
    }

    @BeforeAll
    void recordTheShippedAndAGeneratedHistory() throws Exception {
        cuts.add(Instant.now());
        LedgerClient api = new LedgerClient(port, LedgerApiContract.CREDENTIALS);
        assertThat(api.postNdjson("/api/imports", "operator", ShippedHistory.read()).status()).isEqualTo(201);
        Thread.sleep(2);
        cuts.add(Instant.now());
        List<EventMessage<?>> generated = generated(new Random(21), 70);
        Random commits = new Random(7);
        for (int i = 0; i < generated.size(); ) {
            int size = Math.min(generated.size() - i, 1 + commits.nextInt(6));
            store.appendEvents(generated.subList(i, i + size));
            i += size;
            if (commits.nextInt(8) == 0) {
                Thread.sleep(2);
                cuts.add(Instant.now());
                Thread.sleep(2);
            }
        }
        for (String name : projections.names()) {
            assertThat(projections.awaitCaughtUp(name, Duration.ofSeconds(60))).isTrue();
        }
    }

    @Test
    void theIndexAnswersEveryDateAndInstantAsTheReplayDoes() {
        assertThat(backDated).as("the generated history records events out of date order").isGreaterThan(20);
        assertThat(cuts).hasSizeGreaterThan(8);
        compareEverywhere(store.headPosition());
    }

    @Test
    void aRebuiltIndexAnswersTheSame() throws Exception {
        projections.rebuild("regions");
        assertThat(projections.awaitCaughtUp("regions", Duration.ofSeconds(60))).isTrue();
        long head = store.headPosition();
        for (LocalDate asOf : sample(dates, 12)) {
            compare(asOf, null, head);
            compare(asOf, cuts.get(cuts.size() / 2), head);
        }
    }

    @Test
    void theIndexAnswersAnEarlierHeadAsTheReplayDoes() {
        // A question pinned to an earlier head (a position between two checkpoints, or before the first).
        for (long head : List.of(1L, 150L, store.headPosition() / 2, store.headPosition() - 1)) {
            compare(null, null, head);
            compare(LocalDate.of(2019, 12, 31), null, head);
            compare(LocalDate.of(2023, 6, 30), cuts.get(cuts.size() - 2), head);
        }
    }

    @Test
    void anEntryMissingFromTheIndexLeavesTheQuestionToTheReplay() {
        long head = store.headPosition();
        MongoCollection<Document> pages = mongo.getMongoDatabase().getCollection("rm_time_travel");
        int asked = 0;
        for (Instant knownAt : cuts) {
            long known = replay.at(null, knownAt, head).position();
            // The last position recorded by then, and the first after it: the search must read both.
            for (long missing : List.of(known, known + 1)) {
                if (missing < 1 || missing > head) {
                    continue;
                }
                Bson page = Filters.eq("_id", missing / TimeTravelIndex.PAGE);
                String offset = Long.toString(missing % TimeTravelIndex.PAGE);
                Document entry = pages.find(page).first().get("p", Document.class).get(offset, Document.class);
                pages.updateOne(page, Updates.unset("p." + offset));
                try {
                    assertThat(timeTravel.annualTotalsFromIndex(null, knownAt, head))
                            .as("position %s missing, knownAt %s", missing, knownAt).isEmpty();
                    asked++;
                } finally {
                    pages.updateOne(page, Updates.set("p." + offset, entry));
                }
            }
            compare(null, knownAt, head);
        }
        assertThat(asked).isGreaterThan(8);
    }

    private void compareEverywhere(long head) {
        List<LocalDate> asked = new ArrayList<>();
        asked.add(null);
        for (LocalDate date = LocalDate.of(2016, 12, 1); date.isBefore(LocalDate.of(2026, 1, 1));
             date = date.plusDays(61)) {
            asked.add(date);
        }
        for (LocalDate date : sample(dates, 40)) {
            asked.add(date);
            asked.add(date.minusDays(1));
        }
        List<Instant> instants = new ArrayList<>();
        instants.add(null);
        instants.add(Instant.parse("2000-01-01T00:00:00Z"));
        instants.addAll(sample(new TreeSet<>(cuts), 8));
        for (Instant knownAt : instants) {
            for (LocalDate asOf : asked) {
                compare(asOf, knownAt, head);
            }
        }
    }

    private void compare(LocalDate asOf, Instant knownAt, long head) {
        Report<AnnualTotals.Row> indexed = timeTravel.annualTotalsFromIndex(asOf, knownAt, head)
                .orElseThrow(() -> new AssertionError("the index did not answer asOf " + asOf + ", knownAt "
                        + knownAt + " at " + head));
        ProgrammeSnapshot replayed = replay.at(asOf, knownAt, head);
        assertThat(indexed.position()).as("position asOf %s knownAt %s head %s", asOf, knownAt, head)
                .isEqualTo(replayed.position());
        assertThat(indexed.rows()).as("rows asOf %s knownAt %s head %s", asOf, knownAt, head)
                .isEqualTo(AnnualTotals.of(replayed, coverage));
    }

    private static <T> List<T> sample(TreeSet<T> all, int count) {
        List<T> list = new ArrayList<>(all);
        Collections.shuffle(list, new Random(3));
        return list.subList(0, Math.min(count, list.size()));
    }

    /**
     * Regions selected into a cohort, some mentored again in a later year, each engagement's steps recorded in a
     * shuffled order (so many are back-dated behind later ones), some withdrawn, awards granted on the way. Every
     * step is dated on or after the start of its engagement, and recorded after it, as the command side requires.
     */
    private List<EventMessage<?>> generated(Random random, int regions) {
        List<List<Object>> streams = new ArrayList<>();
        for (int region = 0; region < regions; region++) {
            String code = String.format("%02d.%05d", 11 + region % 20, 90_000 + region);
            List<Object> stream = new ArrayList<>();
            int year = 2017 + random.nextInt(6);
            LocalDate selected = LocalDate.of(year, 1 + random.nextInt(6), 1 + random.nextInt(28));
            stream.add(new RegionSelected(code, "Generated " + region, random.nextBoolean() ? RegionKind.REGENCY
                    : RegionKind.CITY, year, selected, null));
            stream.addAll(steps(random, code, year, selected));
            if (random.nextInt(3) == 0) {
                int again = year + 1 + random.nextInt(2);
                LocalDate started = LocalDate.of(again, 1 + random.nextInt(6), 1 + random.nextInt(28));
                stream.add(new MentoringRepeated(code, again, started, "needs more help", year));
                stream.addAll(steps(random, code, again, started));
            }
            streams.add(stream);
        }
        // Interleave the regions' streams, each in its own order.
        List<EventMessage<?>> events = new ArrayList<>();
        Map<String, Long> sequences = new HashMap<>();
        Map<String, LocalDate> latest = new HashMap<>();
        while (streams.stream().anyMatch(stream -> !stream.isEmpty())) {
            List<Object> stream = streams.get(random.nextInt(streams.size()));
            if (stream.isEmpty()) {
                continue;
            }
            Object payload = stream.remove(0);
            String aggregate = payload instanceof AwardGranted ? "awards" : code(payload);
            long sequence = sequences.merge(aggregate, 1L, Long::sum) - 1;
            LocalDate date = ((id.smartcity.api.ProgrammeEvent) payload).businessDate();
            String region = code(payload);
            if (latest.containsKey(region) && date.isBefore(latest.get(region))) {
                backDated++;
            }
            latest.merge(region, date, (a, b) -> a.isAfter(b) ? a : b);
            dates.add(date);
            events.add(new GenericDomainEventMessage<>(payload instanceof AwardGranted ? "Awards" : "Region",
                    aggregate, sequence, payload, MetaData.with("principal", "generator")));
        }
        return events;
    }

    private static String code(Object payload) {
        return payload instanceof AwardGranted award ? award.code() : ((id.smartcity.api.RegionEvent) payload).code();
    }

    /** An engagement's steps after its start, dated within the year after it, in a shuffled order. */
    private static List<Object> steps(Random random, String code, int year, LocalDate start) {
        List<Object> steps = new ArrayList<>();
        LocalDate mou = start.plusDays(random.nextInt(120));
        if (random.nextInt(5) > 0) {
            steps.add(new MoUSigned(code, year, mou, "Jakarta", false, List.of("Bupati"), List.of("masterplan")));
        }
        for (int mentor = 0; mentor < random.nextInt(3); mentor++) {
            steps.add(new MentorAssigned(code, year, "Institution " + mentor, List.of("Mentor"),
                    start.plusDays(random.nextInt(200))));
        }
        if (random.nextBoolean()) {
            steps.add(new MasterplanSubmitted(code, year, start.plusDays(30 + random.nextInt(300)), 10,
                    List.of(Pillar.GOVERNANCE), List.of("public wifi"), "3f".repeat(32)));
        }
        if (random.nextInt(6) == 0) {
            steps.add(new RegionWithdrawn(code, year, start.plusDays(random.nextInt(330)), "moved away"));
        }
        if (random.nextInt(4) == 0) {
            steps.add(new AwardGranted(year, AwardCategory.SMART_GOVERNANCE, code, "for its governance"));
        }
        Collections.shuffle(steps, random);
        return steps;
    }
}
