package id.smartcity.ledger.region;

import id.smartcity.api.CouncilMember;
import id.smartcity.ledger.rules.Rule;
import id.smartcity.ledger.rules.RuleViolation;
import java.util.List;

/**
 * A Smart City council (Dewan Smart City) brings the heads of the region's agencies together with academic experts;
 * an implementation team has a lead and members.
 */
final class CouncilPolicy {
    private CouncilPolicy() {
    }

    static void checkCouncil(List<CouncilMember> members) {
        RuleViolation.check(members.stream().allMatch(member -> member != null && member.kind() != null
                        && named(member.name()) && named(member.position())), Rule.COUNCIL_COMPOSITION,
                "Every member has a name, a position and a kind");
        for (CouncilMember.Kind kind : CouncilMember.Kind.values()) {
            RuleViolation.check(members.stream().anyMatch(member -> member.kind() == kind), Rule.COUNCIL_COMPOSITION,
                    () -> "The council has no member of kind " + kind);
        }
    }

    static void checkTeam(String lead, List<String> members) {
        RuleViolation.check(named(lead) && !members.isEmpty() && members.stream().allMatch(CouncilPolicy::named),
                Rule.TEAM_REQUIRED, "Name the team's lead and its members");
    }

    private static boolean named(String text) {
        return text != null && !text.isBlank();
    }
}
