package id.smartcity.ledger.region;

import id.smartcity.ledger.rules.Rule;
import id.smartcity.ledger.rules.RuleViolation;

import id.smartcity.api.Provinces;
import id.smartcity.api.RegionKind;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Kemendagri codes: province {@code PP}, regency or city {@code PP.RR}; cities have RR >= 71; and {@code PP} names a
 * province of the register that existed on the command's date (99.01 or 00.71 have the shape of a code, not a place).
 */
final class RegionCodePolicy {
    private static final Pattern PROVINCE = Pattern.compile("\\d{2}");
    private static final Pattern REGENCY_OR_CITY = Pattern.compile("\\d{2}\\.\\d{2}");
    private static final int FIRST_CITY_NUMBER = 71;

    private RegionCodePolicy() {
    }

    static void check(String code, RegionKind kind, LocalDate on) {
        RuleViolation.check(code != null && (PROVINCE.matcher(code).matches()
                        || REGENCY_OR_CITY.matcher(code).matches()), Rule.MALFORMED_REGION_CODE,
                "'" + code + "' is not a Kemendagri code (PP or PP.RR)");
        String province = Provinces.codeOf(code);
        RuleViolation.check(Provinces.exists(province), Rule.UNKNOWN_PROVINCE,
                () -> code + ": no province has the code " + province);
        RuleViolation.check(Provinces.existed(province, on), Rule.UNKNOWN_PROVINCE,
                () -> Provinces.nameOf(province) + " (" + province + ") exists from " + Provinces.createdOn(province)
                        + ", not on " + on);
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
