package id.smartcity.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The evaluation index, computed the same way wherever it is shown. */
public final class Evaluations {
    private Evaluations() {
    }

    /**
     * The weighted mean of the dimension scores, to two decimals (half up, as the ministry publishes it: Kota Kediri
     * 3.06 in 2021).
     */
    public static BigDecimal index(Map<EvaluationDimension, BigDecimal> scores, Map<EvaluationDimension, Integer> weights) {
        BigDecimal weighted = BigDecimal.ZERO;
        // Summed as a BigDecimal, never as an int: an int total of weights wraps around and gives any index at all.
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<EvaluationDimension, Integer> weight : weights.entrySet()) {
            BigDecimal score = scores.get(weight.getKey());
            if (score != null && weight.getValue() != null) {
                BigDecimal share = BigDecimal.valueOf(weight.getValue());
                weighted = weighted.add(score.multiply(share));
                total = total.add(share);
            }
        }
        return total.signum() == 0 ? null : weighted.divide(total, 2, RoundingMode.HALF_UP);
    }

    /** Keys in their natural order, so that equal evaluations give byte-equal events. */
    static <K extends Comparable<K>, V> SortedMap<K, V> ordered(Map<K, V> map) {
        return map == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
