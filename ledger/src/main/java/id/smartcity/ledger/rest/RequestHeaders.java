package id.smartcity.ledger.rest;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The headers the ledger keeps: an idempotency key and a client application are stored in every event a command
 * causes, a correlation id is written into every log line of its request. Each has a bounded form (the figures and
 * why: ADR 16); a header present in another form, empty, or sent twice is refused, never cut short or cleaned up,
 * so that what is stored or logged is exactly what the caller sent.
 */
public final class RequestHeaders {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String CLIENT = "X-Client-Application";
    public static final String CORRELATION_ID = "X-Correlation-Id";

    /** Visible ASCII: whatever a client generates (a UUID, a hash, a name with slashes), nothing a log line could hide. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");
    /** A product name and version, such as {@code ministry-app/2.1 (build 7)}: nothing that could break a report. */
    private static final Pattern CLIENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._:/()+-]{0,99}");
    /** Letters, digits, dot, underscore and hyphen: a UUID or a trace id fits; a CR, LF or quote cannot reach a log. */
    private static final Pattern CORRELATION = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Every pattern above is shorter; a longer value is refused without being matched. */
    private static final int LONGEST = 128;

    /** One header's rule, named in the problem of a request that breaks it. */
    public enum Rule {
        IDEMPOTENCY_KEY_FORM(IDEMPOTENCY_KEY, KEY, "1 to 128 visible ASCII characters (no spaces)"),
        CLIENT_APPLICATION_FORM(CLIENT, CLIENT_NAME, "1 to 100 characters: letters, digits, space and . _ : / ( ) + -,"
                + " starting with a letter or digit"),
        CORRELATION_ID_FORM(CORRELATION_ID, CORRELATION, "1 to 64 characters: letters, digits, '.', '_' and '-'");

        private final String header;
        private final Pattern form;
        private final String description;

        Rule(String header, Pattern form, String description) {
            this.header = header;
            this.form = form;
            this.description = description;
        }

        public String header() {
            return header;
        }

        public String description() {
            return description;
        }

        /** Whether one value has the header's form. */
        public boolean accepts(String value) {
            return value != null && value.length() <= LONGEST && form.matcher(value).matches();
        }

        /**
         * The header's value when the request carries it once in its form, {@code null} when it carries none.
         *
         * @throws Refused when it is there in another form, or more than once
         */
        public String of(HttpServletRequest request) {
            if (!acceptsAll(request)) {
                throw refusal(request);
            }
            return request.getHeader(header);
        }

        /** Whether the request carries the header at most once, and then in its form. */
        public boolean acceptsAll(HttpServletRequest request) {
            List<String> values = Collections.list(request.getHeaders(header));
            return values.isEmpty() || values.size() == 1 && accepts(values.get(0));
        }

        /** Why the request's header is refused. */
        public Refused refusal(HttpServletRequest request) {
            return new Refused(this, Collections.list(request.getHeaders(header)).size() > 1);
        }
    }

    /** A request with a header out of its form: 400, nothing stored. */
    public static final class Refused extends RuntimeException {
        private final Rule rule;

        Refused(Rule rule, boolean repeated) {
            super(rule.header() + (repeated ? " is sent more than once" : " does not have its form") + ": "
                    + rule.description(), null, false, false);
            this.rule = rule;
        }

        public Rule rule() {
            return rule;
        }

        /** The problem detail: code INVALID_HEADER, the rule broken; the value sent is not repeated. */
        public ProblemDetail problem() {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "INVALID_HEADER",
                    "A header does not have its form", getMessage());
            problem.setProperty("rule", rule.name());
            problem.setProperty("header", rule.header());
            return problem;
        }
    }

    private RequestHeaders() {
    }
}
