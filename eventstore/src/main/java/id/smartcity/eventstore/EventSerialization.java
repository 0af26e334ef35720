package id.smartcity.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * How events become documents: dates as ISO strings, and a tolerant reader, so that an event written by an older
 * version still reads. Kept apart from the web layer's JSON settings, which may change for other reasons.
 */
public final class EventSerialization {
    private EventSerialization() {
    }

    public static ObjectMapper objectMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(objectMapper()).build();
    }
}
