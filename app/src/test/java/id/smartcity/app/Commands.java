package id.smartcity.app;

/** Request bodies of the command API, as a ministry app would send them. */
final class Commands {
    static final String HASH = "3f".repeat(32);

    private Commands() {
    }

    static String selection(String name, String kind, int year, String selectedOn) {
        return """
                {"name": "%s", "kind": "%s", "cohortYear": %d, "selectedOn": "%s"}""".formatted(name, kind, year,
                selectedOn);
    }

    static String mou(String signedOn) {
        return """
                {"signedOn": "%s", "place": "Redtop Hotel, Jakarta", "virtual": false,
                 "signatories": ["Wali Kota", "Dirjen Aptika"], "scope": ["masterplan guidance"]}""".formatted(signedOn);
    }

    static String mentor(String institution, String assignedOn) {
        return """
                {"institution": "%s", "mentors": ["Mentor A", "Mentor B"], "assignedOn": "%s"}"""
                .formatted(institution, assignedOn);
    }

    static String masterplan(String submittedOn) {
        return """
                {"submittedOn": "%s", "horizonYears": 10, "pillars": ["GOVERNANCE", "SOCIETY"],
                 "quickWins": ["public wifi"], "documentSha256": "%s"}""".formatted(submittedOn, HASH);
    }

    static String withdrawal(String withdrawnOn, String reason) {
        return """
                {"withdrawnOn": "%s", "reason": "%s"}""".formatted(withdrawnOn, reason);
    }

    static String repeat(int year, String startedOn, String reason) {
        return """
                {"cohortYear": %d, "startedOn": "%s", "reason": "%s"}""".formatted(year, startedOn, reason);
    }
}
