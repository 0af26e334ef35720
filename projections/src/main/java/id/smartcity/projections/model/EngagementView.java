package id.smartcity.projections.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import id.smartcity.api.CouncilMember;
import id.smartcity.api.Pillar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One cohort year of a region: how it started, its MoU, mentors, council and team, masterplan and revisions, or its
 * withdrawal.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public final class EngagementView {
    /** How an engagement began. */
    public enum Type { NEW, REPEAT }

    /** How far an engagement got. */
    public enum Status { SELECTED, MOU_SIGNED, MENTORED, MASTERPLAN_SUBMITTED, WITHDRAWN }

    int cohortYear;
    Type type;
    LocalDate startedOn;
    String assessmentRound;
    String repeatReason;
    Integer previousCohortYear;
    LocalDate mouSignedOn;
    String mouPlace;
    Boolean mouVirtual;
    List<Mentoring> mentoring = new ArrayList<>();
    Masterplan masterplan;
    LocalDate withdrawnOn;
    String withdrawalReason;
    Council council;
    Team implementationTeam;
    SmartProvinceQualification smartProvince;

    EngagementView() {
        // for Jackson
    }

    EngagementView(int cohortYear, Type type, LocalDate startedOn) {
        this.cohortYear = cohortYear;
        this.type = type;
        this.startedOn = startedOn;
    }

    /** An institution and its mentors. */
    public record Mentoring(String institution, List<String> mentors, LocalDate assignedOn) {
    }

    /** The masterplan as last revised, with its revisions. */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    public static final class Masterplan {
        LocalDate submittedOn;
        int horizonYears;
        List<Pillar> pillars = new ArrayList<>();
        List<String> quickWins = new ArrayList<>();
        /** The planned quick wins delivered so far, as titled when delivered. */
        List<String> deliveredQuickWins = new ArrayList<>();
        String documentSha256;
        List<Revision> revisions = new ArrayList<>();

        public List<Pillar> pillars() {
            return pillars;
        }

        public LocalDate submittedOn() {
            return submittedOn;
        }

        public List<Revision> revisions() {
            return revisions;
        }

        public List<String> quickWins() {
            return quickWins;
        }

        public List<String> deliveredQuickWins() {
            return deliveredQuickWins;
        }
    }

    /** The Smart City council the engagement formed. */
    public record Council(LocalDate formedOn, List<CouncilMember> members, String decree) {
    }

    /** The implementation team the engagement formed. */
    public record Team(LocalDate formedOn, String lead, List<String> members) {
    }

    /** What a Smart Province qualified on. */
    public record SmartProvinceQualification(int regenciesAndCities, List<String> recordedMasterplans,
                                             int attestedMasterplans, String attestationSource) {
    }

    /** A revision of a masterplan. */
    public record Revision(int revision, LocalDate revisedOn, String reason, String documentSha256) {
    }

    public int cohortYear() {
        return cohortYear;
    }

    public Type type() {
        return type;
    }

    public LocalDate startedOn() {
        return startedOn;
    }

    public String repeatReason() {
        return repeatReason;
    }

    public Integer previousCohortYear() {
        return previousCohortYear;
    }

    public LocalDate mouSignedOn() {
        return mouSignedOn;
    }

    public List<Mentoring> mentoring() {
        return mentoring;
    }

    public Masterplan masterplan() {
        return masterplan;
    }

    public LocalDate withdrawnOn() {
        return withdrawnOn;
    }

    public String withdrawalReason() {
        return withdrawalReason;
    }

    public Council council() {
        return council;
    }

    public Team implementationTeam() {
        return implementationTeam;
    }

    public SmartProvinceQualification smartProvince() {
        return smartProvince;
    }

    public boolean withdrawn() {
        return withdrawnOn != null;
    }

    public List<String> institutions() {
        return mentoring.stream().map(Mentoring::institution).toList();
    }

    @JsonProperty("status")
    public Status status() {
        if (withdrawn()) {
            return Status.WITHDRAWN;
        }
        if (masterplan != null) {
            return Status.MASTERPLAN_SUBMITTED;
        }
        if (!mentoring.isEmpty()) {
            return Status.MENTORED;
        }
        return mouSignedOn != null ? Status.MOU_SIGNED : Status.SELECTED;
    }
}
