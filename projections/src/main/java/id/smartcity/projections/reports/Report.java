package id.smartcity.projections.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A report's rows and what they rest on: the last event position, and the date or instant asked for. */
public record Report<T>(String report, LocalDate asOf, Instant knownAt, long position, List<T> rows) {
    public static <T> Report<T> of(String name, ProgrammeSnapshot snapshot, List<T> rows) {
        return new Report<>(name, snapshot.asOf(), snapshot.knownAt(), snapshot.position(), rows);
    }
}
