package id.smartcity.ledger.region;

import id.smartcity.ledger.rules.Rule;
import id.smartcity.ledger.rules.RuleViolation;

import id.smartcity.api.RegionKind;
import java.util.regex.Pattern;

/** Kemendagri codes: province {@code PP}, regency or city {@code PP.RR}; cities have RR >= 71. */
final class RegionCodePolicy {
    private static final Pattern PROVINCE = Pattern.compile("\\d{2}");
    private static final Pattern REGENCY_OR_CITY = Pattern.compile("\\d{2}\\.\\d{2}");
    private static final int FIRST_CITY_NUMBER = 71;

    private RegionCodePolicy() {
    }

    static void check(String code, RegionKind kind) {
        RuleViolation.check(code != null && (PROVINCE.matcher(code).matches()
                        || REGENCY_OR_CITY.matcher(code).matches()), Rule.MALFORMED_REGION_CODE,
                "'" + code + "' is not a Kemendagri code (PP or PP.RR)");
        RuleViolation.check(kind != null, Rule.CODE_INCONSISTENT_WITH_KIND, "The kind of region is missing");
        RuleViolation.check(kind == kindOf(code), Rule.CODE_INCONSISTENT_WITH_KIND,
                code + " is the code of a " + kindOf(code).name().toLowerCase() + ", not of a "
                        + kind.name().toLowerCase());
    }

    static RegionKind kindOf(String code) {
        if (code.length() == 2) {
            return RegionKind.PROVINCE;
        }
        return Integer.parseInt(code.substring(3)) >= FIRST_CITY_NUMBER ? RegionKind.CITY : RegionKind.REGENCY;
    }
}
