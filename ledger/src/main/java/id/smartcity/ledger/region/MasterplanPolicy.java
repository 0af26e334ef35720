package id.smartcity.ledger.region;

import id.smartcity.ledger.rules.Rule;
import id.smartcity.ledger.rules.RuleViolation;

import id.smartcity.api.Pillar;
import java.util.List;
import java.util.regex.Pattern;

/** A masterplan looks 5 to 20 years ahead, covers at least one pillar, and names its document by SHA-256. */
final class MasterplanPolicy {
    static final int SHORTEST_HORIZON = 5;
    static final int LONGEST_HORIZON = 20;
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    private MasterplanPolicy() {
    }

    static void check(int horizonYears, List<Pillar> pillars, String documentSha256) {
        RuleViolation.check(horizonYears >= SHORTEST_HORIZON && horizonYears <= LONGEST_HORIZON,
                Rule.HORIZON_OUT_OF_RANGE, "A horizon of " + horizonYears + " years is outside "
                        + SHORTEST_HORIZON + ".." + LONGEST_HORIZON);
        RuleViolation.check(pillars != null && !pillars.isEmpty(), Rule.PILLARS_REQUIRED,
                "The masterplan names no pillar");
        RuleViolation.check(documentSha256 != null && SHA_256.matcher(documentSha256).matches(),
                Rule.DOCUMENT_HASH_MALFORMED, "'" + documentSha256 + "' is not a lower-case SHA-256 hex digest");
    }

    /** Pillars in their canonical order, each once, so that equal plans give equal events. */
    static List<Pillar> canonical(List<Pillar> pillars) {
        return pillars.stream().distinct().sorted().toList();
    }
}
