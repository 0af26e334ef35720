package id.smartcity.ledger.rules;

/**
 * Every rule the ledger enforces, with a stable code that clients can rely on. The kind says what sort of refusal
 * it is; the HTTP layer maps it to a status.
 */
public enum Rule {
    MALFORMED_REGION_CODE(Kind.INVALID, "A region code is PP (province) or PP.RR (regency or city)"),
    CODE_INCONSISTENT_WITH_KIND(Kind.INVALID,
            "A province has a PP code, a city PP.RR with RR >= 71, a regency PP.RR with RR < 71"),
    NAME_REQUIRED(Kind.INVALID, "A region is selected with its name"),
    COHORT_YEAR_OUT_OF_RANGE(Kind.INVALID, "A cohort year lies between 2017 and next year"),
    SELECTION_DATE_OUTSIDE_COHORT(Kind.INVALID, "A region is selected in its cohort year or the year before"),
    ALREADY_PARTICIPANT(Kind.CONFLICT, "A region is selected as new at most once; later assistance is repeat mentoring"),
    ENGAGEMENT_EXISTS_FOR_YEAR(Kind.CONFLICT, "A region has at most one engagement per cohort year"),
    NO_OPEN_ENGAGEMENT(Kind.INVALID, "The command needs an engagement of the region in that cohort year"),
    ENGAGEMENT_WITHDRAWN(Kind.CONFLICT, "A withdrawn engagement takes no further steps"),
    MOU_ALREADY_SIGNED(Kind.CONFLICT, "An engagement has one MoU"),
    MOU_NOT_SIGNED(Kind.INVALID, "Mentors are assigned under a signed MoU"),
    MENTORS_REQUIRED(Kind.INVALID, "A mentor assignment names its institution and at least one mentor"),
    MENTOR_ALREADY_ASSIGNED(Kind.CONFLICT, "An institution is assigned to an engagement once"),
    NO_EARLIER_ENGAGEMENT(Kind.INVALID, "Repeat mentoring needs an earlier engagement that was not withdrawn"),
    NO_MENTOR(Kind.INVALID, "A masterplan is submitted after a mentor was assigned"),
    HORIZON_OUT_OF_RANGE(Kind.INVALID, "A masterplan looks 5 to 20 years ahead"),
    PILLARS_REQUIRED(Kind.INVALID, "A masterplan covers at least one of the six pillars"),
    DOCUMENT_HASH_MALFORMED(Kind.INVALID, "A masterplan document is identified by its SHA-256: 64 hex digits"),
    MASTERPLAN_ALREADY_SUBMITTED(Kind.CONFLICT, "An engagement submits one masterplan; changes are revisions"),
    NO_MASTERPLAN(Kind.INVALID, "Only a submitted masterplan can be revised"),
    REASON_REQUIRED(Kind.INVALID, "A withdrawal, a repeat or a revision states its reason"),
    DATE_REQUIRED(Kind.INVALID, "Every step carries its business date"),
    DATE_IN_FUTURE(Kind.INVALID, "A business date may not lie in the future"),
    DATE_OUT_OF_ORDER(Kind.INVALID, "A business date may not precede the step it follows"),
    FIGURE_YEAR_OUT_OF_RANGE(Kind.INVALID, "A published figure is about a programme year from 2017 to next year"),
    FIGURE_VALUE_INVALID(Kind.INVALID, "A published figure is a count of zero or more"),
    SOURCE_REQUIRED(Kind.INVALID, "A published figure names its source"),
    FIGURE_ALREADY_RECORDED(Kind.CONFLICT, "A source's figure for a year and metric is recorded once"),
    ROUND_REQUIRED(Kind.INVALID, "An assessment names its selection round"),
    SCORE_OUT_OF_RANGE(Kind.INVALID,
            "Candidate indices lie between 0 and 100; evaluation scores between 1 and 4"),
    SCORE_NOT_APPLICABLE(Kind.INVALID, "The sustainable city index (Bappenas) is for cities only"),
    ASSESSMENT_ALREADY_RECORDED(Kind.CONFLICT, "A candidate is assessed once per round"),
    ASSESSMENT_NOT_RECORDED(Kind.INVALID, "A region assessed before is selected from a round it was assessed in"),
    PROVINCE_IS_SMART_PROVINCE(Kind.INVALID,
            "A province enters the programme as a Smart Province (SelectSmartProvince), never as a region"),
    UNKNOWN_PROVINCE(Kind.INVALID,
            "A region code starts with the code of a province that exists on the command's date (Kemendagri)"),
    SMART_PROVINCE_BEFORE_2023(Kind.INVALID, "Smart Provinces are selected from the 2023 cohort on"),
    SMART_PROVINCE_COVERAGE(Kind.INVALID,
            "A province is selected as a Smart Province only when at least 80% of its regencies and cities have a"
                    + " masterplan"),
    ATTESTATION_INVALID(Kind.INVALID, "Attested masterplans name their source and, with the recorded ones, do not"
            + " outnumber the province's regencies and cities"),
    COUNCIL_COMPOSITION(Kind.INVALID,
            "A Smart City council has agency heads and academic experts, each named with a position"),
    COUNCIL_ALREADY_FORMED(Kind.CONFLICT, "An engagement forms one Smart City council"),
    TEAM_REQUIRED(Kind.INVALID, "An implementation team names its lead and at least one member"),
    TEAM_ALREADY_FORMED(Kind.CONFLICT, "An engagement forms one implementation team"),
    YEAR_OUT_OF_RANGE(Kind.INVALID, "Quick wins, evaluations and awards are for a year from 2017 to this year"),
    NOT_A_PARTICIPANT(Kind.INVALID,
            "Quick wins, evaluations and awards are for regions engaged in the programme by that year"),
    QUICK_WIN_INCOMPLETE(Kind.INVALID, "A quick win has a title and a pillar"),
    DATE_OUTSIDE_YEAR(Kind.INVALID, "A quick win is delivered in the year it is recorded for"),
    QUICK_WIN_ALREADY_RECORDED(Kind.CONFLICT, "A quick win is recorded once per region and year"),
    EVALUATION_INCOMPLETE(Kind.INVALID, "An evaluation scores all five dimensions"),
    WEIGHTS_INVALID(Kind.INVALID, "An evaluation weighs all five dimensions, each above zero, adding up to 100"),
    RANK_INVALID(Kind.INVALID, "A national rank is 1 or more"),
    EVALUATION_ALREADY_RECORDED(Kind.CONFLICT, "A region is evaluated once a year"),
    AWARD_INCOMPLETE(Kind.INVALID, "An award names its category and the region that won it"),
    AWARD_ALREADY_GRANTED(Kind.CONFLICT, "A year's award in a category goes to one region");

    /** What sort of refusal a rule gives. */
    public enum Kind {
        /** The command is well formed but breaks a rule of the programme. */
        INVALID,
        /** The command contradicts what the ledger already holds. */
        CONFLICT
    }

    private final Kind kind;
    private final String description;

    Rule(Kind kind, String description) {
        this.kind = kind;
        this.description = description;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }
}
