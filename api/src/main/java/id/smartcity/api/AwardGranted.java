package id.smartcity.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A region won a year's award in a category. */
@Revision("1")
public record AwardGranted(int year, AwardCategory category, String code, String citation) implements ProgrammeEvent {

    /** Carries a year, not a day: it counts from the end of that year. */
    @Override
    public LocalDate businessDate() {
        return LocalDate.of(year, 12, 31);
    }
}
