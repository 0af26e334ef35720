package id.smartcity.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** A region's implementation was evaluated for a year; the index is computed from this event, never stored. */
@Revision("1")
public record EvaluationRecorded(String code, int year, Map<EvaluationDimension, BigDecimal> dimensionScores,
                                 Map<Pillar, BigDecimal> pillarScores, Map<EvaluationDimension, Integer> weights,
                                 Integer rank, String note) implements RegionEvent, ProgrammeEvent {
    public EvaluationRecorded {
        dimensionScores = Evaluations.ordered(dimensionScores);
        pillarScores = Evaluations.ordered(pillarScores);
        weights = Evaluations.ordered(weights);
    }

    /** Carries a year, not a day: it counts from the end of that year. */
    @Override
    public LocalDate businessDate() {
        return LocalDate.of(year, 12, 31);
    }
}
