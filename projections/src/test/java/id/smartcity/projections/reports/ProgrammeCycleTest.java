package id.smartcity.projections.reports;

import static org.assertj.core.api.Assertions.assertThat;

import id.smartcity.api.Assessment;
import id.smartcity.api.AwardCategory;
import id.smartcity.api.AwardGranted;
import id.smartcity.api.CandidateAssessed;
import id.smartcity.api.CandidateScores;
import id.smartcity.api.EvaluationDimension;
import id.smartcity.api.EvaluationRecorded;
import id.smartcity.api.MasterplanSubmitted;
import id.smartcity.api.Pillar;
import id.smartcity.api.QuickWinDelivered;
import id.smartcity.api.RegionKind;
import id.smartcity.api.RegionSelected;
import id.smartcity.projections.model.LedgerEvent;
import id.smartcity.projections.model.MemoryViewStore;
import id.smartcity.projections.model.RegionProjector;
import id.smartcity.projections.model.RegionView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgrammeCycleTest {
    private static final Map<EvaluationDimension, Integer> WEIGHTS = Map.of(EvaluationDimension.BASELINE, 10,
            EvaluationDimension.OUTPUT, 20, EvaluationDimension.OUTCOME, 30, EvaluationDimension.IMPACT, 30,
            EvaluationDimension.QUICK_WIN, 10);

    private static Map<EvaluationDimension, BigDecimal> scores(String baseline, String output, String outcome,
                                                               String impact, String quickWin) {
        Map<EvaluationDimension, BigDecimal> scores = new EnumMap<>(EvaluationDimension.class);
        scores.put(EvaluationDimension.BASELINE, new BigDecimal(baseline));
        scores.put(EvaluationDimension.OUTPUT, new BigDecimal(output));
        scores.put(EvaluationDimension.OUTCOME, new BigDecimal(outcome));
        scores.put(EvaluationDimension.IMPACT, new BigDecimal(impact));
        scores.put(EvaluationDimension.QUICK_WIN, new BigDecimal(quickWin));
        return scores;
    }

    private final MemoryViewStore<RegionView> store = new MemoryViewStore<>();
    private long position;

    private void apply(Object payload) {
        new RegionProjector().apply(new LedgerEvent(++position, null, payload), store);
    }

    private ProgrammeSnapshot snapshot() {
        return new ProgrammeSnapshot(store.all(), List.of(), position, null, null);
    }

    private void selectKediriAndMadiun() {
        apply(new CandidateAssessed("35.71", "Kota Kediri", RegionKind.CITY, "2019 selection",
                LocalDate.of(2019, 2, 21), new CandidateScores(new BigDecimal("60"), null, null, null, "ready")));
        apply(new CandidateAssessed("35.09", "Kabupaten Jember", RegionKind.REGENCY, "2019 selection",
                LocalDate.of(2019, 2, 21), CandidateScores.NONE));
        apply(new RegionSelected("35.71", "Kota Kediri", RegionKind.CITY, 2019, LocalDate.of(2019, 2, 22),
                new Assessment("2019 selection", LocalDate.of(2019, 2, 21), null)));
        apply(new RegionSelected("35.77", "Kota Madiun", RegionKind.CITY, 2019, LocalDate.of(2019, 2, 22), null));
    }

    @Test
    void evaluationIndexIsWeightedFromTheEventAndRankedPerYear() {
        selectKediriAndMadiun();
        apply(new EvaluationRecorded("35.71", 2021, scores("3.2", "3.1", "3.0", "3.0", "3.2"), Map.of(), WEIGHTS,
                null, null));
        apply(new EvaluationRecorded("35.71", 2022, scores("3.5", "3.4", "3.3", "3.2", "3.3"), Map.of(), WEIGHTS,
                22, null));
        apply(new EvaluationRecorded("35.77", 2022, scores("3.5", "3.5", "3.5", "3.5", "3.5"), Map.of(), WEIGHTS,
                null, null));

        assertThat(ProgrammeCycle.evaluations(snapshot(), null, "35.71"))
                .extracting(row -> row.year() + ":" + row.index() + ":" + row.rankByIndex() + ":" + row.publishedRank())
                .containsExactly("2021:3.06:1:null", "2022:3.31:2:22");
        assertThat(ProgrammeCycle.evaluations(snapshot(), 2022, null)).extracting(ProgrammeCycle.EvaluationRow::code)
                .containsExactly("35.77", "35.71");
    }

    @Test
    void assessmentRoundShowsCandidatesAndWhoWasSelected() {
        selectKediriAndMadiun();

        assertThat(ProgrammeCycle.assessments(snapshot(), "2019 SELECTION"))
                .extracting(row -> row.code() + ":" + row.selectedInto())
                .containsExactly("35.09:null", "35.71:2019");
        assertThat(ProgrammeCycle.rounds(snapshot())).singleElement()
                .satisfies(round -> {
                    assertThat(round.candidates()).isEqualTo(2);
                    assertThat(round.selected()).isEqualTo(1);
                });
        assertThat(Rosters.regions(snapshot(), null, null, null)).extracting(Rosters.RegionRow::code)
                .as("a candidate never selected is not a participant").containsExactly("35.71", "35.77");
    }

    @Test
    void masterplanQuickWinsAreTrackedToDelivery() {
        selectKediriAndMadiun();
        apply(new MasterplanSubmitted("35.71", 2019, LocalDate.of(2019, 11, 1), 10, List.of(Pillar.GOVERNANCE),
                List.of("Single window", "Smart lighting"), "a".repeat(64)));
        apply(new QuickWinDelivered("35.71", 2020, "Single window", Pillar.GOVERNANCE, LocalDate.of(2020, 3, 1),
                2019));
        apply(new QuickWinDelivered("35.71", 2020, "Public wifi", Pillar.LIVING, LocalDate.of(2020, 4, 1), null));

        RegionView kediri = store.find("35.71");
        assertThat(kediri.engagement(2019).masterplan().deliveredQuickWins()).containsExactly("Single window");
        assertThat(ProgrammeCycle.quickWins(snapshot())).singleElement().satisfies(row -> {
            assertThat(row.delivered()).isEqualTo(2);
            assertThat(row.deliveredFromMasterplan()).isEqualTo(1);
            assertThat(row.plannedInMasterplans()).isEqualTo(2);
        });
    }

    @Test
    void awardsAreListedByYearAndCategory() {
        selectKediriAndMadiun();
        apply(new AwardGranted(2022, AwardCategory.SMART_ENVIRONMENT, "35.77", null));

        assertThat(ProgrammeCycle.awards(snapshot())).singleElement()
                .satisfies(award -> assertThat(award.name()).isEqualTo("Kota Madiun"));
        assertThat(store.find("35.77").awards()).extracting(RegionView.AwardView::category)
                .containsExactly(AwardCategory.SMART_ENVIRONMENT);
    }
}
