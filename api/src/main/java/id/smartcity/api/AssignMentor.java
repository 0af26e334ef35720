package id.smartcity.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

@Revision("1")
public record AssignMentor(@TargetAggregateIdentifier String code, int cohortYear, String institution,
                           List<String> mentors, LocalDate assignedOn) {
    public AssignMentor {
        mentors = mentors == null ? List.of() : List.copyOf(mentors);
    }
}
