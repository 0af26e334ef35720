package id.smartcity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/**
 * Records what the ministry published about a programme year, with its source, so that the ledger can set it beside
 * what it recorded. {@code publishedOn} is when the source said it, when known.
 */
@Revision("1")
public record RecordPublishedFigure(int year, @NotNull PublishedMetric metric, long value,
                                    @NotBlank @Size(max = 500, groups = Limits.class) String source, LocalDate publishedOn,
                                    @Size(max = 2000, groups = Limits.class) String note)
        implements ProgrammeCommand {

    /** One stream of published figures per programme year. */
    @TargetAggregateIdentifier
    public String figuresId() {
        return "figures-" + year;
    }
}
