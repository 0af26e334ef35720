package id.smartcity.ledger.region;

import id.smartcity.ledger.rules.Rule;
import id.smartcity.ledger.rules.RuleViolation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import id.smartcity.api.AssessCandidate;
import id.smartcity.api.Assessment;
import id.smartcity.api.AssignMentor;
import id.smartcity.api.CandidateAssessed;
import id.smartcity.api.CandidateScores;
import id.smartcity.api.EvaluationRecorded;
import id.smartcity.api.FormImplementationTeam;
import id.smartcity.api.FormSmartCityCouncil;
import id.smartcity.api.ImplementationTeamFormed;
import id.smartcity.api.QuickWinDelivered;
import id.smartcity.api.RecordEvaluation;
import id.smartcity.api.RecordQuickWin;
import id.smartcity.api.RegionKind;
import id.smartcity.api.SelectSmartProvince;
import id.smartcity.api.SmartCityCouncilFormed;
import id.smartcity.api.SmartProvinceSelected;
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
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A province, regency or city: its assessments as a candidate, its engagements with the programme (one per cohort
 * year, each with its MoU, mentors, masterplan, council and team), its quick wins and yearly evaluations. Command
 * handlers check the rules and apply events; state changes only in the event sourcing handlers.
 */
public class Region {
    @AggregateIdentifier
    private String code;
    private String name;
    private final Map<Integer, Engagement> engagements = new TreeMap<>();
    /** Selection rounds the region was assessed in, by {@link Engagement#key} of the round. */
    private final Map<String, Assessment> assessments = new LinkedHashMap<>();
    private final Set<String> quickWins = new HashSet<>();
    private final Set<Integer> evaluatedYears = new HashSet<>();

