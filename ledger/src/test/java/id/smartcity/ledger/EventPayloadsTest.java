package id.smartcity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import id.smartcity.api.ProgrammeEvent;
import id.smartcity.eventstore.EventSerialization;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A stored payload is its record's components and nothing else: what an event says of itself (its business date)
 * must not reach the log, where it would change the hash of every event recorded before it was added.
 */
class EventPayloadsTest {
    static Stream<Class<?>> everyEventType() {
        return Arrays.stream(ProgrammeEvent.class.getPermittedSubclasses());
    }

    @ParameterizedTest
    @MethodSource("everyEventType")
    void storesExactlyTheRecordsComponents(Class<?> type) {
        ObjectMapper mapper = EventSerialization.objectMapper();

        var properties = mapper.getSerializationConfig().introspect(mapper.constructType(type)).findProperties()
                .stream().filter(BeanPropertyDefinition::couldSerialize).map(BeanPropertyDefinition::getName)
                .toList();

        assertThat(properties).containsExactlyInAnyOrderElementsOf(Arrays.stream(type.getRecordComponents())
                .map(component -> component.getName()).toList());
    }
}
