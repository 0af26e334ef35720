package id.smartcity.ledger.figures;

import id.smartcity.api.Programme;
import id.smartcity.api.PublishedFigureRecorded;
import id.smartcity.api.RecordPublishedFigure;
import id.smartcity.ledger.rules.Rule;
import id.smartcity.ledger.rules.RuleViolation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** What the ministry published about one programme year, source by source. */
public class PublishedFigures {

    @AggregateIdentifier
    private String id;
    private final Map<String, Long> recorded = new HashMap<>();

    protected PublishedFigures() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordPublishedFigure command, Clock clock) {
        int nextYear = LocalDate.now(clock).getYear() + 1;
        RuleViolation.check(command.year() >= Programme.FIRST_YEAR && command.year() <= nextYear, Rule.FIGURE_YEAR_OUT_OF_RANGE,
                "Year " + command.year() + " is outside " + Programme.FIRST_YEAR + ".." + nextYear);
        RuleViolation.check(command.metric() != null, Rule.FIGURE_VALUE_INVALID, "The figure names no metric");
        RuleViolation.check(command.value() >= 0, Rule.FIGURE_VALUE_INVALID,
                "A count cannot be " + command.value());
        RuleViolation.check(command.source() != null && !command.source().isBlank(), Rule.SOURCE_REQUIRED,
                "Say where the figure was published");
        RuleViolation.check(command.publishedOn() == null || !command.publishedOn().isAfter(LocalDate.now(clock)),
                Rule.DATE_IN_FUTURE, "Published on " + command.publishedOn() + ", after today");
        String key = key(command.metric().name(), command.source().strip());
        RuleViolation.check(!recorded.containsKey(key), Rule.FIGURE_ALREADY_RECORDED, () -> "Source "
                + command.source().strip() + " already gave " + command.metric() + " for " + command.year() + ": "
                + recorded.get(key));
        apply(new PublishedFigureRecorded(command.year(), command.metric(), command.value(), command.source().strip(),
                command.publishedOn(), command.note()));
    }

    @EventSourcingHandler
    void on(PublishedFigureRecorded event) {
        id = "figures-" + event.year();
        recorded.put(key(event.metric().name(), event.source()), event.value());
    }

    private static String key(String metric, String source) {
        return metric + "|" + source;
    }
}
