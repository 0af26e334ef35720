package id.smartcity.projections.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * One event in a region's history: where it stands in the ledger, its business date, who recorded it, what it said
 * ({@code summary} in English; {@code what} the same as a message code with parameters, for any language).
 */
public record TimelineEntry(long position, String event, Integer cohortYear, LocalDate date, String recordedAt,
                            String recordedBy, String summary, Phrase what) {

    /** The event's name for people, as a message code ({@code event.RegionSelected}). */
    @JsonProperty("eventName")
    public Phrase eventName() {
        return Phrase.of("event." + event);
    }
}
