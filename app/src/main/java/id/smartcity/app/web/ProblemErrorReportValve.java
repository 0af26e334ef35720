package id.smartcity.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.smartcity.ledger.rest.Problems;
import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's own error pages, for requests it refuses before any filter sees them (a character no URL may hold, headers
 * beyond its size limit, a malformed request line): a problem detail like every other refusal, with the security
 * headers, instead of Tomcat's HTML page. Tomcat's {@link ErrorReportValve} decides when a page is due; only what it
 * writes differs. It says neither which server answers nor why Tomcat refused, only the rule: valid HTTP.
 */
public class ProblemErrorReportValve extends ErrorReportValve {
    private final ObjectMapper json;

    public ProblemErrorReportValve(ObjectMapper json) {
        this.json = json;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As ErrorReportValve: not for success, not when something was written, and only once.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            SecurityHeaders.ALL.forEach(response::setHeader);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(problem(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the answer was already on its way: nothing more to tell.
        }
    }

    static ProblemDetail problem(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        if (status == HttpStatus.BAD_REQUEST.value()) {
            return Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The request is not valid HTTP",
                    "A request must be valid HTTP: its URL without characters a URL may not hold unencoded (such as"
                            + " [ ] { } or a space), its headers within the size allowed");
        }
        return Problems.of(HttpStatusCode.valueOf(status), Problems.codeFor(HttpStatusCode.valueOf(status)), title,
                "The request cannot be answered: " + title);
    }
}
