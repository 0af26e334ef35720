package id.smartcity.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

@Revision("1")
public record FormSmartCityCouncil(@TargetAggregateIdentifier @NotNull @Size(max = 20, groups = Limits.class) String code, int cohortYear,
                                   @NotNull LocalDate formedOn,
                                   @NotEmpty @Size(max = 200, groups = Limits.class) List<@NotNull @Valid CouncilMember> members,
                                   @Size(max = 500, groups = Limits.class) String decree)
        implements ProgrammeCommand {
    public FormSmartCityCouncil {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
