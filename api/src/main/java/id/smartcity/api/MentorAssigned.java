package id.smartcity.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MentorAssigned(String code, int cohortYear, String institution, List<String> mentors,
                             LocalDate assignedOn) implements RegionEvent, ProgrammeEvent {
    public MentorAssigned {
        mentors = mentors == null ? List.of() : List.copyOf(mentors);
    }

    @Override
    public LocalDate businessDate() {
        return assignedOn;
    }
}
