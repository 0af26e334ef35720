package id.smartcity.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

@Revision("1")
public record FormImplementationTeam(@TargetAggregateIdentifier String code, int cohortYear, LocalDate formedOn,
                                     String lead, List<String> members) {
    public FormImplementationTeam {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
