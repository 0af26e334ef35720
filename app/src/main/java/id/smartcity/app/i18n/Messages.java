package id.smartcity.app.i18n;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import id.smartcity.projections.model.Phrase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The ledger speaks English and Bahasa Indonesia: {@code i18n/messages_en} and {@code i18n/messages_id} word the
 * sentences it composes (timeline summaries, reconciliation explanations, metric and event names, rule titles) in
 * the language of the request's {@code Accept-Language}; any other language, or none, gets English.
 */
@Configuration(proxyBeanMethods = false)
public class Messages {
    /** The language of a request that names none we have. */
    public static final Locale FALLBACK = Locale.ENGLISH;

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        // Not the server's own locale: a ledger on a machine set to Indonesian answers an English request in English.
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(FALLBACK);
        return messages;
    }

    /**
     * A phrase in an HTTP answer carries its code and parameters, and {@code message}: the sentence in the request's
     * language. (The read models store phrases with their own mapper, without the message.)
     */
    @Bean
    Module phrases(MessageSource messages) {
        return new SimpleModule("phrases").addSerializer(Phrase.class, new JsonSerializer<>() {
            @Override
            public void serialize(Phrase phrase, JsonGenerator json, SerializerProvider serializers)
                    throws IOException {
                json.writeStartObject();
                json.writeStringField("code", phrase.code());
                json.writeArrayFieldStart("params");
                for (String param : phrase.params()) {
                    json.writeString(param);
                }
                json.writeEndArray();
                json.writeStringField("message", messages.getMessage(phrase.code(), phrase.params().toArray(),
                        phrase.code(), LocaleContextHolder.getLocale()));
                json.writeEndObject();
            }
        });
    }
}
