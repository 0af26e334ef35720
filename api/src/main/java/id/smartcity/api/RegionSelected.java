package id.smartcity.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A region entered a cohort as a new participant (a first selection, or a selection again after a withdrawal). */
@Revision("1")
public record RegionSelected(String code, String name, RegionKind kind, int cohortYear, LocalDate selectedOn,
                             Assessment assessment) implements RegionEvent, ProgrammeEvent {

    @Override
    public LocalDate businessDate() {
        return selectedOn;
    }
}
