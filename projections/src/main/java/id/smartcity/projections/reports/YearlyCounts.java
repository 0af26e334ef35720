package id.smartcity.projections.reports;

import id.smartcity.projections.model.EngagementView;
import id.smartcity.projections.model.RegionView;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * What the annual totals count, per cohort year, as sums over regions. A sum is what lets time travel read from an
 * index: one region's change is a difference of its own counts, and the programme's counts at any date are the sum
 * of the differences recorded up to it. {@link AnnualTotals} makes its rows from these counts alone.
 */
public final class YearlyCounts {
    /** The counts kept per year. */
    public enum Count {
        /** Regions with an engagement of that cohort year, of any kind, withdrawn or not: the years the table shows. */
        ENGAGED,
        SELECTED_AS_NEW,
        WITHDRAWALS,
        ENGAGEMENTS,
        REPEATS,
        MOUS_SIGNED,
        MENTORED,
        MASTERPLANS_SUBMITTED,
        /** Regencies and cities first assisted in that year (their first engagement not withdrawn). */
        FIRST_ASSISTED,
        SMART_PROVINCES
    }

    private static final int COUNTS = Count.values().length;
    private final TreeMap<Integer, long[]> byYear = new TreeMap<>();

    /** One region's counts: what it adds to every total. */
    public static YearlyCounts of(RegionView region) {
        YearlyCounts counts = new YearlyCounts();
        if (region == null) {
            return counts;
        }
        boolean regencyOrCity = region.isRegencyOrCity();
        region.engagements().stream().mapToInt(EngagementView::cohortYear).distinct().forEach(year -> {
            // The engagement a report reads for a year is the region's first of that year.
            EngagementView engagement = region.engagement(year);
            counts.add(year, Count.ENGAGED, 1);
            if (regencyOrCity) {
                counts.add(year, Count.SELECTED_AS_NEW, engagement.type() == EngagementView.Type.NEW ? 1 : 0);
                counts.add(year, Count.WITHDRAWALS, engagement.withdrawn() ? 1 : 0);
                if (!engagement.withdrawn()) {
                    counts.add(year, Count.ENGAGEMENTS, 1);
                    counts.add(year, Count.REPEATS, engagement.type() == EngagementView.Type.REPEAT ? 1 : 0);
                    counts.add(year, Count.MOUS_SIGNED, engagement.mouSignedOn() != null ? 1 : 0);
                    counts.add(year, Count.MENTORED, engagement.mentoring().isEmpty() ? 0 : 1);
                    counts.add(year, Count.MASTERPLANS_SUBMITTED, engagement.masterplan() != null ? 1 : 0);
                }
            } else if (!engagement.withdrawn()) {
                counts.add(year, Count.SMART_PROVINCES, 1);
            }
        });
        OptionalInt firstAssisted = AnnualTotals.firstAssistedYear(region);
        if (regencyOrCity && firstAssisted.isPresent()) {
            counts.add(firstAssisted.getAsInt(), Count.FIRST_ASSISTED, 1);
        }
        return counts;
    }

    /** The counts of every region. */
    public static YearlyCounts of(Iterable<RegionView> regions) {
        YearlyCounts counts = new YearlyCounts();
        regions.forEach(region -> counts.add(of(region)));
        return counts;
    }

    public long get(int year, Count count) {
        long[] counts = byYear.get(year);
        return counts == null ? 0 : counts[count.ordinal()];
    }

    /** The sum of {@code count} over every year up to {@code year}. */
    public long upTo(int year, Count count) {
        return byYear.headMap(year, true).values().stream().mapToLong(counts -> counts[count.ordinal()]).sum();
    }

    /** The last year with a positive {@code count}. */
    public OptionalInt lastYearWith(Count count) {
        return byYear.descendingMap().entrySet().stream().filter(entry -> entry.getValue()[count.ordinal()] > 0)
                .mapToInt(Map.Entry::getKey).findFirst();
    }

    public void add(int year, Count count, long value) {
        if (value != 0) {
            byYear.computeIfAbsent(year, key -> new long[COUNTS])[count.ordinal()] += value;
            dropIfZero(year);
        }
    }

    /** Adds {@code other}'s counts to these. */
    public YearlyCounts add(YearlyCounts other) {
        other.byYear.forEach((year, counts) -> addAll(year, counts, 1));
        return this;
    }

    /** These counts less {@code other}'s, as new counts. */
    public YearlyCounts minus(YearlyCounts other) {
        YearlyCounts difference = new YearlyCounts();
        difference.add(this);
        other.byYear.forEach((year, counts) -> difference.addAll(year, counts, -1));
        return difference;
    }

    public boolean isZero() {
        return byYear.isEmpty();
    }

    /** Each year with its counts in {@link Count} order (for storage). */
    public void forEachYear(BiConsumer<Integer, long[]> action) {
        byYear.forEach((year, counts) -> action.accept(year, counts.clone()));
    }

    /** Adds one year's counts in {@link Count} order (as {@link #forEachYear} gives them). */
    public void addAll(int year, long[] counts, long sign) {
        if (counts.length != COUNTS) {
            throw new IllegalArgumentException("A year holds " + COUNTS + " counts, not " + counts.length);
        }
        long[] these = byYear.computeIfAbsent(year, key -> new long[COUNTS]);
        for (int i = 0; i < COUNTS; i++) {
            these[i] += sign * counts[i];
        }
        dropIfZero(year);
    }

    private void dropIfZero(int year) {
        if (Arrays.stream(byYear.get(year)).allMatch(value -> value == 0)) {
            byYear.remove(year);
        }
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof YearlyCounts that) || !byYear.keySet().equals(that.byYear.keySet())) {
            return false;
        }
        return byYear.entrySet().stream().allMatch(entry -> Arrays.equals(entry.getValue(),
                that.byYear.get(entry.getKey())));
    }

    @Override
    public int hashCode() {
        return byYear.entrySet().stream().mapToInt(entry -> entry.getKey() * 31 + Arrays.hashCode(entry.getValue()))
                .sum();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        byYear.forEach((year, counts) -> text.append(year).append('=').append(Arrays.toString(counts)).append(' '));
        return text.append('}').toString();
    }
}
