package id.smartcity.app.i18n;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every problem detail names its rule by {@code code}, with {@code title} and {@code detail} in English as before;
 * this adds {@code message}: the rule in the request's language ({@code problem.<CODE>} in the bundles).
 */
@RestControllerAdvice
public class ProblemMessages implements ResponseBodyAdvice<Object> {
    private final MessageSource messages;

    public ProblemMessages(MessageSource messages) {
        this.messages = messages;
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
        if (body instanceof ProblemDetail problem) {
            localise(problem, messages, LocaleContextHolder.getLocale());
        }
        return body;
    }

    /** Adds {@code message} when the bundles know the problem's code, and so to each refused line of an import. */
    public static void localise(ProblemDetail problem, MessageSource messages, Locale locale) {
        Map<String, Object> properties = problem.getProperties();
        if (properties == null) {
            return;
        }
        String message = message(properties.get("code"), messages, locale);
        if (message != null) {
            problem.setProperty("message", message);
        }
        if (properties.get("lines") instanceof List<?> lines) {
            for (Object line : lines) {
                // Only the import's own (mutable) entries; anything else is left as it is.
                if (line instanceof HashMap<?, ?> entry && entry.get("code") != null) {
                    String said = message(entry.get("code"), messages, locale);
                    if (said != null) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> writable = (Map<String, Object>) entry;
                        writable.put("message", said);
                    }
                }
            }
        }
    }

    private static String message(Object code, MessageSource messages, Locale locale) {
        return code == null ? null : messages.getMessage("problem." + code, null, null, locale);
    }
}
