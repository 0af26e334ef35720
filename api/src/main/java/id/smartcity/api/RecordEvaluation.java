package id.smartcity.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
public record RecordEvaluation(@TargetAggregateIdentifier @NotNull @Size(max = 20, groups = Limits.class) String code, int year,
                               @NotEmpty Map<@NotNull EvaluationDimension, @NotNull BigDecimal> dimensionScores,
                               Map<@NotNull Pillar, @NotNull BigDecimal> pillarScores,
                               @NotEmpty Map<@NotNull EvaluationDimension, @NotNull Integer> weights,
                               Integer rank, @Size(max = 2000, groups = Limits.class) String note)
        implements ProgrammeCommand {
    public RecordEvaluation {
        dimensionScores = Evaluations.ordered(dimensionScores);
        pillarScores = Evaluations.ordered(pillarScores);
        weights = Evaluations.ordered(weights);
    }
}
