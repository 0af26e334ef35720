package id.smartcity.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

@Revision("1")
public record RepeatMentoring(@TargetAggregateIdentifier String code, int cohortYear, LocalDate startedOn,
                              String reason) {
}
