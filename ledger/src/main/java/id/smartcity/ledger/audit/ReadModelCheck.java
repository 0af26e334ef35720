package id.smartcity.ledger.audit;

import java.util.List;

/**
 * The read side's part of verify, supplied by the application that holds both sides (the ledger never reads the
 * read models itself): each read model compared with a replay of the log.
 */
public interface ReadModelCheck {
    List<Outcome> verify();

    /** One read model: MATCHES, DIFFERS (the first differences named) or NOT_VERIFIED (being rebuilt). */
    record Outcome(String readModel, String status, long position, long documents, long differing,
                   List<String> differences) {
        public boolean matches() {
            return status.equals("MATCHES");
        }
    }
}
