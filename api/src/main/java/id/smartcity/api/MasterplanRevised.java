package id.smartcity.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A submitted masterplan changed; {@code revision} counts from 1 for the first revision. */
@Revision("1")
public record MasterplanRevised(String code, int cohortYear, LocalDate revisedOn, int revision, int horizonYears,
                                List<Pillar> pillars, List<String> quickWins, String documentSha256,
                                String reason) implements RegionEvent, ProgrammeEvent {
    public MasterplanRevised {
        pillars = pillars == null ? List.of() : List.copyOf(pillars);
        quickWins = quickWins == null ? List.of() : List.copyOf(quickWins);
    }

    @Override
    public LocalDate businessDate() {
        return revisedOn;
    }
}
