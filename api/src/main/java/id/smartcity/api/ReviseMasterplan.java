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
public record ReviseMasterplan(@TargetAggregateIdentifier @NotNull @Size(max = 20, groups = Limits.class) String code, int cohortYear,
                               @NotNull LocalDate revisedOn, int horizonYears,
                               @NotEmpty @Size(max = 6, groups = Limits.class) List<@NotNull Pillar> pillars,
                               @Size(max = 100, groups = Limits.class) List<@NotBlank @Size(max = 500) String> quickWins,
                               @NotBlank @Size(max = 64, groups = Limits.class) String documentSha256, @NotBlank @Size(max = 2000, groups = Limits.class) String reason)
        implements ProgrammeCommand {
    public ReviseMasterplan {
        pillars = pillars == null ? List.of() : List.copyOf(pillars);
        quickWins = quickWins == null ? List.of() : List.copyOf(quickWins);
    }
}
