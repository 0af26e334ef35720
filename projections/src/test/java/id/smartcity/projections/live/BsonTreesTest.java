package id.smartcity.projections.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

class BsonTreesTest {
    private final ObjectMapper json = ReadModels.objectMapper();

    record Inner(String name, boolean done) {
    }

    record View(String code, int year, long position, double share, BigDecimal score, LocalDate on, String none,
                List<Inner> inners, List<String> tags) {
    }

    @Test
    void keepsEveryValueOfAViewWithItsBsonTypeAndReadsBackTheSame() {
        View view = new View("73.71", 2017, 5_000_000_000L, 0.25, new BigDecimal("87.50"), LocalDate.of(2017, 5, 22),
                null, List.of(new Inner("MoU", true)), List.of("a", "b"));

        BsonDocument document = BsonTrees.document(json.valueToTree(view));

        assertThat(document.get("year").getBsonType()).isEqualTo(BsonType.INT32);
        assertThat(document.get("position").getBsonType()).isEqualTo(BsonType.INT64);
        assertThat(document.get("share").getBsonType()).isEqualTo(BsonType.DOUBLE);
        assertThat(document.get("score").getBsonType()).isEqualTo(BsonType.DECIMAL128);
        assertThat(document.getString("on").getValue()).isEqualTo("2017-05-22");
        assertThat(document.get("none").isNull()).isTrue();
        assertThat(document.getArray("inners").get(0).asDocument().getBoolean("done").getValue()).isTrue();
        Document read = new DocumentCodec().decode(document.asBsonReader(), DecoderContext.builder().build());
        assertThat(json.convertValue(read, View.class)).isEqualTo(view);
    }
}
