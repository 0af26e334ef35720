package id.smartcity.projections.reports;

import id.smartcity.api.Pillar;
import id.smartcity.api.RegionKind;
import id.smartcity.projections.model.EngagementView;
import id.smartcity.projections.model.RegionView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Who is in a cohort, and the programme broken down by province, mentor institution and pillar. */
public final class Rosters {
    private Rosters() {
    }

    public record CohortRow(int year, String code, String name, RegionKind kind, String provinceCode,
                            String provinceName, EngagementView.Type type, EngagementView.Status status,
                            LocalDate startedOn, LocalDate mouSignedOn, List<String> institutions,
                            List<Pillar> pillars) {
    }

    public record RegionRow(String code, String name, RegionKind kind, String provinceCode, String provinceName,
                            List<Integer> cohorts, int assistedTimes, EngagementView.Status latestStatus) {
    }

    public record ProvinceRow(String provinceCode, String provinceName, int regionsAssisted, int engagements,
                              int withdrawals, int masterplans) {
    }

    public record MentorRow(String institution, int engagements, int regions, List<Integer> years, int masterplans) {
    }

    public record PillarRow(Pillar pillar, int masterplans) {
    }

    public static List<CohortRow> cohort(ProgrammeSnapshot snapshot, int year) {
        List<CohortRow> rows = new ArrayList<>();
        sorted(snapshot).forEach(region -> {
            EngagementView engagement = region.engagement(year);
            if (engagement != null) {
                rows.add(new CohortRow(year, region.code(), region.name(), region.kind(), region.provinceCode(),
                        region.provinceName(), engagement.type(), engagement.status(), engagement.startedOn(),
                        engagement.mouSignedOn(), engagement.institutions(),
                        engagement.masterplan() == null ? List.of() : engagement.masterplan().pillars()));
            }
        });
        return rows;
    }

    /** Regions, filtered by province code, cohort year and status (of that cohort, or of the latest engagement). */
    public static List<RegionRow> regions(ProgrammeSnapshot snapshot, String province, Integer cohort,
                                          EngagementView.Status status) {
        Predicate<RegionView> inProvince = region -> province == null || province.equals(region.provinceCode());
        Predicate<RegionView> inCohort = region -> cohort == null || region.engagement(cohort) != null;
        Predicate<RegionView> withStatus = region -> status == null || status == statusOf(region, cohort);
        return sorted(snapshot).filter(RegionView::participated).filter(inProvince.and(inCohort).and(withStatus))
                .map(region -> new RegionRow(region.code(), region.name(), region.kind(), region.provinceCode(),
                        region.provinceName(), region.engagements().stream().map(EngagementView::cohortYear).toList(),
                        region.assistance().size(), statusOf(region, null)))
                .toList();
    }

    private static EngagementView.Status statusOf(RegionView region, Integer cohort) {
        EngagementView engagement = cohort != null ? region.engagement(cohort)
                : region.engagements().get(region.engagements().size() - 1);
        return engagement.status();
    }

    public static List<ProvinceRow> provinces(ProgrammeSnapshot snapshot) {
        Map<String, List<RegionView>> byProvince = new TreeMap<>();
        snapshot.regions().forEach(region -> byProvince.computeIfAbsent(region.provinceCode(),
                key -> new ArrayList<>()).add(region));
        List<ProvinceRow> rows = new ArrayList<>();
        byProvince.forEach((code, regions) -> rows.add(new ProvinceRow(code, regions.get(0).provinceName(),
                (int) regions.stream().filter(region -> region.isRegencyOrCity() && !region.assistance().isEmpty())
                        .count(),
                regions.stream().mapToInt(region -> region.assistance().size()).sum(),
                regions.stream().mapToInt(region -> region.engagements().size() - region.assistance().size()).sum(),
                (int) regions.stream().flatMap(region -> region.assistance().stream())
                        .filter(engagement -> engagement.masterplan() != null).count())));
        return rows;
    }

    public static List<MentorRow> mentors(ProgrammeSnapshot snapshot) {
        Map<String, List<String>> regions = new TreeMap<>();
        Map<String, List<EngagementView>> engagements = new TreeMap<>();
        snapshot.regions().forEach(region -> region.assistance().forEach(engagement ->
                engagement.institutions().forEach(institution -> {
                    regions.computeIfAbsent(institution, key -> new ArrayList<>()).add(region.code());
                    engagements.computeIfAbsent(institution, key -> new ArrayList<>()).add(engagement);
                })));
        List<MentorRow> rows = new ArrayList<>();
        engagements.forEach((institution, mentored) -> rows.add(new MentorRow(institution, mentored.size(),
                new TreeSet<>(regions.get(institution)).size(),
                List.copyOf(new TreeSet<>(mentored.stream().map(EngagementView::cohortYear).toList())),
                (int) mentored.stream().filter(engagement -> engagement.masterplan() != null).count())));
        return rows;
    }

    public static List<PillarRow> pillars(ProgrammeSnapshot snapshot) {
        Map<Pillar, Integer> counts = new TreeMap<>();
        for (Pillar pillar : Pillar.values()) {
            counts.put(pillar, 0);
        }
        snapshot.regions().forEach(region -> region.assistance().stream()
                .filter(engagement -> engagement.masterplan() != null)
                .forEach(engagement -> engagement.masterplan().pillars()
                        .forEach(pillar -> counts.merge(pillar, 1, Integer::sum))));
        return counts.entrySet().stream().map(entry -> new PillarRow(entry.getKey(), entry.getValue())).toList();
    }

    private static java.util.stream.Stream<RegionView> sorted(ProgrammeSnapshot snapshot) {
        return snapshot.regions().stream().sorted(Comparator.comparing(RegionView::code));
    }
}
