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
        int lastYear = snapshot.regions().stream().flatMap(region -> region.engagements().stream())
                .mapToInt(EngagementView::cohortYear).max().orElse(FIRST_YEAR);
        List<Row> rows = new ArrayList<>();
        for (int year = FIRST_YEAR; year <= lastYear; year++) {
            rows.add(row(year, snapshot, coverage.denominator(year)));
        }
        return rows;
    }

    private static Row row(int year, ProgrammeSnapshot snapshot, int denominator) {
        int selectedAsNew = 0;
        int repeats = 0;
        int withdrawals = 0;
        int engagements = 0;
        int mous = 0;
        int mentored = 0;
        int masterplans = 0;
        int newDistinct = 0;
        int cumulative = 0;
        int smartProvinces = 0;
        for (RegionView region : snapshot.regions()) {
            EngagementView engagement = region.engagement(year);
            if (engagement != null && region.isRegencyOrCity()) {
                selectedAsNew += engagement.type() == EngagementView.Type.NEW ? 1 : 0;
                withdrawals += engagement.withdrawn() ? 1 : 0;
                if (!engagement.withdrawn()) {
                    engagements++;
                    repeats += engagement.type() == EngagementView.Type.REPEAT ? 1 : 0;
                    mous += engagement.mouSignedOn() != null ? 1 : 0;
                    mentored += engagement.mentoring().isEmpty() ? 0 : 1;
                    masterplans += engagement.masterplan() != null ? 1 : 0;
                }
            }
            if (engagement != null && !region.isRegencyOrCity() && !engagement.withdrawn()) {
                smartProvinces++;
            }
            OptionalInt firstAssisted = firstAssistedYear(region);
            if (region.isRegencyOrCity() && firstAssisted.isPresent() && firstAssisted.getAsInt() <= year) {
                cumulative++;
                newDistinct += firstAssisted.getAsInt() == year ? 1 : 0;
            }
        }
        return new Row(year, selectedAsNew, repeats, withdrawals, engagements, mous, mentored, masterplans,
                newDistinct, cumulative, denominator, percent(cumulative, denominator), smartProvinces);
    }

    static OptionalInt firstAssistedYear(RegionView region) {
        return region.assistance().stream().mapToInt(EngagementView::cohortYear).min();
    }

    private static BigDecimal percent(int part, int whole) {
        return whole == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
