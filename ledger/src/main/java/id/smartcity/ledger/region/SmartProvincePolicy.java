package id.smartcity.ledger.region;

import id.smartcity.api.Provinces;
import id.smartcity.ledger.rules.Rule;
import id.smartcity.ledger.rules.RuleViolation;
import java.util.Set;

/**
 * A province becomes a Smart Province from the 2023 cohort on, and only when at least 80% of its regencies and cities
 * have a masterplan: those the ledger records, plus those a named source attests (made outside the ledger's records).
 */
final class SmartProvincePolicy {
    static final int FIRST_COHORT = 2023;
    static final int PERCENT_WITH_MASTERPLAN = 80;

    private SmartProvincePolicy() {
    }

    static int check(String code, int cohortYear, Set<String> recorded, int attested, String source) {
        RuleViolation.check(Provinces.exists(code), Rule.UNKNOWN_PROVINCE, code + " is not a province");
        RuleViolation.check(cohortYear >= FIRST_COHORT, Rule.SMART_PROVINCE_BEFORE_2023,
                "Cohort " + cohortYear + " is before the first Smart Province cohort (" + FIRST_COHORT + ")");
        int total = Provinces.regenciesAndCities(code);
        RuleViolation.check(attested >= 0 && (attested == 0 || source != null && !source.isBlank())
                        && (long) recorded.size() + attested <= total, Rule.ATTESTATION_INVALID,
                () -> attested + " attested masterplans " + (source == null || source.isBlank() ? "without a source"
                        : "and " + recorded.size() + " recorded ones, of " + total + " regencies and cities"));
        int needed = (PERCENT_WITH_MASTERPLAN * total + 99) / 100;
        RuleViolation.check((long) recorded.size() + attested >= needed, Rule.SMART_PROVINCE_COVERAGE,
                () -> Provinces.nameOf(code) + " has " + recorded.size() + " masterplans recorded and " + attested
                        + " attested of " + total + " regencies and cities; " + needed + " are needed");
        return total;
    }
}
