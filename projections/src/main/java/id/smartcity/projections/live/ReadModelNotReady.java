package id.smartcity.projections.live;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A live read model cannot answer truthfully yet: it is being rebuilt, or it has not reached the position the caller
 * asked for. Answered 503 with {@code Retry-After}, never with figures that look complete and are not.
 */
public final class ReadModelNotReady extends ErrorResponseException {
    ReadModelNotReady(String code, String title, String detail, long retryAfterSeconds) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(code, title, detail), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    }

    private static ProblemDetail problem(String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(URI.create("urn:smartcity-ledger:problem:" + code));
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }

    static ReadModelNotReady rebuilding(String readModel, long position, long target) {
        return new ReadModelNotReady("READ_MODEL_REBUILDING", "A read model is being rebuilt; its figures are not"
                + " complete yet", "The " + readModel + " read model is at position " + position + " of " + target
                + " while it is rebuilt", 2);
    }

    public static ReadModelNotReady aheadOfTheLog(long claimed, long head) {
        return new ReadModelNotReady("READ_MODEL_AHEAD_OF_LOG", "The read models claim more than the log holds",
                "The read models claim position " + claimed + ", beyond the log's head " + head + ": they were not"
                        + " built from this log. An administrator rebuilds them (POST /api/admin/projections/{name}"
                        + "/rebuild)", 60);
    }

    static ReadModelNotReady behind(long reached, long atLeast) {
        return new ReadModelNotReady("READ_MODEL_BEHIND", "The read models have not reached the position asked for",
                "The read models have reached position " + reached + ", not yet " + atLeast + "; ask again", 1);
    }
}
