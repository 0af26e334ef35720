package id.smartcity.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

@Revision("1")
public record SelectRegion(@TargetAggregateIdentifier String code, String name, RegionKind kind, int cohortYear,
                           LocalDate selectedOn, Assessment assessment) {
}
