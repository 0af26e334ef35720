package id.smartcity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

@Revision("1")
public record SignMoU(@TargetAggregateIdentifier @NotNull @Size(max = 20, groups = Limits.class) String code, int cohortYear,
                      @NotNull LocalDate signedOn, @NotBlank @Size(max = 500, groups = Limits.class) String place, boolean virtual,
                      @Size(max = 50, groups = Limits.class) List<@NotBlank @Size(max = 500) String> signatories,
                      @Size(max = 50, groups = Limits.class) List<@NotBlank @Size(max = 500) String> scope)
        implements ProgrammeCommand {
    public SignMoU {
        signatories = signatories == null ? List.of() : List.copyOf(signatories);
        scope = scope == null ? List.of() : List.copyOf(scope);
    }
}
