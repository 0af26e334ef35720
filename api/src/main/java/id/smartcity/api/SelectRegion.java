package id.smartcity.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

@Revision("1")
public record SelectRegion(@TargetAggregateIdentifier @NotNull @Size(max = 20, groups = Limits.class) String code,
                           @NotBlank @Size(max = 200, groups = Limits.class) String name, @NotNull RegionKind kind, int cohortYear,
                           @NotNull LocalDate selectedOn, @Valid Assessment assessment)
        implements ProgrammeCommand {
}
