package id.smartcity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** Grants a year's award in one category to a region. */
@Revision("1")
public record GrantAward(int year, @NotNull AwardCategory category, @NotBlank @Size(max = 20, groups = Limits.class) String code,
                         @Size(max = 2000, groups = Limits.class) String citation)
        implements ProgrammeCommand {

    /** One stream of awards per programme year: one winner per category is a rule across regions. */
    @TargetAggregateIdentifier
    public String awardsId() {
        return "awards-" + year;
    }
}
