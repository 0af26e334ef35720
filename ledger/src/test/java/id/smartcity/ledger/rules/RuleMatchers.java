package id.smartcity.ledger.rules;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

/** Matches a refusal by the rule it names, as the fixture tests expect it. */
public final class RuleMatchers {
    private RuleMatchers() {
    }

    public static Matcher<Throwable> violates(Rule rule) {
        return allOf(instanceOf(RuleViolation.class), new FeatureMatcher<Throwable, Rule>(equalTo(rule), "rule",
                "rule") {
            @Override
            protected Rule featureValueOf(Throwable actual) {
                return ((RuleViolation) actual).rule();
            }
        });
    }
}
