package id.smartcity.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.smartcity.ledger.rest.RequestHeaders;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request gets a correlation id: the caller's {@code X-Correlation-Id} when it has its form
 * ({@link RequestHeaders.Rule#CORRELATION_ID_FORM}), else a new one. It is in every log line of the request, in the
 * answer's header (once), and in the metadata of the events the request causes. A request whose header is out of
 * form is refused (400) under a new id: the caller's text never reaches a log line, where a CR or LF would forge one.
 *
 * <p>The id is set when Tomcat starts the request and removed when Tomcat ends it ({@link Listener}), not around this
 * filter: the lines Tomcat logs for a failure that escaped the filters, and the error page's, keep it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class CorrelationIdFilter extends OncePerRequestFilter {
    public static final String HEADER = RequestHeaders.CORRELATION_ID;
    public static final String MDC_KEY = "correlationId";

    private final ObjectMapper json;

    public CorrelationIdFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = settle(request);
        response.setHeader(HEADER, correlationId);
        if (request.getDispatcherType() == DispatcherType.REQUEST
                && !RequestHeaders.Rule.CORRELATION_ID_FORM.acceptsAll(request)) {
            RequestHeaders.Refused refused = RequestHeaders.Rule.CORRELATION_ID_FORM.refusal(request);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), refused.problem());
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.isAsyncStarted()) {
                // The request goes on in another thread; this one serves others next.
                MDC.remove(MDC_KEY);
            }
        }
    }

    /** The error page of a failed request is written under the request's id too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /** The id the request was given when it started, or (without the listener, as in MockMvc) now. */
    private static String settle(HttpServletRequest request) {
        Object settled = request.getAttribute(MDC_KEY);
        String correlationId = settled != null ? settled.toString() : idFor(request);
        request.setAttribute(MDC_KEY, correlationId);
        MDC.put(MDC_KEY, correlationId);
        return correlationId;
    }

    private static String idFor(HttpServletRequest request) {
        return RequestHeaders.Rule.CORRELATION_ID_FORM.acceptsAll(request)
                && request.getHeader(HEADER) != null ? request.getHeader(HEADER) : UUID.randomUUID().toString();
    }

    /** Puts the id into the logging context when Tomcat starts a request and takes it out when Tomcat ends it. */
    @Component
    static class Listener implements ServletRequestListener {
        @Override
        public void requestInitialized(ServletRequestEvent event) {
            if (event.getServletRequest() instanceof HttpServletRequest request) {
                settle(request);
            }
        }

        @Override
        public void requestDestroyed(ServletRequestEvent event) {
            MDC.remove(MDC_KEY);
        }
    }
}
