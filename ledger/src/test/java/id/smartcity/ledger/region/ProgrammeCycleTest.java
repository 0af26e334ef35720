package id.smartcity.ledger.region;

import static id.smartcity.ledger.rules.RuleMatchers.violates;
import static org.assertj.core.api.Assertions.assertThat;

import id.smartcity.api.AssessCandidate;
import id.smartcity.api.Assessment;
import id.smartcity.api.AssignMentor;
import id.smartcity.api.CandidateAssessed;
import id.smartcity.api.CandidateScores;
import id.smartcity.api.CouncilMember;
import id.smartcity.api.EvaluationDimension;
import id.smartcity.api.EvaluationRecorded;
import id.smartcity.api.FormImplementationTeam;
import id.smartcity.api.FormSmartCityCouncil;
import id.smartcity.api.ImplementationTeamFormed;
import id.smartcity.api.MasterplanSubmitted;
import id.smartcity.api.MentorAssigned;
import id.smartcity.api.MoUSigned;
import id.smartcity.api.Pillar;
import id.smartcity.api.QuickWinDelivered;
import id.smartcity.api.RecordEvaluation;
import id.smartcity.api.RecordQuickWin;
import id.smartcity.api.RegionKind;
import id.smartcity.api.RegionSelected;
import id.smartcity.api.RegionWithdrawn;
import id.smartcity.api.SelectRegion;
import id.smartcity.api.SelectSmartProvince;
import id.smartcity.api.SmartCityCouncilFormed;
import id.smartcity.api.SmartProvinceSelected;
import id.smartcity.ledger.rules.Rule;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The programme cycle around an engagement: assessment, council and team, quick wins, evaluation, Smart Province. */
class ProgrammeCycleTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final String KEDIRI = "35.71";
    private static final String ROUND_2019 = "2019 selection";
    private static final LocalDate ASSESSED = LocalDate.of(2019, 2, 21);
    private static final LocalDate SELECTED = LocalDate.of(2019, 2, 22);
    private static final LocalDate MOU = LocalDate.of(2019, 5, 15);

    private FixtureConfiguration<Region> fixture;
    private final FakeRegister register = new FakeRegister();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Region.class);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        fixture.registerInjectableResource(register);
    }

    static final class FakeRegister implements ProgrammeRegister {
        final Map<String, Set<String>> masterplans = new HashMap<>();

        @Override
        public Set<String> regionsWithMasterplan(String provinceCode) {
            return masterplans.getOrDefault(provinceCode, Set.of());
        }

        @Override
        public OptionalInt firstCohortYear(String code) {
            return OptionalInt.empty();
        }
    }

    private static CandidateScores scores(String sustainable) {
        return new CandidateScores(new BigDecimal("61.5"), new BigDecimal("3.2"),
                sustainable == null ? null : new BigDecimal(sustainable), new BigDecimal("55"), "Strong vision");
    }

    private static CandidateAssessed kediriAssessed(String round, LocalDate on) {
        return new CandidateAssessed(KEDIRI, "Kota Kediri", RegionKind.CITY, round, on, scores("70"));
    }

    private static RegionSelected kediriSelected(Assessment assessment) {
        return new RegionSelected(KEDIRI, "Kota Kediri", RegionKind.CITY, 2019, SELECTED, assessment);
    }

    private static MoUSigned kediriMoU() {
        return new MoUSigned(KEDIRI, 2019, MOU, "Hotel Santika Premiere, Jakarta", false, List.of("Wali Kota Kediri"),
                List.of("masterplan"));
    }

    @Nested
    class Assessments {
        @Test
        void canAssessCandidate() {
            fixture.givenNoPriorActivity()
                    .when(new AssessCandidate(KEDIRI, "Kota Kediri", RegionKind.CITY, ROUND_2019, ASSESSED,
                            scores("70")))
                    .expectEvents(kediriAssessed(ROUND_2019, ASSESSED));
        }

        @Test
        void cannotAssessCandidateTwiceInOneRound() {
            fixture.given(kediriAssessed(ROUND_2019, ASSESSED))
                    .when(new AssessCandidate(KEDIRI, "Kota Kediri", RegionKind.CITY, " 2019 SELECTION ", ASSESSED,
                            null))
                    .expectException(violates(Rule.ASSESSMENT_ALREADY_RECORDED))
                    .expectNoEvents();
        }

        @Test
        void cannotScoreRegencyOnSustainableCityIndex() {
            fixture.givenNoPriorActivity()
                    .when(new AssessCandidate("33.21", "Kabupaten Demak", RegionKind.REGENCY, ROUND_2019, ASSESSED,
                            scores("40")))
                    .expectException(violates(Rule.SCORE_NOT_APPLICABLE))
                    .expectNoEvents();
        }

        @Test
        void cannotScoreOutsideHundred() {
            fixture.givenNoPriorActivity()
                    .when(new AssessCandidate(KEDIRI, "Kota Kediri", RegionKind.CITY, ROUND_2019, ASSESSED,
                            scores("100.5")))
                    .expectException(violates(Rule.SCORE_OUT_OF_RANGE))
                    .expectNoEvents();
        }

        @Test
        void cannotAssessCandidateOfUnknownProvince() {
            fixture.givenNoPriorActivity()
                    .when(new AssessCandidate("99.71", "Kota Kediri", RegionKind.CITY, ROUND_2019, ASSESSED,
                            scores("70")))
                    .expectException(violates(Rule.UNKNOWN_PROVINCE))
                    .expectNoEvents();
        }

        @Test
        void cannotAssessWithoutRound() {
            fixture.givenNoPriorActivity()
                    .when(new AssessCandidate(KEDIRI, "Kota Kediri", RegionKind.CITY, " ", ASSESSED, null))
                    .expectException(violates(Rule.ROUND_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void selectionOfAssessedRegionLinksItsLatestRound() {
            fixture.given(kediriAssessed("2018 selection", LocalDate.of(2018, 4, 1)),
                            kediriAssessed(ROUND_2019, ASSESSED))
                    .when(new SelectRegion(KEDIRI, "Kota Kediri", RegionKind.CITY, 2019, SELECTED, null))
                    .expectEvents(kediriSelected(new Assessment(ROUND_2019, ASSESSED, null)));
        }

        @Test
        void selectionNamingAnotherRoundIsRefused() {
            fixture.given(kediriAssessed(ROUND_2019, ASSESSED))
                    .when(new SelectRegion(KEDIRI, "Kota Kediri", RegionKind.CITY, 2019, SELECTED,
                            new Assessment("2018 selection", null, null)))
                    .expectException(violates(Rule.ASSESSMENT_NOT_RECORDED))
                    .expectNoEvents();
        }

        @Test
        void selectionBeforeItsAssessmentIsRefused() {
            fixture.given(kediriAssessed(ROUND_2019, ASSESSED))
                    .when(new SelectRegion(KEDIRI, "Kota Kediri", RegionKind.CITY, 2019, ASSESSED.minusDays(1), null))
                    .expectException(violates(Rule.DATE_OUT_OF_ORDER))
                    .expectNoEvents();
        }
    }

    @Nested
    class CouncilAndTeam {
        private final List<CouncilMember> members = List.of(
                new CouncilMember("Sekda", "Sekretaris Daerah", CouncilMember.Kind.AGENCY_HEAD),
                new CouncilMember("Dr. A", "Universitas Brawijaya", CouncilMember.Kind.ACADEMIC_EXPERT));

        @Test
        void canFormCouncilAfterMoU() {
            fixture.given(kediriSelected(null), kediriMoU())
                    .when(new FormSmartCityCouncil(KEDIRI, 2019, MOU.plusDays(30), members, "SK 188/2019"))
                    .expectEvents(new SmartCityCouncilFormed(KEDIRI, 2019, MOU.plusDays(30), members, "SK 188/2019"));
        }

        @Test
        void cannotFormCouncilBeforeMoU() {
            fixture.given(kediriSelected(null))
                    .when(new FormSmartCityCouncil(KEDIRI, 2019, MOU, members, null))
                    .expectException(violates(Rule.MOU_NOT_SIGNED))
                    .expectNoEvents();
        }

        @Test
        void cannotFormCouncilWithoutAcademics() {
            fixture.given(kediriSelected(null), kediriMoU())
                    .when(new FormSmartCityCouncil(KEDIRI, 2019, MOU, members.subList(0, 1), null))
                    .expectException(violates(Rule.COUNCIL_COMPOSITION))
                    .expectNoEvents();
        }

        @Test
        void cannotFormCouncilTwice() {
            fixture.given(kediriSelected(null), kediriMoU(),
                            new SmartCityCouncilFormed(KEDIRI, 2019, MOU, members, null))
                    .when(new FormSmartCityCouncil(KEDIRI, 2019, MOU, members, null))
                    .expectException(violates(Rule.COUNCIL_ALREADY_FORMED))
                    .expectNoEvents();
        }

        @Test
        void canFormImplementationTeam() {
            fixture.given(kediriSelected(null))
                    .when(new FormImplementationTeam(KEDIRI, 2019, MOU, " Kepala Diskominfo ", List.of("Bappeda")))
                    .expectEvents(new ImplementationTeamFormed(KEDIRI, 2019, MOU, "Kepala Diskominfo",
                            List.of("Bappeda")));
        }

        @Test
        void cannotFormTeamWithoutMembers() {
            fixture.given(kediriSelected(null))
                    .when(new FormImplementationTeam(KEDIRI, 2019, MOU, "Kepala Diskominfo", List.of()))
                    .expectException(violates(Rule.TEAM_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        void cannotFormTeamTwice() {
            fixture.given(kediriSelected(null), new ImplementationTeamFormed(KEDIRI, 2019, MOU, "A", List.of("B")))
                    .when(new FormImplementationTeam(KEDIRI, 2019, MOU, "C", List.of("D")))
                    .expectException(violates(Rule.TEAM_ALREADY_FORMED))
                    .expectNoEvents();
        }
    }

    @Nested
    class QuickWins {
        private final LocalDate delivered = LocalDate.of(2020, 3, 1);

        private Object[] withMasterplan() {
            return new Object[] {kediriSelected(null), kediriMoU(),
                    new MentorAssigned(KEDIRI, 2019, "Universitas Brawijaya", List.of("Dr. A"), MOU.plusDays(10)),
                    new MasterplanSubmitted(KEDIRI, 2019, LocalDate.of(2019, 11, 1), 10, List.of(Pillar.GOVERNANCE),
                            List.of("Kediri Single Window", "Smart street lighting"), "a".repeat(64))};
        }

        @Test
        void canRecordPlannedQuickWin() {
            fixture.given(withMasterplan())
                    .when(new RecordQuickWin(KEDIRI, 2020, "kediri single window", Pillar.GOVERNANCE, delivered))
                    .expectEvents(new QuickWinDelivered(KEDIRI, 2020, "kediri single window", Pillar.GOVERNANCE,
                            delivered, 2019));
        }

        @Test
        void canRecordUnplannedQuickWin() {
            fixture.given(kediriSelected(null))
                    .when(new RecordQuickWin(KEDIRI, 2020, "Free public wifi", Pillar.LIVING, delivered))
                    .expectEvents(new QuickWinDelivered(KEDIRI, 2020, "Free public wifi", Pillar.LIVING, delivered,
                            null));
        }

        @Test
        void cannotRecordQuickWinTwice() {
            fixture.given(kediriSelected(null), new QuickWinDelivered(KEDIRI, 2020, "Free public wifi", Pillar.LIVING,
                            delivered, null))
                    .when(new RecordQuickWin(KEDIRI, 2020, "FREE PUBLIC WIFI", Pillar.LIVING, delivered))
                    .expectException(violates(Rule.QUICK_WIN_ALREADY_RECORDED))
                    .expectNoEvents();
        }

        @Test
        void cannotRecordQuickWinBeforeEngagement() {
            fixture.given(kediriSelected(null))
                    .when(new RecordQuickWin(KEDIRI, 2018, "Free public wifi", Pillar.LIVING, LocalDate.of(2018, 3, 1)))
                    .expectException(violates(Rule.NOT_A_PARTICIPANT))
                    .expectNoEvents();
        }

        @Test
        void cannotRecordQuickWinDeliveredInAnotherYear() {
            fixture.given(kediriSelected(null))
                    .when(new RecordQuickWin(KEDIRI, 2021, "Free public wifi", Pillar.LIVING, delivered))
                    .expectException(violates(Rule.DATE_OUTSIDE_YEAR))
                    .expectNoEvents();
        }

        @Test
        void cannotRecordQuickWinWithoutPillar() {
            fixture.given(kediriSelected(null))
                    .when(new RecordQuickWin(KEDIRI, 2020, "Free public wifi", null, delivered))
                    .expectException(violates(Rule.QUICK_WIN_INCOMPLETE))
                    .expectNoEvents();
        }
    }

    @Nested
    class Evaluations {
        private Map<EvaluationDimension, BigDecimal> uniform(String score) {
            Map<EvaluationDimension, BigDecimal> scores = new EnumMap<>(EvaluationDimension.class);
            for (EvaluationDimension dimension : EvaluationDimension.values()) {
                scores.put(dimension, new BigDecimal(score));
            }
            return scores;
        }

        private Map<EvaluationDimension, Integer> weights(int baseline) {
            return Map.of(EvaluationDimension.BASELINE, baseline, EvaluationDimension.OUTPUT, 20,
                    EvaluationDimension.OUTCOME, 30, EvaluationDimension.IMPACT, 30, EvaluationDimension.QUICK_WIN, 10);
        }

        @Test
        void canRecordEvaluation() {
            fixture.given(kediriSelected(null))
                    .when(new RecordEvaluation(KEDIRI, 2022, uniform("3.31"), Map.of(Pillar.GOVERNANCE,
                            new BigDecimal("3.5")), weights(10), 22, null))
                    .expectEvents(new EvaluationRecorded(KEDIRI, 2022, uniform("3.31"), Map.of(Pillar.GOVERNANCE,
                            new BigDecimal("3.5")), weights(10), 22, null));
        }

        @Test
        void cannotEvaluateWithoutEveryDimension() {
            Map<EvaluationDimension, BigDecimal> scores = uniform("3");
            scores.remove(EvaluationDimension.IMPACT);
            fixture.given(kediriSelected(null))
                    .when(new RecordEvaluation(KEDIRI, 2022, scores, Map.of(), weights(10), null, null))
                    .expectException(violates(Rule.EVALUATION_INCOMPLETE))
                    .expectNoEvents();
        }

        @Test
        void cannotScoreAboveFour() {
            fixture.given(kediriSelected(null))
                    .when(new RecordEvaluation(KEDIRI, 2022, uniform("4.01"), Map.of(), weights(10), null, null))
                    .expectException(violates(Rule.SCORE_OUT_OF_RANGE))
                    .expectNoEvents();
        }

        @Test
        void cannotWeighOtherThanHundred() {
            fixture.given(kediriSelected(null))
                    .when(new RecordEvaluation(KEDIRI, 2022, uniform("3"), Map.of(), weights(20), null, null))
                    .expectException(violates(Rule.WEIGHTS_INVALID))
                    .expectNoEvents();
        }

        @Test
        void cannotWeighWithWeightsThatOverflowToHundred() {
            int big = 1 << 30;
            Map<EvaluationDimension, Integer> overflowing = Map.of(EvaluationDimension.BASELINE, big,
                    EvaluationDimension.OUTPUT, big, EvaluationDimension.OUTCOME, big, EvaluationDimension.IMPACT, big,
                    EvaluationDimension.QUICK_WIN, 100);
            // In int arithmetic these add up to exactly 100.
            assertThat(overflowing.values().stream().mapToInt(Integer::intValue)
                    .sum()).isEqualTo(100);
            fixture.given(kediriSelected(null))
                    .when(new RecordEvaluation(KEDIRI, 2022, uniform("3"), Map.of(), overflowing, null, null))
                    .expectException(violates(Rule.WEIGHTS_INVALID))
                    .expectNoEvents();
            fixture.given(kediriSelected(null))
                    .when(new RecordEvaluation(KEDIRI, 2022, uniform("3"), Map.of(), weights(10), null, null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void cannotEvaluateTwiceInOneYear() {
            fixture.given(kediriSelected(null), new EvaluationRecorded(KEDIRI, 2021, uniform("3.06"), Map.of(),
                            weights(10), null, null))
                    .when(new RecordEvaluation(KEDIRI, 2021, uniform("3"), Map.of(), weights(10), null, null))
                    .expectException(violates(Rule.EVALUATION_ALREADY_RECORDED))
                    .expectNoEvents();
        }

        @Test
        void cannotEvaluateWithdrawnRegion() {
            fixture.given(kediriSelected(null), new RegionWithdrawn(KEDIRI, 2019, MOU, "cancelled"))
                    .when(new RecordEvaluation(KEDIRI, 2021, uniform("3"), Map.of(), weights(10), null, null))
                    .expectException(violates(Rule.NOT_A_PARTICIPANT))
                    .expectNoEvents();
        }

        @Test
        void cannotRankBelowOne() {
            fixture.given(kediriSelected(null))
                    .when(new RecordEvaluation(KEDIRI, 2021, uniform("3"), Map.of(), weights(10), 0, null))
                    .expectException(violates(Rule.RANK_INVALID))
                    .expectNoEvents();
        }

        @Test
        void cannotEvaluateFutureYear() {
            fixture.given(kediriSelected(null))
                    .when(new RecordEvaluation(KEDIRI, 2027, uniform("3"), Map.of(), weights(10), null, null))
                    .expectException(violates(Rule.YEAR_OUT_OF_RANGE))
                    .expectNoEvents();
        }
    }

    @Nested
    class SmartProvince {
        private final LocalDate agreement = LocalDate.of(2023, 2, 28);

        private Set<String> diyRegions(int count) {
            return new TreeSet<>(List.of("34.01", "34.02", "34.03", "34.04", "34.71").subList(0, count));
        }

        @Test
        void canSelectSmartProvinceWhenFourOfFiveHaveMasterplan() {
            register.masterplans.put("34", diyRegions(4));
            fixture.givenNoPriorActivity()
                    .when(new SelectSmartProvince("34", "DI Yogyakarta", 2023, agreement, 0, null))
                    .expectEvents(new SmartProvinceSelected("34", "DI Yogyakarta", 2023, agreement, 5,
                            List.copyOf(diyRegions(4)), 0, null));
        }

        @Test
        void cannotSelectSmartProvinceWithThreeOfFive() {
            register.masterplans.put("34", diyRegions(3));
            fixture.givenNoPriorActivity()
                    .when(new SelectSmartProvince("34", "DI Yogyakarta", 2023, agreement, 0, null))
                    .expectException(violates(Rule.SMART_PROVINCE_COVERAGE))
                    .expectNoEvents();
        }

        @Test
        void canQualifyOnAttestedMasterplansWithSource() {
            register.masterplans.put("32", new TreeSet<>(List.of("32.71", "32.73")));
            fixture.givenNoPriorActivity()
                    .when(new SelectSmartProvince("32", "Jawa Barat", 2023, agreement, 20, "Kominfo, 28 Feb 2023"))
                    .expectEvents(new SmartProvinceSelected("32", "Jawa Barat", 2023, agreement, 27,
                            List.of("32.71", "32.73"), 20, "Kominfo, 28 Feb 2023"));
        }

        @Test
        void cannotSelectSmartProvinceThatDoesNotExist() {
            fixture.givenNoPriorActivity()
                    .when(new SelectSmartProvince("99", "Provinsi Entah", 2023, agreement, 0, null))
                    .expectException(violates(Rule.UNKNOWN_PROVINCE))
                    .expectNoEvents();
        }

        @Test
        void cannotAttestMoreMasterplansThanIntegerArithmeticHolds() {
            register.masterplans.put("34", diyRegions(1));
            fixture.givenNoPriorActivity()
                    .when(new SelectSmartProvince("34", "DI Yogyakarta", 2023, agreement, Integer.MAX_VALUE,
                            "Kominfo"))
                    .expectException(violates(Rule.ATTESTATION_INVALID))
                    .expectNoEvents();
        }

        @Test
        void cannotAttestWithoutSource() {
            fixture.givenNoPriorActivity()
                    .when(new SelectSmartProvince("34", "DI Yogyakarta", 2023, agreement, 5, " "))
                    .expectException(violates(Rule.ATTESTATION_INVALID))
                    .expectNoEvents();
        }

        @Test
        void cannotAttestMoreThanProvinceHas() {
            register.masterplans.put("34", diyRegions(2));
            fixture.givenNoPriorActivity()
                    .when(new SelectSmartProvince("34", "DI Yogyakarta", 2023, agreement, 4, "Kominfo"))
                    .expectException(violates(Rule.ATTESTATION_INVALID))
                    .expectNoEvents();
        }

        @Test
        void cannotSelectSmartProvinceBefore2023() {
            register.masterplans.put("34", diyRegions(5));
            fixture.givenNoPriorActivity()
                    .when(new SelectSmartProvince("34", "DI Yogyakarta", 2022, LocalDate.of(2022, 2, 28), 0, null))
                    .expectException(violates(Rule.SMART_PROVINCE_BEFORE_2023))
                    .expectNoEvents();
        }

        @Test
        void cannotSelectUnknownProvince() {
            fixture.givenNoPriorActivity()
                    .when(new SelectSmartProvince("99", "Nowhere", 2023, agreement, 0, null))
                    .expectException(violates(Rule.UNKNOWN_PROVINCE))
                    .expectNoEvents();
        }

        @Test
        void cannotSelectRegencyAsSmartProvince() {
            fixture.givenNoPriorActivity()
                    .when(new SelectSmartProvince("34.04", "Kabupaten Sleman", 2023, agreement, 0, null))
                    .expectException(violates(Rule.CODE_INCONSISTENT_WITH_KIND))
                    .expectNoEvents();
        }

        @Test
        void cannotSelectSmartProvinceTwice() {
            register.masterplans.put("34", diyRegions(5));
            fixture.given(new SmartProvinceSelected("34", "DI Yogyakarta", 2023, agreement, 5,
                            List.copyOf(diyRegions(5)), 0, null))
                    .when(new SelectSmartProvince("34", "DI Yogyakarta", 2024, LocalDate.of(2024, 1, 5), 0, null))
                    .expectException(violates(Rule.ALREADY_PARTICIPANT))
                    .expectNoEvents();
        }
    }
}
