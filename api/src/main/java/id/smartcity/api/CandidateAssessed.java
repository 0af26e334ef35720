package id.smartcity.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A region was assessed as a candidate in a selection round. */
@Revision("1")
public record CandidateAssessed(String code, String name, RegionKind kind, String round, LocalDate assessedOn,
                                CandidateScores scores) implements RegionEvent, ProgrammeEvent {

    @Override
    public LocalDate businessDate() {
        return assessedOn;
    }
}
