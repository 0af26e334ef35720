package id.smartcity.benchmark.peer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import id.smartcity.api.AssignMentor;
import id.smartcity.api.MasterplanRevised;
import id.smartcity.api.MasterplanSubmitted;
import id.smartcity.api.MentorAssigned;
import id.smartcity.api.MoUSigned;
import id.smartcity.api.RegionSelected;
import id.smartcity.api.SelectRegion;
import id.smartcity.api.SignMoU;
import id.smartcity.api.SubmitMasterplan;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The peer's region: one event-sourced aggregate per region, as in the ledger, taking the ledger's own commands and
 * applying its own events, with the rules that order them (selected once, an MoU before mentors and a masterplan, one
 * masterplan). The ledger checks many more rules per command; these are the ones the benchmark's commands meet.
 */
public class Region {
    @AggregateIdentifier
    private String code;
    private final Set<Integer> cohorts = new HashSet<>();
    private final Set<Integer> signedMoUs = new HashSet<>();
    private final Set<Integer> masterplans = new HashSet<>();

    protected Region() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SelectRegion command) {
        if (code != null) {
            throw new IllegalStateException(code + " is already a participant");
        }
        apply(new RegionSelected(command.code(), command.name().strip(), command.kind(), command.cohortYear(),
                command.selectedOn(), command.assessment()));
    }

    @CommandHandler
    public void handle(SignMoU command) {
        requireCohort(command.cohortYear());
        if (signedMoUs.contains(command.cohortYear())) {
            throw new IllegalStateException(code + " signed its " + command.cohortYear() + " MoU already");
        }
        apply(new MoUSigned(code, command.cohortYear(), command.signedOn(), command.place().strip(),
                command.virtual(), command.signatories(), command.scope()));
    }

    @CommandHandler
    public void handle(AssignMentor command) {
        requireMoU(command.cohortYear());
        apply(new MentorAssigned(code, command.cohortYear(), command.institution().strip(), command.mentors(),
                command.assignedOn()));
    }

    @CommandHandler
    public void handle(SubmitMasterplan command) {
        requireMoU(command.cohortYear());
        if (masterplans.contains(command.cohortYear())) {
            throw new IllegalStateException(code + " submitted its " + command.cohortYear() + " masterplan already");
        }
        apply(new MasterplanSubmitted(code, command.cohortYear(), command.submittedOn(), command.horizonYears(),
                command.pillars(), command.quickWins(), command.documentSha256()));
    }

    private void requireCohort(int cohortYear) {
        if (!cohorts.contains(cohortYear)) {
            throw new IllegalStateException(code + " was not selected in " + cohortYear);
        }
    }

    private void requireMoU(int cohortYear) {
        requireCohort(cohortYear);
        if (!signedMoUs.contains(cohortYear)) {
            throw new IllegalStateException(code + " has no signed MoU for " + cohortYear);
        }
    }

    @EventSourcingHandler
    void on(RegionSelected event) {
        code = event.code();
        cohorts.add(event.cohortYear());
    }

    @EventSourcingHandler
    void on(MoUSigned event) {
        signedMoUs.add(event.cohortYear());
    }

    @EventSourcingHandler
    void on(MasterplanSubmitted event) {
        masterplans.add(event.cohortYear());
    }

    @EventSourcingHandler
    void on(MasterplanRevised event) {
        masterplans.add(event.cohortYear());
    }
}
