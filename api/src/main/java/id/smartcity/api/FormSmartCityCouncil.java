package id.smartcity.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

@Revision("1")
public record FormSmartCityCouncil(@TargetAggregateIdentifier String code, int cohortYear, LocalDate formedOn,
                                   List<CouncilMember> members, String decree) {
    public FormSmartCityCouncil {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
