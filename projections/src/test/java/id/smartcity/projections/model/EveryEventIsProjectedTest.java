package id.smartcity.projections.model;

import static org.assertj.core.api.Assertions.assertThat;

import id.smartcity.api.AwardCategory;
import id.smartcity.api.AwardGranted;
import id.smartcity.api.CandidateAssessed;
import id.smartcity.api.CandidateScores;
import id.smartcity.api.CouncilMember;
import id.smartcity.api.EvaluationDimension;
import id.smartcity.api.EvaluationRecorded;
import id.smartcity.api.ImplementationTeamFormed;
import id.smartcity.api.MasterplanRevised;
import id.smartcity.api.MasterplanSubmitted;
import id.smartcity.api.MentorAssigned;
import id.smartcity.api.MentoringRepeated;
import id.smartcity.api.MoUSigned;
import id.smartcity.api.Pillar;
import id.smartcity.api.ProgrammeEvent;
import id.smartcity.api.PublishedFigureRecorded;
import id.smartcity.api.PublishedMetric;
import id.smartcity.api.QuickWinDelivered;
import id.smartcity.api.RegionKind;
import id.smartcity.api.RegionSelected;
import id.smartcity.api.RegionWithdrawn;
import id.smartcity.api.SmartCityCouncilFormed;
import id.smartcity.api.SmartProvinceSelected;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks the closed list of the programme's events: each one has a sample here, changes a read model when projected
 * after the selection of its region, and has a business date by which {@code asOf} filters it. A new event type fails
 * here until it is projected (and given a sample).
 */
class EveryEventIsProjectedTest {
    private static final String DEPOK = "32.76";
    private static final LocalDate SELECTED = LocalDate.of(2018, 5, 8);
    private static final Instant RECORDED = Instant.parse("2026-11-24T00:00:00Z");

    /** One well-formed event of each type, about Kota Depok (or its province) after its selection in 2018. */
    private static final Map<Class<?>, ProgrammeEvent> SAMPLES = Map.ofEntries(
            sample(new RegionSelected(DEPOK, "Kota Depok", RegionKind.CITY, 2018, SELECTED, null)),
            sample(new MoUSigned(DEPOK, 2018, SELECTED.plusDays(1), "Jakarta", false, List.of("Wali Kota"),
                    List.of("masterplan"))),
            sample(new MentorAssigned(DEPOK, 2018, "ITB", List.of("Mentor A"), SELECTED.plusDays(2))),
            sample(new MentoringRepeated(DEPOK, 2019, LocalDate.of(2019, 2, 22), "a second year", 2018)),
            sample(new MasterplanSubmitted(DEPOK, 2018, LocalDate.of(2018, 10, 1), 5, List.of(Pillar.GOVERNANCE),
                    List.of("e-budgeting"), "a".repeat(64))),
            sample(new MasterplanRevised(DEPOK, 2018, LocalDate.of(2018, 11, 1), 1, 5, List.of(Pillar.GOVERNANCE),
                    List.of("e-budgeting"), "b".repeat(64), "new priorities")),
            sample(new RegionWithdrawn(DEPOK, 2018, LocalDate.of(2018, 12, 31), "non-technical reasons")),
            sample(new SmartProvinceSelected("32", "Jawa Barat", 2018, SELECTED, 27, List.of(DEPOK), 13,
                    "a provincial decree")),
            sample(new CandidateAssessed(DEPOK, "Kota Depok", RegionKind.CITY, "2018", SELECTED.minusDays(30),
                    new CandidateScores(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, null))),
            sample(new SmartCityCouncilFormed(DEPOK, 2018, SELECTED.plusDays(10), List.of(new CouncilMember("Ani",
                    "Head of the planning agency", CouncilMember.Kind.AGENCY_HEAD)), "a decree")),
            sample(new ImplementationTeamFormed(DEPOK, 2018, SELECTED.plusDays(11), "Budi", List.of("Citra"))),
            sample(new QuickWinDelivered(DEPOK, 2018, "e-budgeting", Pillar.GOVERNANCE, LocalDate.of(2018, 12, 1),
                    2018)),
            sample(new EvaluationRecorded(DEPOK, 2018, Map.of(EvaluationDimension.BASELINE, BigDecimal.TEN),
                    Map.of(Pillar.GOVERNANCE, BigDecimal.TEN), Map.of(EvaluationDimension.BASELINE, 1), 3, null)),
            sample(new AwardGranted(2018, AwardCategory.SMART_GOVERNANCE, DEPOK, "for e-budgeting")),
            sample(new PublishedFigureRecorded(2018, PublishedMetric.ENGAGED, 50, "a ministry release",
                    LocalDate.of(2018, 12, 20), null)));

    /** What the ledger's rules require before a sample (a revision or a planned quick win needs a masterplan). */
    private static final Map<Class<?>, Class<?>> REQUIRES = Map.of(MasterplanRevised.class,
            MasterplanSubmitted.class, QuickWinDelivered.class, MasterplanSubmitted.class);

    private static Map.Entry<Class<?>, ProgrammeEvent> sample(ProgrammeEvent event) {
        return Map.entry(event.getClass(), event);
    }

    static Stream<Class<?>> everyEventType() {
        return Arrays.stream(ProgrammeEvent.class.getPermittedSubclasses());
    }

    @ParameterizedTest
    @MethodSource("everyEventType")
    void eachEventTypeChangesAReadModelWhenProjected(Class<?> type) {
        assertThat(SAMPLES).as("a sample of " + type.getSimpleName() + " in this test").containsKey(type);
        ProgrammeEvent sample = SAMPLES.get(type);
        MemoryViewStore<RegionView> regions = new MemoryViewStore<>();
        MemoryViewStore<PublishedFigureView> figures = new MemoryViewStore<>();
        RegionProjector regionProjector = new RegionProjector();
        FigureProjector figureProjector = new FigureProjector();
        long position = 0;
        if (!(sample instanceof RegionSelected)) {
            regionProjector.apply(new LedgerEvent(++position, RECORDED, SAMPLES.get(RegionSelected.class)), regions);
        }
        if (REQUIRES.containsKey(type)) {
            regionProjector.apply(new LedgerEvent(++position, RECORDED, SAMPLES.get(REQUIRES.get(type))), regions);
        }

        LedgerEvent event = new LedgerEvent(++position, RECORDED, "operator", sample);
        boolean projected = regionProjector.apply(event, regions) | figureProjector.apply(event, figures);

        assertThat(projected).as(type.getSimpleName() + " is projected by the region or the figure projector")
                .isTrue();
    }

    @ParameterizedTest
    @MethodSource("everyEventType")
    void eachEventTypeHasTheBusinessDateThatAsOfFiltersBy(Class<?> type) {
        ProgrammeEvent sample = SAMPLES.get(type);
        assertThat(sample).as("a sample of " + type.getSimpleName() + " in this test").isNotNull();

        assertThat(BusinessDates.of(sample)).isNotNull().isEqualTo(sample.businessDate());
    }
}
