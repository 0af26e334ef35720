package id.smartcity.ledger.region;

import id.smartcity.api.CandidateScores;
import id.smartcity.api.RegionKind;
import id.smartcity.ledger.rules.Rule;
import id.smartcity.ledger.rules.RuleViolation;
import java.math.BigDecimal;

/** Candidate indices lie on a 0-100 scale; the sustainable city index (Bappenas) is measured for cities only. */
final class CandidateScorePolicy {
    private static final BigDecimal HIGHEST = BigDecimal.valueOf(100);

    private CandidateScorePolicy() {
    }

    static void check(RegionKind kind, CandidateScores scores) {
        if (scores == null) {
            return;
        }
        inRange("fiscal capacity", scores.fiscalCapacity());
        inRange("high-performing city index", scores.highPerformingCityIndex());
        inRange("sustainable city index", scores.sustainableCityIndex());
        inRange("green city index", scores.greenCityIndex());
        RuleViolation.check(scores.sustainableCityIndex() == null || kind == RegionKind.CITY,
                Rule.SCORE_NOT_APPLICABLE, "A " + kind.name().toLowerCase() + " has no sustainable city index");
    }

    private static void inRange(String what, BigDecimal score) {
        RuleViolation.check(score == null || score.signum() >= 0 && score.compareTo(HIGHEST) <= 0,
                Rule.SCORE_OUT_OF_RANGE, () -> "The " + what + " of " + score + " is outside 0..100");
    }
}
