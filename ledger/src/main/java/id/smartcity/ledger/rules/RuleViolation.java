package id.smartcity.ledger.rules;

import java.util.function.Supplier;

/** A command was refused because it breaks {@link #rule()}; nothing was stored. */
public class RuleViolation extends RuntimeException {
    private final transient Rule rule;

    public RuleViolation(Rule rule, String detail) {
        super(detail, null, false, false);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }

    public static void check(boolean holds, Rule rule, String detail) {
        if (!holds) {
            throw new RuleViolation(rule, detail);
        }
    }

    /** For details that can only be worded when the rule is broken. */
    public static void check(boolean holds, Rule rule, Supplier<String> detail) {
        if (!holds) {
            throw new RuleViolation(rule, detail.get());
        }
    }
}
