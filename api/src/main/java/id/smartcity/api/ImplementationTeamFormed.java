package id.smartcity.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A region set up the team that carries out its masterplan for an engagement. */
@Revision("1")
public record ImplementationTeamFormed(String code, int cohortYear, LocalDate formedOn, String lead,
                                       List<String> members) implements RegionEvent, ProgrammeEvent {

    @Override
    public LocalDate businessDate() {
        return formedOn;
    }
}
