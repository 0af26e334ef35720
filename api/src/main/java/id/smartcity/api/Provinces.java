package id.smartcity.api;

import java.util.Map;

/**
 * The 34 provinces of the programme's years by Kemendagri code, with how many regencies and cities each has (514 in
 * all). Both sides need them: the ledger for the Smart Province rule, the reports for breakdowns by code prefix.
 */
public final class Provinces {
    private record Province(String name, int regenciesAndCities) {
    }

    private static final Map<String, Province> BY_CODE = Map.ofEntries(
            Map.entry("11", new Province("Aceh", 23)), Map.entry("12", new Province("Sumatera Utara", 33)),
            Map.entry("13", new Province("Sumatera Barat", 19)), Map.entry("14", new Province("Riau", 12)),
            Map.entry("15", new Province("Jambi", 11)), Map.entry("16", new Province("Sumatera Selatan", 17)),
            Map.entry("17", new Province("Bengkulu", 10)), Map.entry("18", new Province("Lampung", 15)),
            Map.entry("19", new Province("Kepulauan Bangka Belitung", 7)),
            Map.entry("21", new Province("Kepulauan Riau", 7)), Map.entry("31", new Province("DKI Jakarta", 6)),
            Map.entry("32", new Province("Jawa Barat", 27)), Map.entry("33", new Province("Jawa Tengah", 35)),
            Map.entry("34", new Province("DI Yogyakarta", 5)), Map.entry("35", new Province("Jawa Timur", 38)),
            Map.entry("36", new Province("Banten", 8)), Map.entry("51", new Province("Bali", 9)),
            Map.entry("52", new Province("Nusa Tenggara Barat", 10)),
            Map.entry("53", new Province("Nusa Tenggara Timur", 22)),
            Map.entry("61", new Province("Kalimantan Barat", 14)),
            Map.entry("62", new Province("Kalimantan Tengah", 14)),
            Map.entry("63", new Province("Kalimantan Selatan", 13)),
            Map.entry("64", new Province("Kalimantan Timur", 10)),
            Map.entry("65", new Province("Kalimantan Utara", 5)), Map.entry("71", new Province("Sulawesi Utara", 15)),
            Map.entry("72", new Province("Sulawesi Tengah", 13)),
            Map.entry("73", new Province("Sulawesi Selatan", 24)),
            Map.entry("74", new Province("Sulawesi Tenggara", 17)), Map.entry("75", new Province("Gorontalo", 6)),
            Map.entry("76", new Province("Sulawesi Barat", 6)), Map.entry("81", new Province("Maluku", 11)),
            Map.entry("82", new Province("Maluku Utara", 10)), Map.entry("91", new Province("Papua", 29)),
            Map.entry("92", new Province("Papua Barat", 13)));

    private Provinces() {
    }

    public static String codeOf(String regionCode) {
        return regionCode.substring(0, 2);
    }

    public static String nameOf(String provinceCode) {
        Province province = BY_CODE.get(provinceCode);
        return province == null ? "Province " + provinceCode : province.name();
    }

    public static boolean exists(String provinceCode) {
        return BY_CODE.containsKey(provinceCode);
    }

    /** How many regencies and cities the province has; 0 for a code that names no province. */
    public static int regenciesAndCities(String provinceCode) {
        Province province = BY_CODE.get(provinceCode);
        return province == null ? 0 : province.regenciesAndCities();
    }

    /** All regencies and cities: 514. */
    public static int allRegenciesAndCities() {
        return BY_CODE.values().stream().mapToInt(Province::regenciesAndCities).sum();
    }
}
