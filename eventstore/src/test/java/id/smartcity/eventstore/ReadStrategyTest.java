package id.smartcity.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import id.smartcity.eventstore.testing.EmbeddedMongo;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReadStrategyTest {

    @Test
    void theEmbeddedServerIsRecognisedByItsBuildInfo() {
        try (EmbeddedMongo mongo = new EmbeddedMongo()) {
            assertThat(ReadStrategy.detect(mongo.database())).isEqualTo(ReadStrategy.EMBEDDED_SERVER);
        }
    }

    @ParameterizedTest
    @EnumSource(ReadStrategy.class)
    void findsEveryDocumentOfAListLongerThanOneChunk(ReadStrategy strategy) {
        try (EmbeddedMongo mongo = new EmbeddedMongo()) {
            MongoDatabase database = mongo.database();
            int documents = 3 * strategy.listChunk() + 7;
            List<Document> stored = LongStream.rangeClosed(1, documents)
                    .mapToObj(id -> new Document("_id", id).append("n", id)).toList();
            database.getCollection("probe").insertMany(stored);
            List<Long> wanted = new ArrayList<>(LongStream.rangeClosed(0, documents + 1).boxed().toList());

            List<Document> found = new ArrayList<>();
            strategy.findByIds(database.getCollection("probe"), wanted, null, found);

            assertThat(found).extracting(document -> document.getLong("_id"))
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, documents).boxed().toList());
        }
    }
}
