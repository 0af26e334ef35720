package id.smartcity.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/**
 * Records what the ministry published about a programme year, with its source, so that the ledger can set it beside
 * what it recorded. {@code publishedOn} is when the source said it, when known.
 */
@Revision("1")
public record RecordPublishedFigure(int year, PublishedMetric metric, long value, String source, LocalDate publishedOn,
                                    String note) {

    /** One stream of published figures per programme year. */
    @TargetAggregateIdentifier
    public String figuresId() {
        return "figures-" + year;
    }
}
