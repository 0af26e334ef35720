package id.smartcity.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import id.smartcity.eventstore.testing.EmbeddedMongo;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema evolution: an event stored under revision 1 is read as revision 2, by aggregates and by tracking processors
 * alike, while the stored document (and so its hash) stays as it was recorded.
 */
class UpcastingTest {
    /** Revision 2 of a mentoring event: the institution's kind was added. */
    @Revision("2")
    record MentoringRecorded(String code, String institution, String institutionKind) {
    }

    /** Revision 1 had no kind; a university is what all revision 1 events named. */
    static final class MentoringRecordedUpcaster extends SingleEventUpcaster {
        private static final String TYPE = MentoringRecorded.class.getName();

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation event) {
            return event.getType().getName().equals(TYPE) && "1".equals(event.getType().getRevision());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
            return event.upcastPayload(new SimpleSerializedType(TYPE, "2"), JsonNode.class, payload -> {
                ((ObjectNode) payload).put("institutionKind", "UNIVERSITY");
                return payload;
            });
        }
    }

    private final EmbeddedMongo mongo = new EmbeddedMongo();
    private MongoEventStorageEngine engine;

    @AfterEach
    void tearDown() {
        if (engine != null) {
            engine.close();
        }
        mongo.close();
    }

    @Test
    void readsAnEventStoredUnderRevisionOneAsRevisionTwo() {
        engine = MongoEventStorageEngine.builder().database(mongo.database())
                .eventSerializer(EventSerialization.serializer()).snapshotSerializer(EventSerialization.serializer())
                .upcasterChain(new MentoringRecordedUpcaster()).build();
        engine.appendEvents(new GenericDomainEventMessage<>("Region", "32.73", 0,
                new MentoringRecorded("32.73", "ITB", "UNIVERSITY")));
        // Make it as an older version of the ledger wrote it: revision 1, without the field.
        mongo.database().getCollection(EventLog.EVENTS).updateOne(Filters.eq("_id", 1L), Updates.combine(
                Updates.set("revision", "1"), Updates.unset("payload.institutionKind")));

        List<? extends DomainEventMessage<?>> stream = engine.readEvents("32.73").asStream().toList();
        Object tracked = engine.readEvents(new GlobalSequenceTrackingToken(0), false).findFirst().orElseThrow()
                .getPayload();

        MentoringRecorded expected = new MentoringRecorded("32.73", "ITB", "UNIVERSITY");
        assertThat(stream).singleElement().extracting(DomainEventMessage::getPayload).isEqualTo(expected);
        assertThat(tracked).isEqualTo(expected);
        assertThat(mongo.database().getCollection(EventLog.EVENTS).find().first().getString("revision"))
                .as("the stored event is never rewritten").isEqualTo("1");
    }
}
