package id.smartcity.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record RegionWithdrawn(String code, int cohortYear, LocalDate withdrawnOn, String reason)
        implements RegionEvent, ProgrammeEvent {

    @Override
    public LocalDate businessDate() {
        return withdrawnOn;
    }
}
