package id.smartcity.projections.reports;

import id.smartcity.projections.model.EngagementView;
import id.smartcity.projections.model.RegionView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every region with more than one engagement, one row per engagement: its year, how it began and why, its mentors,
 * how far it got. {@code assistedTimes} counts only engagements that were not withdrawn.
 */
public final class RepeatedAssistance {
    private RepeatedAssistance() {
    }

    public record Row(String code, String name, String province, int assistedTimes, int cohortYear,
                      EngagementView.Type type, EngagementView.Status status, List<String> institutions,
                      String masterplan, String reason) {
    }

    public static List<Row> of(ProgrammeSnapshot snapshot) {
        List<Row> rows = new ArrayList<>();
        snapshot.regions().stream().filter(region -> region.engagements().size() > 1)
                .sorted(Comparator.comparing(RegionView::code))
                .forEach(region -> region.engagements().forEach(engagement -> rows.add(new Row(region.code(),
                        region.name(), region.provinceName(), region.assistance().size(), engagement.cohortYear(),
                        engagement.type(), engagement.status(), engagement.institutions(), masterplan(engagement),
                        engagement.withdrawn() ? "withdrawn: " + engagement.withdrawalReason()
                                : engagement.repeatReason()))));
        return rows;
    }

    private static String masterplan(EngagementView engagement) {
        if (engagement.masterplan() == null) {
            return "none";
        }
        int revisions = engagement.masterplan().revisions().size();
        return "submitted " + engagement.masterplan().submittedOn()
                + (revisions == 0 ? "" : ", revised " + revisions + " times");
    }
}
