package id.smartcity.ledger.audit;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import java.net.URI;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * A Resilience4j bulkhead around the audit API's reads of the whole log (verify, digest, proofs): a hostile tester ran
 * eight verifications at once, each 17-19 s, and an ordinary report took 8.5 s meanwhile. Time travel has its own.
 */
@Component
public class WholeLogReads {
    private final Bulkhead bulkhead;

    public WholeLogReads(AuditProperties properties) {
        this.bulkhead = Bulkhead.of("whole-log-reads", BulkheadConfig.custom()
                .maxConcurrentCalls(properties.maxConcurrentReads()).maxWaitDuration(properties.maxWait()).build());
    }

    /** Runs the read if a place is free within the wait; otherwise 503 AUDIT_BUSY with Retry-After. */
    public <T> T read(Supplier<T> read) {
        try {
            return bulkhead.executeSupplier(read);
        } catch (BulkheadFullException e) {
            throw new Busy(bulkhead.getBulkheadConfig().getMaxConcurrentCalls());
        }
    }

    /** Too many reads of the whole log at once. */
    public static final class Busy extends ErrorResponseException {
        Busy(int reads) {
            super(HttpStatus.SERVICE_UNAVAILABLE, problem(reads), null);
            getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        }

        private static ProblemDetail problem(int reads) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "The ledger runs"
                    + " at most " + reads + " verifications, digests or proofs at once; ask again shortly");
            problem.setType(URI.create("urn:smartcity-ledger:problem:AUDIT_BUSY"));
            problem.setTitle("Too many reads of the whole log at once");
            problem.setProperty("code", "AUDIT_BUSY");
            return problem;
        }
    }
}
