package id.smartcity.ledger.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/** The outcome of the last verify in this process, for health: a broken chain or a differing read model stays shown. */
@Component
public class LastVerification {
    /** What the last verify found: its status (OK, BROKEN, READ_MODEL_DIFFERS, INCOMPLETE) and why. */
    public record Outcome(String status, String detail, Instant at) {
        public boolean ok() {
            return status.equals("OK");
        }
    }

    private final AtomicReference<Outcome> last = new AtomicReference<>();

    public void record(Outcome outcome) {
        last.set(outcome);
    }

    public Optional<Outcome> last() {
        return Optional.ofNullable(last.get());
    }
}
