package id.smartcity.ledger.awards;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import id.smartcity.api.AwardCategory;
import id.smartcity.api.AwardGranted;
import id.smartcity.api.GrantAward;
import id.smartcity.ledger.region.ProgrammeRegister;
import id.smartcity.ledger.region.ProgrammeYearPolicy;
import id.smartcity.ledger.rules.Rule;
import id.smartcity.ledger.rules.RuleViolation;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A year's awards. One winner per category is a rule across regions, so the year, not the region, is the aggregate;
 * whether the winner took part is read from the register (it only grows: ADR 10).
 */
public class Awards {
    @AggregateIdentifier
    private String id;
    private final Map<AwardCategory, String> winners = new EnumMap<>(AwardCategory.class);

    protected Awards() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(GrantAward command, Clock clock, ProgrammeRegister register) {
        ProgrammeYearPolicy.check(command.year(), clock);
        RuleViolation.check(command.category() != null && command.code() != null && !command.code().isBlank(),
                Rule.AWARD_INCOMPLETE, "Name the category and the winning region");
        RuleViolation.check(!winners.containsKey(command.category()), Rule.AWARD_ALREADY_GRANTED,
                () -> "The " + command.year() + " award for " + command.category() + " went to "
                        + winners.get(command.category()));
        OptionalInt firstCohort = register.firstCohortYear(command.code());
        RuleViolation.check(firstCohort.isPresent() && firstCohort.getAsInt() <= command.year(),
                Rule.NOT_A_PARTICIPANT, () -> command.code() + (firstCohort.isPresent()
                        ? " joined the programme in " + firstCohort.getAsInt() + ", after " + command.year()
                        : " never took part in the programme"));
        apply(new AwardGranted(command.year(), command.category(), command.code(), command.citation()));
    }

    @EventSourcingHandler
    void on(AwardGranted event) {
        id = "awards-" + event.year();
        winners.put(event.category(), event.code());
    }
}
