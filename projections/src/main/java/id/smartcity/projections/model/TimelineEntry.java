package id.smartcity.projections.model;

import java.time.LocalDate;

/** One event in a region's history: where it stands in the ledger, its business date, who recorded it, what it said. */
public record TimelineEntry(long position, String event, Integer cohortYear, LocalDate date, String recordedAt,
                            String recordedBy, String summary) {
}
