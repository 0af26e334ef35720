package id.smartcity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

@Revision("1")
public record FormImplementationTeam(@TargetAggregateIdentifier @NotNull @Size(max = 20, groups = Limits.class) String code, int cohortYear,
                                     @NotNull LocalDate formedOn, @NotBlank @Size(max = 500, groups = Limits.class) String lead,
                                     @NotEmpty @Size(max = 200, groups = Limits.class) List<@NotBlank @Size(max = 500) String> members)
        implements ProgrammeCommand {
    public FormImplementationTeam {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
