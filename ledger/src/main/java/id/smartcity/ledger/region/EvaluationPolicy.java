package id.smartcity.ledger.region;

import id.smartcity.api.EvaluationDimension;
import id.smartcity.api.Pillar;
import id.smartcity.ledger.rules.Rule;
import id.smartcity.ledger.rules.RuleViolation;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;

/**
 * The yearly evaluation scores all five dimensions and any of the pillars from 1 to 4, and weighs the dimensions with
 * that year's weights: each above zero and at most 100, 100 in all (summed exactly).
 */
final class EvaluationPolicy {
    private static final BigDecimal LOWEST = BigDecimal.ONE;
    private static final BigDecimal HIGHEST = BigDecimal.valueOf(4);
    private static final int ALL_WEIGHTS = 100;

    private EvaluationPolicy() {
    }

    static void check(Map<EvaluationDimension, BigDecimal> dimensions, Map<Pillar, BigDecimal> pillars,
                      Map<EvaluationDimension, Integer> weights, Integer rank) {
        RuleViolation.check(dimensions.keySet().containsAll(Arrays.asList(EvaluationDimension.values())),
                Rule.EVALUATION_INCOMPLETE, () -> "No score for " + Arrays.stream(EvaluationDimension.values())
                        .filter(dimension -> !dimensions.containsKey(dimension)).toList());
        dimensions.forEach((dimension, score) -> inRange(dimension.name(), score));
        pillars.forEach((pillar, score) -> inRange(pillar.name(), score));
        // Each weight is bounded before they are added, and added as longs: 2^30 four times and 100 sum to 100 in
        // int arithmetic, and such an evaluation ranked first with an index of 42,949,673.96 on a 1-4 scale.
        RuleViolation.check(weights.keySet().containsAll(Arrays.asList(EvaluationDimension.values()))
                        && weights.values().stream().allMatch(weight -> weight != null && weight > 0
                        && weight <= ALL_WEIGHTS)
                        && weights.values().stream().mapToLong(Integer::longValue).sum() == ALL_WEIGHTS,
                Rule.WEIGHTS_INVALID, () -> "Weights " + weights + " do not give each of the five dimensions a share"
                        + " of " + ALL_WEIGHTS);
        RuleViolation.check(rank == null || rank >= 1, Rule.RANK_INVALID, () -> "Rank " + rank);
    }

    private static void inRange(String what, BigDecimal score) {
        RuleViolation.check(score != null && score.compareTo(LOWEST) >= 0 && score.compareTo(HIGHEST) <= 0,
                Rule.SCORE_OUT_OF_RANGE, () -> "The score of " + what + " (" + score + ") is outside 1..4");
    }
}
