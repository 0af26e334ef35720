package id.smartcity.projections.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import id.smartcity.api.AwardCategory;
import id.smartcity.api.CandidateScores;
import id.smartcity.api.EvaluationDimension;
import id.smartcity.api.Pillar;
import id.smartcity.api.Provinces;
import id.smartcity.api.RegionKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A region's dossier: its assessments as a candidate, every engagement with its steps, its quick wins, evaluations
 * and awards, and the timeline of events with the positions it was built from. {@code lastPosition} is the last event applied, which makes applying an event twice harmless.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public final class RegionView {
    String code;
    String name;
    RegionKind kind;
    String provinceCode;
    String provinceName;
    List<EngagementView> engagements = new ArrayList<>();
    List<AssessmentView> assessments = new ArrayList<>();
    List<QuickWinView> quickWins = new ArrayList<>();
    List<EvaluationView> evaluations = new ArrayList<>();
    List<AwardView> awards = new ArrayList<>();
    List<TimelineEntry> timeline = new ArrayList<>();
    long lastPosition;

    /** An assessment as a candidate, and the cohort it led to, if any. */
    public record AssessmentView(String round, LocalDate assessedOn, CandidateScores scores, Integer selectedInto) {
    }

    /** A quick win delivered; {@code plannedIn} is the cohort year of the masterplan that listed it. */
    public record QuickWinView(int year, String title, Pillar pillar, LocalDate deliveredOn, Integer plannedIn) {
    }

    /** A yearly evaluation, with the index computed from its scores and weights. */
    public record EvaluationView(int year, BigDecimal index, Integer rank,
                                 Map<EvaluationDimension, BigDecimal> dimensionScores,
                                 Map<Pillar, BigDecimal> pillarScores, Map<EvaluationDimension, Integer> weights,
                                 String note) {
    }

    /** An award won. */
    public record AwardView(int year, AwardCategory category, String citation) {
    }

    RegionView() {
        // for Jackson
    }

    RegionView(String code, String name, RegionKind kind) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.provinceCode = Provinces.codeOf(code);
        this.provinceName = Provinces.nameOf(provinceCode);
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public RegionKind kind() {
        return kind;
    }

    public String provinceCode() {
        return provinceCode;
    }

    public String provinceName() {
        return provinceName;
    }

    public List<EngagementView> engagements() {
        return engagements;
    }

    public List<AssessmentView> assessments() {
        return assessments;
    }

    public List<QuickWinView> quickWins() {
        return quickWins;
    }

    public List<EvaluationView> evaluations() {
        return evaluations;
    }

    public List<AwardView> awards() {
        return awards;
    }

    public List<TimelineEntry> timeline() {
        return timeline;
    }

    public long lastPosition() {
        return lastPosition;
    }

    /** Regencies and cities count towards the 514; provinces are Smart Provinces. */
    public boolean isRegencyOrCity() {
        return kind != RegionKind.PROVINCE;
    }

    public EngagementView engagement(int cohortYear) {
        return engagements.stream().filter(e -> e.cohortYear == cohortYear).findFirst().orElse(null);
    }

    /** Whether the region ever entered a cohort (a candidate only assessed has not). */
    public boolean participated() {
        return !engagements.isEmpty();
    }

    /** How many times the region was assisted, as every report counts it: its engagements that were not withdrawn. */
    @JsonProperty(value = "assistedTimes", access = JsonProperty.Access.READ_ONLY)
    public int assistedTimes() {
        return assistance().size();
    }

    /** Engagements that count as assistance: not withdrawn. */
    public List<EngagementView> assistance() {
        return engagements.stream().filter(e -> !e.withdrawn()).toList();
    }
}
