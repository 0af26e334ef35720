package id.smartcity.projections.model;

import id.smartcity.api.ProgrammeEvent;
import java.time.LocalDate;

/** The date on which what an event records happened in the programme: what {@code asOf} filters by. */
public final class BusinessDates {
    private BusinessDates() {
    }

    /** The business date of a programme event (each one names its own); null for any other payload. */
    public static LocalDate of(Object payload) {
        return payload instanceof ProgrammeEvent event ? event.businessDate() : null;
    }
}
