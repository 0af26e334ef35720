package id.smartcity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

@Revision("1")
public record RecordQuickWin(@TargetAggregateIdentifier @NotNull @Size(max = 20, groups = Limits.class) String code, int year,
                             @NotBlank @Size(max = 500, groups = Limits.class) String title, @NotNull Pillar pillar,
                             @NotNull LocalDate deliveredOn)
        implements ProgrammeCommand {
}
