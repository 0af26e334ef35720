package id.smartcity.ledger.region;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/** One cohort year of a region's participation; changed only by the aggregate's event sourcing handlers. */
final class Engagement {
    final int cohortYear;
    final boolean repeat;
    final LocalDate startedOn;
    LocalDate mouSignedOn;
    LocalDate firstMentorAssignedOn;
    final Set<String> institutions = new LinkedHashSet<>();
    LocalDate masterplanSubmittedOn;
    LocalDate lastMasterplanChangeOn;
    int masterplanRevisions;
    LocalDate withdrawnOn;
    LocalDate latestStepOn;
    LocalDate councilFormedOn;
    LocalDate teamFormedOn;
    /** The quick wins of the masterplan as last revised, by {@link #key}. */
    final Set<String> plannedQuickWins = new LinkedHashSet<>();

    Engagement(int cohortYear, boolean repeat, LocalDate startedOn) {
        this.cohortYear = cohortYear;
        this.repeat = repeat;
        this.startedOn = startedOn;
        this.latestStepOn = startedOn;
    }

    boolean withdrawn() {
        return withdrawnOn != null;
    }

    boolean mouSigned() {
        return mouSignedOn != null;
    }

    boolean hasMentor() {
        return !institutions.isEmpty();
    }

    boolean masterplanSubmitted() {
        return masterplanSubmittedOn != null;
    }

    boolean hasInstitution(String institution) {
        return institutions.contains(key(institution));
    }

    void addInstitution(String institution, LocalDate assignedOn) {
        institutions.add(key(institution));
        if (firstMentorAssignedOn == null) {
            firstMentorAssignedOn = assignedOn;
        }
        stepOn(assignedOn);
    }

    void plan(List<String> quickWins) {
        plannedQuickWins.clear();
        quickWins.forEach(title -> plannedQuickWins.add(key(title)));
    }

    boolean planned(String quickWin) {
        return plannedQuickWins.contains(key(quickWin));
    }

    void stepOn(LocalDate date) {
        latestStepOn = Stream.of(latestStepOn, date).max(LocalDate::compareTo).orElse(date);
    }

    /** Value equality, so that the state built by handling a command can be compared with the state replayed. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Engagement that && cohortYear == that.cohortYear && repeat == that.repeat
                && masterplanRevisions == that.masterplanRevisions && Objects.equals(startedOn, that.startedOn)
                && Objects.equals(mouSignedOn, that.mouSignedOn)
                && Objects.equals(firstMentorAssignedOn, that.firstMentorAssignedOn)
                && institutions.equals(that.institutions)
                && Objects.equals(masterplanSubmittedOn, that.masterplanSubmittedOn)
                && Objects.equals(lastMasterplanChangeOn, that.lastMasterplanChangeOn)
                && Objects.equals(withdrawnOn, that.withdrawnOn) && Objects.equals(latestStepOn, that.latestStepOn)
                && Objects.equals(councilFormedOn, that.councilFormedOn)
                && Objects.equals(teamFormedOn, that.teamFormedOn) && plannedQuickWins.equals(that.plannedQuickWins);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cohortYear, repeat, startedOn);
    }

    /** Names compare without case and surrounding blanks. */
    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
