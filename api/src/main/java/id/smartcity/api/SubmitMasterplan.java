package id.smartcity.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

@Revision("1")
public record SubmitMasterplan(@TargetAggregateIdentifier String code, int cohortYear, LocalDate submittedOn,
                               int horizonYears, List<Pillar> pillars, List<String> quickWins,
                               String documentSha256) {
    public SubmitMasterplan {
        pillars = pillars == null ? List.of() : List.copyOf(pillars);
        quickWins = quickWins == null ? List.of() : List.copyOf(quickWins);
    }
}
