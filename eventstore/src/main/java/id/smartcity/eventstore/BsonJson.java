package id.smartcity.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;

/**
 * Jackson trees to BSON documents and back, without a detour through JSON text: payloads are stored as readable
 * fields, so an auditor with a Mongo shell reads the event as it was recorded.
 */
public final class BsonJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BsonJson() {
    }

    public static Document toDocument(JsonNode object) {
        Document document = new Document();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            document.put(field.getKey(), toBson(field.getValue()));
        }
        return document;
    }

    private static Object toBson(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT:
                return toDocument(node);
            case ARRAY:
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(element -> list.add(toBson(element)));
                return list;
            case STRING:
                return node.textValue();
            case BOOLEAN:
                return node.booleanValue();
            case NUMBER:
                if (node.isInt()) {
                    return node.intValue();
                }
                if (node.isLong()) {
                    return node.longValue();
                }
                if (node.isBigDecimal() || node.isBigInteger()) {
                    return new Decimal128(node.decimalValue());
                }
                return node.doubleValue();
            case BINARY:
                try {
                    return new Binary(node.binaryValue());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            default:
                return null;
        }
    }

    public static ObjectNode toJson(Document document) {
        ObjectNode object = NODES.objectNode();
        document.forEach((key, value) -> object.set(key, toNode(value)));
        return object;
    }

    private static JsonNode toNode(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Document document) {
            return toJson(document);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            list.forEach(element -> array.add(toNode(element)));
            return array;
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Integer number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Double number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Decimal128 number) {
            return NODES.numberNode(number.bigDecimalValue());
        }
        if (value instanceof Binary binary) {
            return NODES.binaryNode(binary.getData());
        }
        if (value instanceof Date date) {
            return NODES.textNode(date.toInstant().toString());
        }
        return NODES.textNode(value.toString());
    }
}
