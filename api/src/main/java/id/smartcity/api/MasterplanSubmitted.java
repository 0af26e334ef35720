package id.smartcity.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MasterplanSubmitted(String code, int cohortYear, LocalDate submittedOn, int horizonYears,
                                  List<Pillar> pillars, List<String> quickWins, String documentSha256) implements RegionEvent, ProgrammeEvent {
    public MasterplanSubmitted {
        pillars = pillars == null ? List.of() : List.copyOf(pillars);
        quickWins = quickWins == null ? List.of() : List.copyOf(quickWins);
    }

    @Override
    public LocalDate businessDate() {
        return submittedOn;
    }
}
