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
        int total = 0;
        for (Map.Entry<EvaluationDimension, Integer> weight : weights.entrySet()) {
            BigDecimal score = scores.get(weight.getKey());
            if (score != null) {
                weighted = weighted.add(score.multiply(BigDecimal.valueOf(weight.getValue())));
                total += weight.getValue();
            }
        }
        return total == 0 ? null : weighted.divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
    }

    /** Keys in their natural order, so that equal evaluations give byte-equal events. */
    static <K extends Comparable<K>, V> SortedMap<K, V> ordered(Map<K, V> map) {
        return map == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
