package id.smartcity.projections.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.smartcity.api.MasterplanSubmitted;
import id.smartcity.api.MentorAssigned;
import id.smartcity.api.MentoringRepeated;
import id.smartcity.api.MoUSigned;
import id.smartcity.api.Pillar;
import id.smartcity.api.RegionKind;
import id.smartcity.api.RegionSelected;
import id.smartcity.api.RegionWithdrawn;
import id.smartcity.api.SmartProvinceSelected;
import id.smartcity.projections.model.EngagementView;
import id.smartcity.projections.model.LedgerEvent;
import id.smartcity.projections.model.MemoryViewStore;
import id.smartcity.projections.model.RegionProjector;
import id.smartcity.projections.model.RegionView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The annual totals made from {@link YearlyCounts} (what the time-travel index sums) against the totals counted
 * region by region, as they were before the counts existed; and the counts' own arithmetic at its extremes.
 */
class YearlyCountsPropertiesTest {
    private static final CoverageProperties COVERAGE = new CoverageProperties(514, Map.of());

    @Property(tries = 300)
    void rowsFromCountsEqualRowsCountedRegionByRegion(@ForAll @IntRange(min = 0, max = 40) int regions,
                                                      @ForAll long seed) {
        List<RegionView> views = programme(new Random(seed), regions);
        ProgrammeSnapshot snapshot = new ProgrammeSnapshot(views, List.of(), 1, null, null);

        assertThat(AnnualTotals.of(snapshot, COVERAGE)).isEqualTo(countedRegionByRegion(views));
    }

    @Property(tries = 300)
    void theCountsOfAllRegionsAreTheSumOfEachAndADifferenceUndoesASum(@ForAll @IntRange(min = 0, max = 20) int regions,
                                                                       @ForAll long seed) {
        List<RegionView> views = programme(new Random(seed), regions);
        YearlyCounts all = YearlyCounts.of(views);
        YearlyCounts sum = new YearlyCounts();
        views.forEach(view -> sum.add(YearlyCounts.of(view)));

        assertThat(all).isEqualTo(sum).hasSameHashCodeAs(sum);
        for (RegionView view : views) {
            YearlyCounts without = all.minus(YearlyCounts.of(view));
            assertThat(without.add(YearlyCounts.of(view))).isEqualTo(all);
        }
        assertThat(all.minus(all).isZero()).isTrue();
    }

    @Property(tries = 200)
    void extremeCountsAddAndSubtractExactlyOrRefuseARow(@ForAll("years") int year,
                                                        @ForAll @LongRange(min = -1_000_000_000L,
                                                                max = 1_000_000_000L) long value,
                                                        @ForAll("counts") YearlyCounts.Count count) {
        YearlyCounts counts = new YearlyCounts();
        counts.add(year, count, value);
        assertThat(counts.get(year, count)).isEqualTo(value);
        assertThat(counts.isZero()).isEqualTo(value == 0);
        counts.add(year, count, -value);
        assertThat(counts.isZero()).isTrue();
        assertThatThrownBy(() -> counts.addAll(year, new long[YearlyCounts.Count.values().length + 1], 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> counts.addAll(year, new long[0], 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 50)
    void aCountBeyondAnIntIsRefusedByTheRowsNotWrapped(@ForAll @LongRange(min = Integer.MAX_VALUE + 1L,
            max = Long.MAX_VALUE / 2) long value) {
        YearlyCounts counts = new YearlyCounts();
        counts.add(2019, YearlyCounts.Count.ENGAGED, 1);
        counts.add(2019, YearlyCounts.Count.MOUS_SIGNED, value);
        assertThatThrownBy(() -> AnnualTotals.of(counts, COVERAGE)).isInstanceOf(ArithmeticException.class);
    }

    @Provide
    Arbitrary<Integer> years() {
        return Arbitraries.integers().between(-999_999_999, 999_999_999);
    }

    @Provide
    Arbitrary<YearlyCounts.Count> counts() {
        return Arbitraries.of(YearlyCounts.Count.class);
    }

    /** Regions and provinces with engagements, steps and withdrawals in random years, through the projector. */
    private static List<RegionView> programme(Random random, int regions) {
        RegionProjector projector = new RegionProjector();
        MemoryViewStore<RegionView> store = new MemoryViewStore<>();
        long position = 0;
        for (int region = 0; region < regions; region++) {
            boolean province = random.nextInt(6) == 0;
            String code = province ? String.valueOf(11 + region) : String.format("%02d.%02d", 11 + region % 20,
                    region);
            int year = 2014 + random.nextInt(10);
            LocalDate day = LocalDate.of(year, 3, 1);
            List<Object> events = new ArrayList<>();
            events.add(province ? new SmartProvinceSelected(code, "P" + region, year, day, 10, List.of(), 3, "x")
                    : new RegionSelected(code, "R" + region, random.nextBoolean() ? RegionKind.CITY
                    : RegionKind.REGENCY, year, day, null));
            int engagements = 1 + random.nextInt(3);
            for (int engagement = 0; engagement < engagements; engagement++) {
                if (engagement > 0) {
                    int previous = year;
                    year += random.nextInt(3);
                    events.add(new MentoringRepeated(code, year, day, "again", previous));
                }
                if (random.nextBoolean()) {
                    events.add(new MoUSigned(code, year, day, "Jakarta", false, List.of(), List.of()));
                }
                if (random.nextBoolean()) {
                    events.add(new MentorAssigned(code, year, "Institution", List.of("Mentor"), day));
                }
                if (random.nextBoolean()) {
                    events.add(new MasterplanSubmitted(code, year, day, 10, List.of(Pillar.LIVING), List.of(),
                            "3f".repeat(32)));
                }
                if (random.nextInt(4) == 0) {
                    events.add(new RegionWithdrawn(code, year, day, "left"));
                }
            }
            for (Object event : events) {
                projector.apply(new LedgerEvent(++position, null, event), store);
            }
        }
        return List.copyOf(store.all());
    }

    /** The rows as AnnualTotals counted them before YearlyCounts: region by region, year by year. */
    private static List<AnnualTotals.Row> countedRegionByRegion(List<RegionView> regions) {
        int lastYear = regions.stream().flatMap(region -> region.engagements().stream())
                .mapToInt(EngagementView::cohortYear).max().orElse(AnnualTotals.FIRST_YEAR);
        List<AnnualTotals.Row> rows = new ArrayList<>();
        for (int year = AnnualTotals.FIRST_YEAR; year <= lastYear; year++) {
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
            for (RegionView region : regions) {
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
                OptionalInt firstAssisted = region.assistance().stream().mapToInt(EngagementView::cohortYear).min();
                if (region.isRegencyOrCity() && firstAssisted.isPresent() && firstAssisted.getAsInt() <= year) {
                    cumulative++;
                    newDistinct += firstAssisted.getAsInt() == year ? 1 : 0;
                }
            }
            int denominator = COVERAGE.denominator(year);
            BigDecimal percent = denominator == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(cumulative * 100L)
                    .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
            rows.add(new AnnualTotals.Row(year, selectedAsNew, repeats, withdrawals, engagements, mous, mentored,
                    masterplans, newDistinct, cumulative, denominator, percent, smartProvinces));
        }
        return rows;
    }
}
