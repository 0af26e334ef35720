package id.smartcity.ledger.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.smartcity.api.EvaluationDimension;
import id.smartcity.api.Evaluations;
import id.smartcity.ledger.rules.Rule;
import id.smartcity.ledger.rules.RuleViolation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The numeric rules at the extremes of their fields (Integer.MIN_VALUE, MAX_VALUE, powers of two that wrap around
 * when added): each rule decides as exact arithmetic would, whatever int arithmetic would have said.
 */
class NumericRulesPropertiesTest {
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 11, 24).atStartOfDay()
            .toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    /** Extremes first, then anything: jqwik mixes edge cases in, but these are the ones that wrap. */
    private static Arbitrary<Integer> extremeInt() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -1, 0, 1, 19, 20,
                        21, 30, 99, 100, 101, 1 << 30, (1 << 30) + 25, Integer.MAX_VALUE - 99, Integer.MAX_VALUE)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(-5, 105)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers()));
    }

    @Provide
    Arbitrary<List<Integer>> fiveWeights() {
        return extremeInt().list().ofSize(EvaluationDimension.values().length);
    }

    @Property(tries = 2000)
    void weightsAreAcceptedExactlyWhenEachIsAShareAndTheyAddUpToHundred(@ForAll("fiveWeights") List<Integer> values) {
        Map<EvaluationDimension, Integer> weights = new EnumMap<>(EvaluationDimension.class);
        Map<EvaluationDimension, BigDecimal> scores = new EnumMap<>(EvaluationDimension.class);
        EvaluationDimension[] dimensions = EvaluationDimension.values();
        for (int i = 0; i < dimensions.length; i++) {
            weights.put(dimensions[i], values.get(i));
            scores.put(dimensions[i], BigDecimal.valueOf(1 + i % 4));
        }
        BigInteger exactSum = values.stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
        boolean valid = values.stream().allMatch(weight -> weight >= 1 && weight <= 100)
                && exactSum.equals(BigInteger.valueOf(100));

        RuleViolation refused = catchThrowableOfType(RuleViolation.class,
                () -> EvaluationPolicy.check(scores, Map.of(), weights, null));

        if (valid) {
            assertThat(refused).isNull();
            // An accepted evaluation's index lies on the scale of its scores.
            assertThat(Evaluations.index(scores, weights)).isBetween(BigDecimal.ONE, BigDecimal.valueOf(4));
        } else {
            assertThat(refused).as("weights %s", values).isNotNull();
            assertThat(refused.rule()).isEqualTo(Rule.WEIGHTS_INVALID);
        }
    }

    @Property(tries = 500)
    void theIndexIsTheExactWeightedMeanForAnyWeights(@ForAll("fiveWeights") List<Integer> values) {
        Map<EvaluationDimension, Integer> weights = new EnumMap<>(EvaluationDimension.class);
        Map<EvaluationDimension, BigDecimal> scores = new EnumMap<>(EvaluationDimension.class);
        EvaluationDimension[] dimensions = EvaluationDimension.values();
        for (int i = 0; i < dimensions.length; i++) {
            weights.put(dimensions[i], values.get(i));
            scores.put(dimensions[i], BigDecimal.valueOf(2));
        }
        BigInteger exactSum = values.stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
        BigDecimal index = Evaluations.index(scores, weights);
        if (exactSum.signum() == 0) {
            assertThat(index).isNull();
        } else {
            // Every score is 2, so any weighted mean with a non-zero total is 2: a wrapped total would not be.
            assertThat(index).isEqualByComparingTo("2");
        }
    }

    @Property(tries = 1000)
    void attestedMasterplansAreCountedExactly(@ForAll("extreme") int attested,
                                              @ForAll("recordedCount") int recordedCount) {
        Set<String> recorded = new TreeSet<>(IntStream.range(0, recordedCount).mapToObj(i -> "34.0" + i).toList());
        long total = 5;
        long counted = (long) recorded.size() + attested;
        boolean attestationValid = attested >= 0 && counted <= total;
        boolean covered = counted >= 4;

        RuleViolation refused = catchThrowableOfType(RuleViolation.class,
                () -> SmartProvincePolicy.check("34", 2023, recorded, attested, "Kominfo"));

        if (!attestationValid) {
            assertThat(refused).isNotNull();
            assertThat(refused.rule()).as("%d attested, %d recorded", attested, recordedCount)
                    .isEqualTo(Rule.ATTESTATION_INVALID);
        } else if (!covered) {
            assertThat(refused.rule()).isEqualTo(Rule.SMART_PROVINCE_COVERAGE);
        } else {
            assertThat(refused).isNull();
        }
    }

    @Provide
    Arbitrary<Integer> extreme() {
        return extremeInt();
    }

    @Provide
    Arbitrary<Integer> recordedCount() {
        return Arbitraries.integers().between(0, 5);
    }

    @Property(tries = 1000)
    void yearsAreInRangeOrRefusedWhateverTheirSize(@ForAll("extreme") int year) {
        boolean cohortValid = year >= 2017 && year <= 2027;
        if (cohortValid) {
            assertThatCode(() -> CohortYearPolicy.check(year, CLOCK)).doesNotThrowAnyException();
        } else {
            assertThat(catchThrowableOfType(RuleViolation.class, () -> CohortYearPolicy.check(year, CLOCK)).rule())
                    .isEqualTo(Rule.COHORT_YEAR_OUT_OF_RANGE);
        }
        // The year before Integer.MIN_VALUE is not Integer.MAX_VALUE: a selection in year MAX is not in cohort MIN.
        LocalDate selected = LocalDate.of(2019, 2, 22);
        boolean dateValid = year == 2019 || year == 2020;
        RuleViolation outside = catchThrowableOfType(RuleViolation.class,
                () -> CohortYearPolicy.checkSelectionDate(year, selected));
        assertThat(outside == null).as("cohort %d", year).isEqualTo(dateValid);
        boolean horizonValid = year >= 5 && year <= 20;
        RuleViolation horizon = catchThrowableOfType(RuleViolation.class,
                () -> MasterplanPolicy.check(year, List.of(id.smartcity.api.Pillar.GOVERNANCE), "a".repeat(64)));
        assertThat(horizon == null).as("horizon %d", year).isEqualTo(horizonValid);
    }
}
