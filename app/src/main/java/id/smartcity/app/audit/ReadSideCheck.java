package id.smartcity.app.audit;

import id.smartcity.ledger.audit.ReadModelCheck;
import id.smartcity.projections.live.ReadModelAudit;
import java.util.List;
import org.springframework.stereotype.Component;

/** Brings the read side's comparison into the ledger's verify: the application holds both sides, they do not. */
@Component
class ReadSideCheck implements ReadModelCheck {
    private final ReadModelAudit audit;

    ReadSideCheck(ReadModelAudit audit) {
        this.audit = audit;
    }

    @Override
    public List<Outcome> verify() {
        return audit.verify().stream().map(result -> new Outcome(result.readModel(), result.status(),
                result.position(), result.documents(), result.differing(), result.differences())).toList();
    }
}
