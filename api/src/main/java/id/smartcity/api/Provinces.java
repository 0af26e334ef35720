package id.smartcity.api;

import java.time.LocalDate;
import java.util.Map;

/**
 * The register of provinces by Kemendagri code: the 34 of the programme's first years, with how many regencies and
 * cities each had then (514 in all), and the four Papua provinces created in 2022, each from the day its law came into
 * force. Both sides need it: the ledger to refuse a region whose province does not exist (or did not yet exist on the
 * command's date), the reports for breakdowns by code prefix.
 */
public final class Provinces {
    /** Before any date the programme can record: the 34 provinces existed from its start. */
    private static final LocalDate ALWAYS = LocalDate.MIN;

    private record Province(String name, int regenciesAndCities, LocalDate from) {
    }

    private static Map.Entry<String, Province> province(String code, String name, int regenciesAndCities) {
        return Map.entry(code, new Province(name, regenciesAndCities, ALWAYS));
    }

    private static final Map<String, Province> BY_CODE = Map.ofEntries(
            province("11", "Aceh", 23), province("12", "Sumatera Utara", 33),
            province("13", "Sumatera Barat", 19), province("14", "Riau", 12),
            province("15", "Jambi", 11), province("16", "Sumatera Selatan", 17),
            province("17", "Bengkulu", 10), province("18", "Lampung", 15),
            province("19", "Kepulauan Bangka Belitung", 7),
            province("21", "Kepulauan Riau", 7), province("31", "DKI Jakarta", 6),
            province("32", "Jawa Barat", 27), province("33", "Jawa Tengah", 35),
            province("34", "DI Yogyakarta", 5), province("35", "Jawa Timur", 38),
            province("36", "Banten", 8), province("51", "Bali", 9),
            province("52", "Nusa Tenggara Barat", 10),
            province("53", "Nusa Tenggara Timur", 22),
            province("61", "Kalimantan Barat", 14),
            province("62", "Kalimantan Tengah", 14),
            province("63", "Kalimantan Selatan", 13),
            province("64", "Kalimantan Timur", 10),
            province("65", "Kalimantan Utara", 5), province("71", "Sulawesi Utara", 15),
            province("72", "Sulawesi Tengah", 13),
            province("73", "Sulawesi Selatan", 24),
            province("74", "Sulawesi Tenggara", 17), province("75", "Gorontalo", 6),
            province("76", "Sulawesi Barat", 6), province("81", "Maluku", 11),
            province("82", "Maluku Utara", 10), province("91", "Papua", 29),
            province("92", "Papua Barat", 13),
            // Split from Papua by UU 14, 15 and 16 of 2022 (in force 25 July 2022) and from Papua Barat by UU 29 of
            // 2022 (8 December 2022); codes from Kepmendagri 100.1.1-6117/2022. Their regencies and cities are still
            // counted under Papua and Papua Barat above, so that the programme's 514 are counted once.
            Map.entry("93", new Province("Papua Selatan", 4, LocalDate.of(2022, 7, 25))),
            Map.entry("94", new Province("Papua Tengah", 8, LocalDate.of(2022, 7, 25))),
            Map.entry("95", new Province("Papua Pegunungan", 8, LocalDate.of(2022, 7, 25))),
            Map.entry("96", new Province("Papua Barat Daya", 6, LocalDate.of(2022, 12, 8))));

    private Provinces() {
    }

    public static String codeOf(String regionCode) {
        return regionCode.substring(0, 2);
    }

    public static String nameOf(String provinceCode) {
        Province province = BY_CODE.get(provinceCode);
        return province == null ? "Province " + provinceCode : province.name();
    }

    /** Whether the code names a province at all, at any time. */
    public static boolean exists(String provinceCode) {
        return BY_CODE.containsKey(provinceCode);
    }

    /** Whether the province existed on that day; a missing day asks only whether it exists at all. */
    public static boolean existed(String provinceCode, LocalDate on) {
        Province province = BY_CODE.get(provinceCode);
        return province != null && (on == null || !on.isBefore(province.from()));
    }

    /** The day the province came into being, or null for one of the 34 (or an unknown code). */
    public static LocalDate createdOn(String provinceCode) {
        Province province = BY_CODE.get(provinceCode);
        return province == null || province.from().equals(ALWAYS) ? null : province.from();
    }

    /** How many regencies and cities the province has; 0 for a code that names no province. */
    public static int regenciesAndCities(String provinceCode) {
        Province province = BY_CODE.get(provinceCode);
        return province == null ? 0 : province.regenciesAndCities();
    }

    /** All regencies and cities of the programme's years: 514 (the 2022 provinces' are counted in Papua's). */
    public static int allRegenciesAndCities() {
        return BY_CODE.values().stream().filter(province -> province.from().equals(ALWAYS))
                .mapToInt(Province::regenciesAndCities).sum();
    }
}
