package id.smartcity.projections.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.Decimal128;

/**
 * A read model's Jackson tree as a BSON document. The driver encodes {@code BsonValue}s by their type alone; the maps
 * Jackson converts a view into went through the codec registry for every value, with a cycle check per nesting level
 * (profiled: a third of the time a replay spent writing its documents).
 */
final class BsonTrees {
    private BsonTrees() {
    }

    static BsonDocument document(JsonNode object) {
        BsonDocument document = new BsonDocument();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            document.append(field.getKey(), value(field.getValue()));
        }
        return document;
    }

    private static BsonValue value(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT:
                return document(node);
            case ARRAY:
                BsonArray array = new BsonArray(node.size());
                node.forEach(element -> array.add(value(element)));
                return array;
            case STRING:
                return new BsonString(node.textValue());
            case BOOLEAN:
                return BsonBoolean.valueOf(node.booleanValue());
            case NUMBER:
                if (node.isInt() || node.isShort()) {
                    return new BsonInt32(node.intValue());
                }
                if (node.isLong()) {
                    return new BsonInt64(node.longValue());
                }
                if (node.isBigDecimal() || node.isBigInteger()) {
                    return new BsonDecimal128(new Decimal128(node.decimalValue()));
                }
                return new BsonDouble(node.doubleValue());
            default:
                return BsonNull.VALUE;
        }
    }
}
