package id.smartcity.projections.reports;

import id.smartcity.api.AwardCategory;
import id.smartcity.api.EvaluationDimension;
import id.smartcity.api.Pillar;
import id.smartcity.api.RegionKind;
import id.smartcity.projections.model.EngagementView;
import id.smartcity.projections.model.RegionView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The programme cycle around the engagements: candidate assessments by round, quick wins by region and year, yearly
 * evaluations with their ranking, and awards.
 */
public final class ProgrammeCycle {
    private ProgrammeCycle() {
    }

    public record AssessmentRow(String round, LocalDate assessedOn, String code, String name, RegionKind kind,
                                String provinceName, BigDecimal fiscalCapacity, BigDecimal highPerformingCityIndex,
                                BigDecimal sustainableCityIndex, BigDecimal greenCityIndex, String readinessNotes,
                                Integer selectedInto) {
    }

    public record RoundRow(String round, LocalDate firstAssessedOn, int candidates, int regenciesAndCities,
                           int provinces, int selected) {
    }

    public record QuickWinRow(String code, String name, int year, int delivered, int deliveredFromMasterplan,
                              int plannedInMasterplans, List<String> titles) {
    }

    /**
     * An evaluation in its year's ranking: {@code rankByIndex} orders the year's recorded evaluations by index (equal
     * indices share a rank); {@code publishedRank} is the national rank as the ministry published it, if it did.
     */
    public record EvaluationRow(int year, int rankByIndex, Integer publishedRank, String code, String name,
                                BigDecimal index, Map<EvaluationDimension, BigDecimal> dimensionScores,
                                Map<EvaluationDimension, Integer> weights, Map<Pillar, BigDecimal> pillarScores,
                                String note) {
    }

    public record AwardRow(int year, AwardCategory category, String code, String name, String provinceName,
                           String citation) {
    }

    /** Every candidate of a round (or of all rounds), with its scores and the cohort it was selected into. */
    public static List<AssessmentRow> assessments(ProgrammeSnapshot snapshot, String round) {
        return sorted(snapshot).flatMap(region -> region.assessments().stream()
                        .filter(assessment -> round == null || assessment.round().equalsIgnoreCase(round))
                        .map(assessment -> new AssessmentRow(assessment.round(), assessment.assessedOn(),
                                region.code(), region.name(), region.kind(), region.provinceName(),
                                assessment.scores().fiscalCapacity(), assessment.scores().highPerformingCityIndex(),
                                assessment.scores().sustainableCityIndex(), assessment.scores().greenCityIndex(),
                                assessment.scores().readinessNotes(), assessment.selectedInto())))
                .sorted(Comparator.comparing(AssessmentRow::round).thenComparing(AssessmentRow::code))
                .toList();
    }

    public static List<RoundRow> rounds(ProgrammeSnapshot snapshot) {
        Map<String, List<AssessmentRow>> byRound = new TreeMap<>();
        assessments(snapshot, null).forEach(row -> byRound.computeIfAbsent(row.round(), key -> new ArrayList<>())
                .add(row));
        return byRound.entrySet().stream().map(entry -> new RoundRow(entry.getKey(),
                entry.getValue().stream().map(AssessmentRow::assessedOn).min(Comparator.naturalOrder()).orElse(null),
                entry.getValue().size(),
                (int) entry.getValue().stream().filter(row -> row.kind() != RegionKind.PROVINCE).count(),
                (int) entry.getValue().stream().filter(row -> row.kind() == RegionKind.PROVINCE).count(),
                (int) entry.getValue().stream().filter(row -> row.selectedInto() != null).count())).toList();
    }

    /** Per region and year: quick wins delivered, how many of them a masterplan had planned, and how many it planned. */
    public static List<QuickWinRow> quickWins(ProgrammeSnapshot snapshot) {
        List<QuickWinRow> rows = new ArrayList<>();
        sorted(snapshot).forEach(region -> {
            Map<Integer, List<RegionView.QuickWinView>> byYear = new TreeMap<>();
            region.quickWins().forEach(quickWin -> byYear.computeIfAbsent(quickWin.year(), key -> new ArrayList<>())
                    .add(quickWin));
            byYear.forEach((year, delivered) -> rows.add(new QuickWinRow(region.code(), region.name(), year,
                    delivered.size(), (int) delivered.stream().filter(quickWin -> quickWin.plannedIn() != null).count(),
                    region.assistance().stream().filter(engagement -> engagement.cohortYear() <= year)
                            .map(EngagementView::masterplan).filter(Objects::nonNull)
                            .mapToInt(plan -> plan.quickWins().size()).sum(),
                    delivered.stream().map(RegionView.QuickWinView::title).toList())));
        });
        return rows;
    }

    /** Evaluations, year by year, best first; only one region's when {@code code} is given. */
    public static List<EvaluationRow> evaluations(ProgrammeSnapshot snapshot, Integer year, String code) {
        Map<Integer, List<EvaluationRow>> byYear = new TreeMap<>();
        snapshot.regions().forEach(region -> region.evaluations().forEach(evaluation -> byYear
                .computeIfAbsent(evaluation.year(), key -> new ArrayList<>())
                .add(new EvaluationRow(evaluation.year(), 0, evaluation.rank(), region.code(), region.name(),
                        evaluation.index(), evaluation.dimensionScores(), evaluation.weights(),
                        evaluation.pillarScores(), evaluation.note()))));
        List<EvaluationRow> rows = new ArrayList<>();
        byYear.forEach((evaluated, unranked) -> {
            List<EvaluationRow> ranked = unranked.stream().sorted(Comparator.comparing(EvaluationRow::index,
                    Comparator.reverseOrder()).thenComparing(EvaluationRow::code)).toList();
            for (int i = 0; i < ranked.size(); i++) {
                EvaluationRow row = ranked.get(i);
                int rank = i > 0 && ranked.get(i - 1).index().compareTo(row.index()) == 0 ? rows.get(rows.size() - 1)
                        .rankByIndex() : i + 1;
                rows.add(new EvaluationRow(row.year(), rank, row.publishedRank(), row.code(), row.name(),
                        row.index(), row.dimensionScores(), row.weights(), row.pillarScores(), row.note()));
            }
        });
        return rows.stream().filter(row -> year == null || row.year() == year)
                .filter(row -> code == null || row.code().equals(code)).toList();
    }

    public static List<AwardRow> awards(ProgrammeSnapshot snapshot) {
        return sorted(snapshot).flatMap(region -> region.awards().stream().map(award -> new AwardRow(award.year(),
                        award.category(), region.code(), region.name(), region.provinceName(), award.citation())))
                .sorted(Comparator.comparingInt(AwardRow::year).thenComparing(AwardRow::category))
                .toList();
    }

    private static Stream<RegionView> sorted(ProgrammeSnapshot snapshot) {
        return snapshot.regions().stream().sorted(Comparator.comparing(RegionView::code));
    }
}
