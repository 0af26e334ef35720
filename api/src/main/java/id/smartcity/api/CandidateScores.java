package id.smartcity.api;

import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * What a candidate was scored on before selection, each index on a 0-100 scale and null where it was not published:
 * regional fiscal capacity (Kemenkeu), the high-performing city index (Kemendagri), the sustainable city index
 * (Bappenas; cities only), the green city index (PUPR), and notes of the readiness interview (infrastructure,
 * regulation, the leader's vision).
 */
public record CandidateScores(BigDecimal fiscalCapacity, BigDecimal highPerformingCityIndex,
                              BigDecimal sustainableCityIndex, BigDecimal greenCityIndex,
                              @Size(max = 4000, groups = Limits.class) String readinessNotes) {
    public static final CandidateScores NONE = new CandidateScores(null, null, null, null, null);
}
