package id.smartcity.ledger.region;

import id.smartcity.ledger.rules.Rule;
import id.smartcity.ledger.rules.RuleViolation;
import java.time.Clock;
import java.time.LocalDate;

/** What happened in a programme year (quick wins, evaluations, awards) is recorded from 2017 up to this year. */
public final class ProgrammeYearPolicy {
    private ProgrammeYearPolicy() {
    }

    public static void check(int year, Clock clock) {
        int thisYear = LocalDate.now(clock).getYear();
        RuleViolation.check(year >= CohortYearPolicy.FIRST_COHORT && year <= thisYear, Rule.YEAR_OUT_OF_RANGE,
                "Year " + year + " is outside " + CohortYearPolicy.FIRST_COHORT + ".." + thisYear);
    }
}
