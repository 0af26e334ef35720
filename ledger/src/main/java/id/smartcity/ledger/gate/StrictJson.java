package id.smartcity.ledger.gate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The one JSON configuration for everything that comes in as a command, over HTTP or in an import line (ADR 13).
 * Jackson's defaults are lenient in ways a ledger cannot afford, because whatever is accepted stays forever: a float
 * is truncated into an int (2024.7 becomes 2024), "2019" and true become numbers, a number becomes a date (epoch
 * days), a duplicate key silently keeps its last value, and text after the first value is ignored. Here each of those
 * is refused, by Jackson's own switches.
 */
public final class StrictJson {
    /** Business dates lie in the republic's time and this century: anything else is a typo or an attack. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1945, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);
    /** No command text comes near this; Jackson's default (20 million characters) would let a note fill the heap. */
    static final int MAX_STRING_LENGTH = 1 << 20;

    private static final ObjectMapper MAPPER = build();

    private StrictJson() {
    }

    /** The mapper: share it, never reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper build() {
        JsonFactoryBuilder factory = new JsonFactoryBuilder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_LENGTH)
                        .maxNestingDepth(32).maxNumberLength(100).build());
        JsonMapper mapper = JsonMapper.builder(factory.build())
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("strict-dates").addDeserializer(LocalDate.class, new IsoDate()))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // 3.10 stays 3.10 on its way through the tree, as the operator wrote it.
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
        // No scalar turns into another kind of scalar, and nothing empty stands in for a value.
        for (LogicalType type : LogicalType.values()) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    /**
     * An ISO date (yyyy-MM-dd) and only that, within {@link #EARLIEST_DATE}..{@link #LATEST_DATE}. Jackson's own
     * LocalDate reader also takes epoch days, [y, m, d] arrays and years of nine digits (-999999999-01-01).
     */
    private static final class IsoDate extends StdScalarDeserializer<LocalDate> {
        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText();
            LocalDate date;
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeException e) {
                throw context.weirdStringException(text, LocalDate.class, "not an ISO date (yyyy-MM-dd)");
            }
            if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
                throw context.weirdStringException(text, LocalDate.class, "outside " + EARLIEST_DATE + ".."
                        + LATEST_DATE);
            }
            return date;
        }
    }
}
