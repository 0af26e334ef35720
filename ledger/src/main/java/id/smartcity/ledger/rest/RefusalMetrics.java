package id.smartcity.ledger.rest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/** Counts every refused command by its code: what operators watch for a client gone wrong. */
@ControllerAdvice
class RefusalMetrics implements ResponseBodyAdvice<Object> {
    private final MeterRegistry meters;

    RefusalMetrics(ObjectProvider<MeterRegistry> meters) {
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
    }

    @Override
    public boolean supports(@NonNull MethodParameter returnType,
                            @NonNull Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, @NonNull MethodParameter returnType,
                                  @NonNull MediaType selectedContentType,
                                  @NonNull Class<? extends HttpMessageConverter<?>> selectedConverterType,
                                  @NonNull ServerHttpRequest request, @NonNull ServerHttpResponse response) {
        // Commands only: a query that answers 404 is no refused command.
        if (request.getMethod() != HttpMethod.GET && body instanceof ProblemDetail problem
                && problem.getProperties() != null
                && problem.getProperties().get(Problems.CODE) != null) {
            meters.counter("ledger.commands", "outcome", "refused", "code",
                    String.valueOf(problem.getProperties().get(Problems.CODE))).increment();
        }
        return body;
    }
}
