package id.smartcity.ledger.region;

import id.smartcity.ledger.rules.Rule;
import id.smartcity.ledger.rules.RuleViolation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import id.smartcity.api.AssignMentor;
import id.smartcity.api.MasterplanRevised;
import id.smartcity.api.MasterplanSubmitted;
import id.smartcity.api.MentorAssigned;
import id.smartcity.api.MentoringRepeated;
import id.smartcity.api.MoUSigned;
import id.smartcity.api.RegionSelected;
import id.smartcity.api.RegionWithdrawn;
import id.smartcity.api.RepeatMentoring;
import id.smartcity.api.ReviseMasterplan;
import id.smartcity.api.SelectRegion;
import id.smartcity.api.SignMoU;
import id.smartcity.api.SubmitMasterplan;
import id.smartcity.api.WithdrawRegion;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A province, regency or city and its engagements with the programme, one per cohort year. Command handlers check
 * the rules and apply events; state changes only in the event sourcing handlers.
 */
public class Region {
    @AggregateIdentifier
    private String code;
    private String name;
    private final Map<Integer, Engagement> engagements = new TreeMap<>();

    protected Region() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SelectRegion command, Clock clock) {
        RegionCodePolicy.check(command.code(), command.kind());
        RuleViolation.check(command.name() != null && !command.name().isBlank(), Rule.NAME_REQUIRED,
                "The region's name is missing");
        CohortYearPolicy.check(command.cohortYear(), clock);
        BusinessDatePolicy.check(command.selectedOn(), "selection", clock);
        CohortYearPolicy.checkSelectionDate(command.cohortYear(), command.selectedOn());
        Optional<Engagement> assisted = engagements.values().stream().filter(e -> !e.withdrawn()).findFirst();
        RuleViolation.check(assisted.isEmpty(), Rule.ALREADY_PARTICIPANT, () -> name + " has been assisted since "
                + assisted.orElseThrow().cohortYear + ": use RepeatMentoring");
        checkNoEngagementIn(command.cohortYear());
        engagements.values().stream().map(e -> e.withdrawnOn).max(LocalDate::compareTo).ifPresent(withdrawn ->
                BusinessDatePolicy.checkNotBefore(command.selectedOn(), "selection", withdrawn, "withdrawal"));
        apply(new RegionSelected(command.code(), command.name().strip(), command.kind(), command.cohortYear(),
                command.selectedOn(), command.assessment()));
    }

    @CommandHandler
    public void handle(SignMoU command, Clock clock) {
        Engagement engagement = openEngagement(command.cohortYear());
        RuleViolation.check(!engagement.mouSigned(), Rule.MOU_ALREADY_SIGNED, () -> name + " signed its "
                + engagement.cohortYear + " MoU on " + engagement.mouSignedOn);
        BusinessDatePolicy.check(command.signedOn(), "MoU", clock);
        BusinessDatePolicy.checkNotBefore(command.signedOn(), "MoU", engagement.startedOn, "selection");
        apply(new MoUSigned(code, command.cohortYear(), command.signedOn(), command.place(), command.virtual(),
                command.signatories(), command.scope()));
    }

    @CommandHandler
    public void handle(AssignMentor command, Clock clock) {
        Engagement engagement = openEngagement(command.cohortYear());
        LocalDate mou = mouCovering(engagement);
        RuleViolation.check(mou != null, Rule.MOU_NOT_SIGNED, () -> name + " has no signed MoU for "
                + engagement.cohortYear);
        RuleViolation.check(command.institution() != null && !command.institution().isBlank()
                && !command.mentors().isEmpty(), Rule.MENTORS_REQUIRED, "Name the institution and its mentors");
        RuleViolation.check(!engagement.hasInstitution(command.institution()), Rule.MENTOR_ALREADY_ASSIGNED,
                () -> command.institution() + " already mentors " + name + " in " + engagement.cohortYear);
        BusinessDatePolicy.check(command.assignedOn(), "mentor assignment", clock);
        BusinessDatePolicy.checkNotBefore(command.assignedOn(), "mentor assignment",
                engagement.mouSigned() ? engagement.mouSignedOn : engagement.startedOn,
                engagement.mouSigned() ? "MoU" : "start of the repeat");
        apply(new MentorAssigned(code, command.cohortYear(), command.institution().strip(), command.mentors(),
                command.assignedOn()));
    }

    @CommandHandler
    public void handle(RepeatMentoring command, Clock clock) {
        CohortYearPolicy.check(command.cohortYear(), clock);
        BusinessDatePolicy.check(command.startedOn(), "repeat mentoring", clock);
        CohortYearPolicy.checkSelectionDate(command.cohortYear(), command.startedOn());
        RuleViolation.check(command.reason() != null && !command.reason().isBlank(), Rule.REASON_REQUIRED,
                "Say why the region is mentored again");
        checkNoEngagementIn(command.cohortYear());
        Optional<Engagement> earlier = engagements.values().stream()
                .filter(e -> e.cohortYear < command.cohortYear() && !e.withdrawn())
                .reduce((first, second) -> second);
        RuleViolation.check(earlier.isPresent(), Rule.NO_EARLIER_ENGAGEMENT, () -> name
                + " has no engagement before " + command.cohortYear() + " that was not withdrawn");
        BusinessDatePolicy.checkNotBefore(command.startedOn(), "repeat mentoring", earlier.get().startedOn,
                "earlier engagement");
        apply(new MentoringRepeated(code, command.cohortYear(), command.startedOn(), command.reason().strip(),
                earlier.get().cohortYear));
    }

    @CommandHandler
    public void handle(SubmitMasterplan command, Clock clock) {
        Engagement engagement = openEngagement(command.cohortYear());
        RuleViolation.check(engagement.hasMentor(), Rule.NO_MENTOR, () -> name + " has no mentor in "
                + engagement.cohortYear);
        RuleViolation.check(!engagement.masterplanSubmitted(), Rule.MASTERPLAN_ALREADY_SUBMITTED,
                () -> name + " submitted its " + engagement.cohortYear + " masterplan on "
                        + engagement.masterplanSubmittedOn + ": use ReviseMasterplan");
        MasterplanPolicy.check(command.horizonYears(), command.pillars(), command.documentSha256());
        BusinessDatePolicy.check(command.submittedOn(), "masterplan", clock);
        BusinessDatePolicy.checkNotBefore(command.submittedOn(), "masterplan", engagement.firstMentorAssignedOn,
                "first mentor assignment");
        apply(new MasterplanSubmitted(code, command.cohortYear(), command.submittedOn(), command.horizonYears(),
                MasterplanPolicy.canonical(command.pillars()), command.quickWins(), command.documentSha256()));
    }

    @CommandHandler
    public void handle(ReviseMasterplan command, Clock clock) {
        Engagement engagement = openEngagement(command.cohortYear());
        RuleViolation.check(engagement.masterplanSubmitted(), Rule.NO_MASTERPLAN, () -> name
                + " has no masterplan for " + engagement.cohortYear + " to revise");
        MasterplanPolicy.check(command.horizonYears(), command.pillars(), command.documentSha256());
        RuleViolation.check(command.reason() != null && !command.reason().isBlank(), Rule.REASON_REQUIRED,
                "Say why the masterplan is revised");
        BusinessDatePolicy.check(command.revisedOn(), "masterplan revision", clock);
        BusinessDatePolicy.checkNotBefore(command.revisedOn(), "masterplan revision",
                engagement.lastMasterplanChangeOn, "previous version of the masterplan");
        apply(new MasterplanRevised(code, command.cohortYear(), command.revisedOn(),
                engagement.masterplanRevisions + 1, command.horizonYears(),
                MasterplanPolicy.canonical(command.pillars()), command.quickWins(), command.documentSha256(),
                command.reason().strip()));
    }

    @CommandHandler
    public void handle(WithdrawRegion command, Clock clock) {
        Engagement engagement = openEngagement(command.cohortYear());
        RuleViolation.check(command.reason() != null && !command.reason().isBlank(), Rule.REASON_REQUIRED,
                "Say why the region withdraws");
        BusinessDatePolicy.check(command.withdrawnOn(), "withdrawal", clock);
        BusinessDatePolicy.checkNotBefore(command.withdrawnOn(), "withdrawal", engagement.latestStepOn,
                "latest step of the engagement");
        apply(new RegionWithdrawn(code, command.cohortYear(), command.withdrawnOn(), command.reason().strip()));
    }

    private Engagement openEngagement(int cohortYear) {
        Engagement engagement = engagements.get(cohortYear);
        RuleViolation.check(engagement != null, Rule.NO_OPEN_ENGAGEMENT, () -> name + " has no engagement in "
                + cohortYear);
        RuleViolation.check(!engagement.withdrawn(), Rule.ENGAGEMENT_WITHDRAWN, () -> name + " withdrew from its "
                + cohortYear + " engagement on " + engagement.withdrawnOn);
        return engagement;
    }

    private void checkNoEngagementIn(int cohortYear) {
        RuleViolation.check(!engagements.containsKey(cohortYear), Rule.ENGAGEMENT_EXISTS_FOR_YEAR,
                () -> name + " already has an engagement in " + cohortYear);
    }

    /** A repeat engagement works under the MoU of the engagement it repeats, unless it signed one of its own. */
    private LocalDate mouCovering(Engagement engagement) {
        if (engagement.mouSigned() || !engagement.repeat) {
            return engagement.mouSignedOn;
        }
        return engagements.values().stream()
                .filter(e -> e.cohortYear < engagement.cohortYear && !e.withdrawn() && e.mouSigned())
                .map(e -> e.mouSignedOn).reduce((first, second) -> second).orElse(null);
    }

    @EventSourcingHandler
    void on(RegionSelected event) {
        code = event.code();
        name = event.name();
        engagements.put(event.cohortYear(), new Engagement(event.cohortYear(), false, event.selectedOn()));
    }

    @EventSourcingHandler
    void on(MentoringRepeated event) {
        engagements.put(event.cohortYear(), new Engagement(event.cohortYear(), true, event.startedOn()));
    }

    @EventSourcingHandler
    void on(MoUSigned event) {
        Engagement engagement = engagements.get(event.cohortYear());
        engagement.mouSignedOn = event.signedOn();
        engagement.stepOn(event.signedOn());
    }

    @EventSourcingHandler
    void on(MentorAssigned event) {
        engagements.get(event.cohortYear()).addInstitution(event.institution(), event.assignedOn());
    }

    @EventSourcingHandler
    void on(MasterplanSubmitted event) {
        Engagement engagement = engagements.get(event.cohortYear());
        engagement.masterplanSubmittedOn = event.submittedOn();
        engagement.lastMasterplanChangeOn = event.submittedOn();
        engagement.stepOn(event.submittedOn());
    }

    @EventSourcingHandler
    void on(MasterplanRevised event) {
        Engagement engagement = engagements.get(event.cohortYear());
        engagement.masterplanRevisions = event.revision();
        engagement.lastMasterplanChangeOn = event.revisedOn();
        engagement.stepOn(event.revisedOn());
    }

    @EventSourcingHandler
    void on(RegionWithdrawn event) {
        Engagement engagement = engagements.get(event.cohortYear());
        engagement.withdrawnOn = event.withdrawnOn();
        engagement.stepOn(event.withdrawnOn());
    }
}
