package id.smartcity.ledger.audit;

import id.smartcity.eventstore.audit.AuditLog;
import id.smartcity.eventstore.audit.Digest;
import id.smartcity.eventstore.audit.Verification;
import java.time.Clock;
import java.util.List;
import java.util.function.LongConsumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Verify as the auditor's API and command line give it: the hash chain and the Merkle tree, and, where the
 * application supplies a {@link ReadModelCheck}, every read model against the log. OK only when all of it holds.
 */
@Component
public class LedgerVerifier {
    private final AuditLog audit;
    private final ObjectProvider<ReadModelCheck> readModels;
    private final LastVerification last;
    private final Clock clock;

    public LedgerVerifier(AuditLog audit, ObjectProvider<ReadModelCheck> readModels, LastVerification last,
                          Clock clock) {
        this.audit = audit;
        this.readModels = readModels;
        this.last = last;
        this.clock = clock;
    }

    /**
     * The whole answer: {@code status} is OK, BROKEN (the chain), READ_MODEL_DIFFERS, or INCOMPLETE (a read model
     * could not be compared now); {@code readModelsChecked} is false when they were left out on purpose.
     */
    public record Report(String status, Verification chain, boolean readModelsChecked,
                         List<ReadModelCheck.Outcome> readModels) {
    }

    public Report verify(Digest kept, boolean withReadModels, LongConsumer progress) {
        Verification chain = audit.verify(kept, progress);
        ReadModelCheck check = withReadModels ? readModels.getIfAvailable() : null;
        List<ReadModelCheck.Outcome> outcomes = check == null ? List.of() : check.verify();
        String status = !chain.ok() ? "BROKEN"
                : outcomes.stream().anyMatch(outcome -> outcome.status().equals("DIFFERS")) ? "READ_MODEL_DIFFERS"
                : outcomes.stream().allMatch(ReadModelCheck.Outcome::matches) ? "OK" : "INCOMPLETE";
        String detail = !chain.ok() ? chain.break_().kind() + " at position " + chain.break_().position() + ": "
                + chain.break_().detail()
                : outcomes.stream().filter(outcome -> !outcome.matches()).map(outcome -> outcome.readModel() + " "
                + outcome.status() + ": " + String.join("; ", outcome.differences())).reduce((a, b) -> a + " | " + b)
                .orElse(chain.verified() + " events verified" + (check == null ? "" : ", read models match"));
        // A verify of the chain alone says nothing of the read models: a difference an earlier verify found there
        // stays shown (health DOWN) until a verify that compares them again.
        boolean hidesAReadModelFailure = check == null && chain.ok() && last.last().map(outcome ->
                outcome.status().equals("READ_MODEL_DIFFERS") || outcome.status().equals("INCOMPLETE")).orElse(false);
        if (!hidesAReadModelFailure) {
            last.record(new LastVerification.Outcome(status, detail, clock.instant()));
        }
        return new Report(status, chain, check != null, outcomes);
    }
}
