package id.smartcity.ledger.rest;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem details, each with a stable {@code code} that names the rule or check that refused the request. */
public final class Problems {
    public static final String CODE = "code";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:smartcity-ledger:problem:" + code));
        problem.setTitle(title);
        problem.setProperty(CODE, code);
        return problem;
    }

    public static String codeFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP_" + status.value() : known.name();
    }
}
