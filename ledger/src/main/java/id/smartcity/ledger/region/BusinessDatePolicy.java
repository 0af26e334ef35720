package id.smartcity.ledger.region;

import id.smartcity.ledger.rules.Rule;
import id.smartcity.ledger.rules.RuleViolation;

import java.time.Clock;
import java.time.LocalDate;

/** Business dates are facts about the past, and each step happens no earlier than the one it follows. */
final class BusinessDatePolicy {
    private BusinessDatePolicy() {
    }

    static void check(LocalDate date, String what, Clock clock) {
        RuleViolation.check(date != null, Rule.DATE_REQUIRED, "The date of the " + what + " is missing");
        LocalDate today = LocalDate.now(clock);
        RuleViolation.check(!date.isAfter(today), Rule.DATE_IN_FUTURE,
                "The " + what + " is dated " + date + ", after today (" + today + ")");
    }

    static void checkNotBefore(LocalDate date, String what, LocalDate earlier, String earlierWhat) {
        RuleViolation.check(earlier == null || !date.isBefore(earlier), Rule.DATE_OUT_OF_ORDER,
                "The " + what + " (" + date + ") precedes the " + earlierWhat + " (" + earlier + ")");
    }
}
