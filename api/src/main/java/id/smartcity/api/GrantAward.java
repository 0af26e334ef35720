package id.smartcity.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** Grants a year's award in one category to a region. */
@Revision("1")
public record GrantAward(int year, AwardCategory category, String code, String citation) {

    /** One stream of awards per programme year: one winner per category is a rule across regions. */
    @TargetAggregateIdentifier
    public String awardsId() {
        return "awards-" + year;
    }
}
