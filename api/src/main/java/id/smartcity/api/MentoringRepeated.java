package id.smartcity.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A region that was assisted before got another engagement; {@code previousCohortYear} is the latest earlier one. */
@Revision("1")
public record MentoringRepeated(String code, int cohortYear, LocalDate startedOn, String reason,
                                int previousCohortYear) implements RegionEvent, ProgrammeEvent {

    @Override
    public LocalDate businessDate() {
        return startedOn;
    }
}
