package id.smartcity.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A region set up its Smart City council (Dewan Smart City) for an engagement, by a decree when one is named. */
@Revision("1")
public record SmartCityCouncilFormed(String code, int cohortYear, LocalDate formedOn, List<CouncilMember> members,
                                     String decree) implements RegionEvent, ProgrammeEvent {

    @Override
    public LocalDate businessDate() {
        return formedOn;
    }
}
