package id.smartcity.ledger.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
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

    /**
     * A query or path value of the wrong form: the problem names the parameter and the form it must have (never the
     * Java type it was to become, nor the converter's message).
     */
    public static ProblemDetail typeMismatch(String name, Object value, Class<?> type) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The request is malformed",
                mismatch(name, value, type));
        problem.setProperty("rule", "PARAMETER_FORM");
        return problem;
    }

    /** The sentence for one value of the wrong form, e.g. {@code 'xx' is not a valid asOf: a date YYYY-MM-DD}. */
    public static String mismatch(String name, Object value, Class<?> type) {
        return quoted(value) + " is not a valid " + name + expected(type);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        if (type == LocalDate.class) {
            return ": a date YYYY-MM-DD";
        }
        if (type == Instant.class) {
            return ": an ISO-8601 instant such as 2020-01-31T08:00:00Z";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return ": a whole number";
        }
        if (type.isEnum()) {
            return ": one of " + Arrays.toString(type.getEnumConstants());
        }
        return "";
    }

    /** The caller's value, bounded: an answer does not repeat kilobytes of whatever was sent. */
    static String quoted(Object value) {
        String text = String.valueOf(value);
        return "'" + (text.length() > MAX_ECHO ? text.substring(0, MAX_ECHO) + "…" : text) + "'";
    }

    private static final int MAX_ECHO = 64;

    public static String codeFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP_" + status.value() : known.name();
    }
}
