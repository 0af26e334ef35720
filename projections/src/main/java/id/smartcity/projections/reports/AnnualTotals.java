package id.smartcity.projections.reports;

import id.smartcity.api.Programme;
import id.smartcity.projections.model.EngagementView;
import id.smartcity.projections.model.RegionView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Per programme year: regions selected as new, repeat engagements, withdrawals, the steps reached, and distinct
 * regions assisted so far with their coverage of all regencies and cities. A withdrawn engagement is no assistance:
 * a region whose only engagement was withdrawn is neither distinct nor repeated.
 */
public final class AnnualTotals {
    public static final int FIRST_YEAR = Programme.FIRST_YEAR;

    private AnnualTotals() {
    }

    public record Row(int year, int selectedAsNew, int repeatEngagements, int withdrawals, int engagements,
                      int mousSigned, int mentored, int masterplansSubmitted, int newDistinct, int cumulativeDistinct,
                      int coverageDenominator, BigDecimal coveragePercent, int smartProvinces) {
    }

    public static List<Row> of(ProgrammeSnapshot snapshot, CoverageProperties coverage) {
        return of(YearlyCounts.of(snapshot.regions()), coverage);
    }

    /** The rows from the programme's counts: from the first programme year to the last year with an engagement. */
    public static List<Row> of(YearlyCounts counts, CoverageProperties coverage) {
        int lastYear = counts.lastYearWith(YearlyCounts.Count.ENGAGED).orElse(FIRST_YEAR);
        List<Row> rows = new ArrayList<>();
        for (int year = FIRST_YEAR; year <= lastYear; year++) {
            rows.add(row(year, counts, coverage.denominator(year)));
        }
        return rows;
    }

    private static Row row(int year, YearlyCounts counts, int denominator) {
        int cumulative = (int) counts.upTo(year, YearlyCounts.Count.FIRST_ASSISTED);
        return new Row(year, count(counts, year, YearlyCounts.Count.SELECTED_AS_NEW),
                count(counts, year, YearlyCounts.Count.REPEATS), count(counts, year, YearlyCounts.Count.WITHDRAWALS),
                count(counts, year, YearlyCounts.Count.ENGAGEMENTS), count(counts, year, YearlyCounts.Count.MOUS_SIGNED),
                count(counts, year, YearlyCounts.Count.MENTORED),
                count(counts, year, YearlyCounts.Count.MASTERPLANS_SUBMITTED),
                count(counts, year, YearlyCounts.Count.FIRST_ASSISTED), cumulative, denominator,
                percent(cumulative, denominator), count(counts, year, YearlyCounts.Count.SMART_PROVINCES));
    }

    private static int count(YearlyCounts counts, int year, YearlyCounts.Count count) {
        return Math.toIntExact(counts.get(year, count));
    }

    static OptionalInt firstAssistedYear(RegionView region) {
        return region.assistance().stream().mapToInt(EngagementView::cohortYear).min();
    }

    private static BigDecimal percent(int part, int whole) {
        return whole == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