    protected Region() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SelectRegion command, Clock clock) {
        RegionCodePolicy.check(command.code(), command.kind(), command.selectedOn());
        RuleViolation.check(command.kind() != RegionKind.PROVINCE, Rule.PROVINCE_IS_SMART_PROVINCE,
                command.code() + " is a province: select it with SelectSmartProvince");
        checkNewParticipant(command.name(), command.cohortYear(), command.selectedOn(), clock);
        Assessment assessment = assessmentBehind(command.assessment());
        if (assessment != null && assessment.assessedOn() != null) {
            BusinessDatePolicy.checkNotBefore(command.selectedOn(), "selection", assessment.assessedOn(),
                    "assessment");
        }
        apply(new RegionSelected(command.code(), command.name().strip(), command.kind(), command.cohortYear(),
                command.selectedOn(), assessment));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SelectSmartProvince command, Clock clock, ProgrammeRegister register) {
        RegionCodePolicy.check(command.code(), RegionKind.PROVINCE, command.selectedOn());
        checkNewParticipant(command.name(), command.cohortYear(), command.selectedOn(), clock);
        Set<String> recorded = register.regionsWithMasterplan(command.code());
        int regenciesAndCities = SmartProvincePolicy.check(command.code(), command.cohortYear(), recorded,
                command.attestedMasterplans(), command.attestationSource());
        apply(new SmartProvinceSelected(command.code(), command.name().strip(), command.cohortYear(),
                command.selectedOn(), regenciesAndCities, recorded.stream().sorted().toList(),
                command.attestedMasterplans(), command.attestedMasterplans() == 0 ? null
                : command.attestationSource().strip()));
    }

    private void checkNewParticipant(String regionName, int cohortYear, LocalDate selectedOn, Clock clock) {
        RuleViolation.check(regionName != null && !regionName.isBlank(), Rule.NAME_REQUIRED,
                "The region's name is missing");
        CohortYearPolicy.check(cohortYear, clock);
        BusinessDatePolicy.check(selectedOn, "selection", clock);
        CohortYearPolicy.checkSelectionDate(cohortYear, selectedOn);
        Optional<Engagement> assisted = engagements.values().stream().filter(e -> !e.withdrawn()).findFirst();
        RuleViolation.check(assisted.isEmpty(), Rule.ALREADY_PARTICIPANT, () -> name + " has been assisted since "
                + assisted.orElseThrow().cohortYear + ": use RepeatMentoring");
        checkNoEngagementIn(cohortYear);
        engagements.values().stream().map(e -> e.withdrawnOn).max(LocalDate::compareTo).ifPresent(withdrawn ->
                BusinessDatePolicy.checkNotBefore(selectedOn, "selection", withdrawn, "withdrawal"));
    }

    /**
     * The assessment a selection rests on. A region assessed in the ledger is selected from one of its rounds: the one
     * named, or else its latest; a region never assessed here may still name a round it was assessed in elsewhere.
     */
    private Assessment assessmentBehind(Assessment named) {
        if (assessments.isEmpty()) {
            return named;
        }
        if (named == null || named.round() == null) {
            Assessment latest = assessments.values().stream()
                    .max(Comparator.comparing(Assessment::assessedOn)).orElseThrow();
            return new Assessment(latest.round(), latest.assessedOn(), named == null ? null : named.notes());
        }
        Assessment recorded = assessments.get(Engagement.key(named.round()));
        RuleViolation.check(recorded != null, Rule.ASSESSMENT_NOT_RECORDED, () -> name + " was assessed in "
                + assessments.values().stream().map(Assessment::round).toList() + ", not in '" + named.round() + "'");
        return new Assessment(recorded.round(), recorded.assessedOn(), named.notes());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AssessCandidate command, Clock clock) {
        RegionCodePolicy.check(command.code(), command.kind(), command.assessedOn());
        RuleViolation.check(command.name() != null && !command.name().isBlank(), Rule.NAME_REQUIRED,
                "The candidate's name is missing");
        RuleViolation.check(command.round() != null && !command.round().isBlank(), Rule.ROUND_REQUIRED,
                "Name the selection round");
        BusinessDatePolicy.check(command.assessedOn(), "assessment", clock);
        CandidateScorePolicy.check(command.kind(), command.scores());
        RuleViolation.check(!assessments.containsKey(Engagement.key(command.round())),
                Rule.ASSESSMENT_ALREADY_RECORDED, () -> command.name().strip() + " was assessed in round '"
                        + command.round().strip() + "' already");
        apply(new CandidateAssessed(command.code(), command.name().strip(), command.kind(), command.round().strip(),
                command.assessedOn(), command.scores() == null ? CandidateScores.NONE : command.scores()));
    }

    @CommandHandler
    public void handle(FormSmartCityCouncil command, Clock clock) {
        Engagement engagement = openEngagement(command.cohortYear());
        RuleViolation.check(mouCovering(engagement) != null, Rule.MOU_NOT_SIGNED, () -> name
                + " has no signed MoU for " + engagement.cohortYear);
        RuleViolation.check(engagement.councilFormedOn == null, Rule.COUNCIL_ALREADY_FORMED, () -> name
                + " formed its " + engagement.cohortYear + " council on " + engagement.councilFormedOn);
        CouncilPolicy.checkCouncil(command.members());
        BusinessDatePolicy.check(command.formedOn(), "council", clock);
        BusinessDatePolicy.checkNotBefore(command.formedOn(), "council", engagement.startedOn, "engagement's start");
        apply(new SmartCityCouncilFormed(code, command.cohortYear(), command.formedOn(), command.members(),
                command.decree()));
    }

    @CommandHandler
    public void handle(FormImplementationTeam command, Clock clock) {
        Engagement engagement = openEngagement(command.cohortYear());
        RuleViolation.check(engagement.teamFormedOn == null, Rule.TEAM_ALREADY_FORMED, () -> name
                + " formed its " + engagement.cohortYear + " implementation team on " + engagement.teamFormedOn);
        CouncilPolicy.checkTeam(command.lead(), command.members());
        BusinessDatePolicy.check(command.formedOn(), "implementation team", clock);
        BusinessDatePolicy.checkNotBefore(command.formedOn(), "implementation team", engagement.startedOn,
                "engagement's start");
        apply(new ImplementationTeamFormed(code, command.cohortYear(), command.formedOn(), command.lead().strip(),
                command.members().stream().map(String::strip).toList()));
    }

    @CommandHandler
    public void handle(RecordQuickWin command, Clock clock) {
        ProgrammeYearPolicy.check(command.year(), clock);
        Engagement engagement = engagedBy(command.year());
        RuleViolation.check(command.title() != null && !command.title().isBlank() && command.pillar() != null,
                Rule.QUICK_WIN_INCOMPLETE, "Give the quick win a title and a pillar");
        BusinessDatePolicy.check(command.deliveredOn(), "quick win", clock);
        RuleViolation.check(command.deliveredOn().getYear() == command.year(), Rule.DATE_OUTSIDE_YEAR,
                () -> "Delivered on " + command.deliveredOn() + ", recorded for " + command.year());
        BusinessDatePolicy.checkNotBefore(command.deliveredOn(), "quick win", engagement.startedOn,
                "engagement's start");
        RuleViolation.check(!quickWins.contains(quickWinKey(command.year(), command.title())),
                Rule.QUICK_WIN_ALREADY_RECORDED, () -> name + " recorded '" + command.title().strip() + "' for "
                        + command.year() + " already");
        Integer plannedIn = engagements.values().stream()
                .filter(e -> e.cohortYear <= command.year() && !e.withdrawn() && e.planned(command.title()))
                .map(e -> e.cohortYear).reduce((first, second) -> second).orElse(null);
        apply(new QuickWinDelivered(code, command.year(), command.title().strip(), command.pillar(),
                command.deliveredOn(), plannedIn));
    }

    @CommandHandler
    public void handle(RecordEvaluation command, Clock clock) {
        ProgrammeYearPolicy.check(command.year(), clock);
        engagedBy(command.year());
        EvaluationPolicy.check(command.dimensionScores(), command.pillarScores(), command.weights(), command.rank());
        RuleViolation.check(!evaluatedYears.contains(command.year()), Rule.EVALUATION_ALREADY_RECORDED,
                () -> name + " was evaluated for " + command.year() + " already");
        apply(new EvaluationRecorded(code, command.year(), command.dimensionScores(), command.pillarScores(),
                command.weights(), command.rank(), command.note()));
    }

    /** The latest engagement by that year that was not withdrawn: quick wins and evaluations need one. */
    private Engagement engagedBy(int year) {
        return engagements.values().stream().filter(e -> e.cohortYear <= year && !e.withdrawn())
                .reduce((first, second) -> second).orElseThrow(() -> new RuleViolation(Rule.NOT_A_PARTICIPANT,
                        (name == null ? code : name) + " has no engagement by " + year + " that was not withdrawn"));
    }

    private static String quickWinKey(int year, String title) {
        return year + "|" + Engagement.key(title);
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
    void on(SmartProvinceSelected event) {
        code = event.code();
        name = event.name();
        engagements.put(event.cohortYear(), new Engagement(event.cohortYear(), false, event.selectedOn()));
    }

    @EventSourcingHandler
    void on(CandidateAssessed event) {
        code = event.code();
        if (name == null) {
            name = event.name();
        }
        assessments.put(Engagement.key(event.round()), new Assessment(event.round(), event.assessedOn(), null));
    }

    @EventSourcingHandler
    void on(SmartCityCouncilFormed event) {
        engagements.get(event.cohortYear()).councilFormedOn = event.formedOn();
    }

    @EventSourcingHandler
    void on(ImplementationTeamFormed event) {
        engagements.get(event.cohortYear()).teamFormedOn = event.formedOn();
    }

    @EventSourcingHandler
    void on(QuickWinDelivered event) {
        quickWins.add(quickWinKey(event.year(), event.title()));
    }

    @EventSourcingHandler
    void on(EvaluationRecorded event) {
        evaluatedYears.add(event.year());
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
        engagement.plan(event.quickWins());
        engagement.stepOn(event.submittedOn());
    }

    @EventSourcingHandler
    void on(MasterplanRevised event) {
        Engagement engagement = engagements.get(event.cohortYear());
        engagement.masterplanRevisions = event.revision();
        engagement.lastMasterplanChangeOn = event.revisedOn();
        engagement.plan(event.quickWins());
        engagement.stepOn(event.revisedOn());
    }

    @EventSourcingHandler
    void on(RegionWithdrawn event) {
        Engagement engagement = engagements.get(event.cohortYear());
        engagement.withdrawnOn = event.withdrawnOn();
        engagement.stepOn(event.withdrawnOn());
    }
}
