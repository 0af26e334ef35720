package id.smartcity.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** Records a candidate's assessment in a selection round, before (and whether or not) it is selected. */
@Revision("1")
public record AssessCandidate(@TargetAggregateIdentifier @NotNull @Size(max = 20, groups = Limits.class) String code,
                              @NotBlank @Size(max = 200, groups = Limits.class) String name, @NotNull RegionKind kind,
                              @NotBlank @Size(max = 100, groups = Limits.class) String round, @NotNull LocalDate assessedOn,
                              @Valid CandidateScores scores)
        implements ProgrammeCommand {
}
