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
public record AssignMentor(@TargetAggregateIdentifier @NotNull @Size(max = 20, groups = Limits.class) String code, int cohortYear,
                           @NotBlank @Size(max = 500, groups = Limits.class) String institution,
                           @NotEmpty @Size(max = 50, groups = Limits.class) List<@NotBlank @Size(max = 500) String> mentors,
                           @NotNull LocalDate assignedOn)
        implements ProgrammeCommand {
    public AssignMentor {
        mentors = mentors == null ? List.of() : List.copyOf(mentors);
    }
}
