package id.smartcity.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

@Revision("1")
public record WithdrawRegion(@TargetAggregateIdentifier String code, int cohortYear, LocalDate withdrawnOn,
                             String reason) {
}
