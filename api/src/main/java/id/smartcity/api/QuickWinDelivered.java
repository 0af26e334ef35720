package id.smartcity.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A region delivered a quick win (program pintas), a result people feel within a year. {@code plannedIn} is the
 * cohort year of the masterplan that listed it, or null when no masterplan did.
 */
@Revision("1")
public record QuickWinDelivered(String code, int year, String title, Pillar pillar, LocalDate deliveredOn,
                                Integer plannedIn) implements RegionEvent, ProgrammeEvent {

    @Override
    public LocalDate businessDate() {
        return deliveredOn;
    }
}
