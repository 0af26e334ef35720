package id.smartcity.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

@Revision("1")
public record RecordQuickWin(@TargetAggregateIdentifier String code, int year, String title, Pillar pillar,
                             LocalDate deliveredOn) {
}
