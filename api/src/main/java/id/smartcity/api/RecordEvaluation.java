package id.smartcity.api;

import java.math.BigDecimal;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/**
 * Records a region's yearly implementation evaluation: scores 1-4 per dimension and per pillar, and the weights of
 * the dimensions that year (they differ between years, so they travel with the scores). The index is computed from
 * them ({@link Evaluations#index}); {@code rank} is the national rank when it was published.
 */
@Revision("1")
public record RecordEvaluation(@TargetAggregateIdentifier String code, int year,
                               Map<EvaluationDimension, BigDecimal> dimensionScores,
                               Map<Pillar, BigDecimal> pillarScores, Map<EvaluationDimension, Integer> weights,
                               Integer rank, String note) {
    public RecordEvaluation {
        dimensionScores = Evaluations.ordered(dimensionScores);
        pillarScores = Evaluations.ordered(pillarScores);
        weights = Evaluations.ordered(weights);
    }
}
