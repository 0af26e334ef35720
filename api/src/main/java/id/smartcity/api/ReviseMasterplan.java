package id.smartcity.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReviseMasterplan(@TargetAggregateIdentifier String code, int cohortYear, LocalDate revisedOn,
                               int horizonYears, List<Pillar> pillars, List<String> quickWins,
                               String documentSha256, String reason) {
    public ReviseMasterplan {
        pillars = pillars == null ? List.of() : List.copyOf(pillars);
        quickWins = quickWins == null ? List.of() : List.copyOf(quickWins);
    }
}
