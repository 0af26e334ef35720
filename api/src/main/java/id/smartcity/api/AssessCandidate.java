package id.smartcity.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** Records a candidate's assessment in a selection round, before (and whether or not) it is selected. */
@Revision("1")
public record AssessCandidate(@TargetAggregateIdentifier String code, String name, RegionKind kind, String round,
                              LocalDate assessedOn, CandidateScores scores) {
}
