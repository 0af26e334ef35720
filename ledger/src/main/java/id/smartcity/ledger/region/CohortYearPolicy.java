package id.smartcity.ledger.region;

import id.smartcity.api.Programme;
import id.smartcity.ledger.rules.Rule;
import id.smartcity.ledger.rules.RuleViolation;
import java.time.Clock;
import java.time.LocalDate;

/** The programme started in 2017; a cohort can be prepared at most one year ahead. */
final class CohortYearPolicy {
    static final int FIRST_COHORT = Programme.FIRST_YEAR;

    private CohortYearPolicy() {
    }

    static void check(int cohortYear, Clock clock) {
        int nextYear = LocalDate.now(clock).getYear() + 1;
        RuleViolation.check(cohortYear >= FIRST_COHORT && cohortYear <= nextYear, Rule.COHORT_YEAR_OUT_OF_RANGE,
                "Cohort year " + cohortYear + " is outside " + FIRST_COHORT + ".." + nextYear);
    }

    static void checkSelectionDate(int cohortYear, LocalDate selectedOn) {
        int year = selectedOn.getYear();
        RuleViolation.check(year == cohortYear || year == (long) cohortYear - 1, Rule.SELECTION_DATE_OUTSIDE_COHORT,
                "Selected on " + selectedOn + " for the " + cohortYear + " cohort");
    }
}
