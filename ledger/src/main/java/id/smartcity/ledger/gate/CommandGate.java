package id.smartcity.ledger.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.smartcity.api.ProgrammeCommand;
import id.smartcity.api.SignMoU;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a command from JSON the one way every door shares: the single-command endpoints (body plus the fields their
 * path gives) and each line of an import ({@code {"command": "SignMoU", ...}}) go through the same strict parser
 * ({@link StrictJson}) into the same {@code api} record; the command bus then checks its limits
 * ({@link CommandValidation}) and the aggregate its rules.
 */
public final class CommandGate {
    /** Every command by its name, from the closed list of the programme's commands. */
    public static final Map<String, Class<?>> COMMANDS = Stream.of(ProgrammeCommand.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));
    private static final ObjectMapper JSON = StrictJson.mapper();

    private CommandGate() {
    }

    /** Builds the parser's deserializer of a command type now rather than on its first use. */
    public static void prepare(Class<?> type) {
        JSON.readerFor(type);
    }

    /** A single command's body, with the fields its path gives (the region's code, the engagement's year). */
    public static <T> T read(Class<T> type, byte[] body, Map<String, ?> fromPath) {
        ObjectNode fields = object(() -> JSON.readTree(body));
        for (Map.Entry<String, ?> field : fromPath.entrySet()) {
            if (fields.has(field.getKey())) {
                throw new CommandRefused.Malformed("FIELD_IN_PATH", "Field '" + field.getKey()
                        + "' is given by the path, not the body");
            }
            fields.set(field.getKey(), JSON.valueToTree(field.getValue()));
        }
        return convert(fields, type);
    }

    /** One import line: a JSON object naming its command. */
    public static Object readLine(String line) {
        ObjectNode fields = object(() -> JSON.readTree(line));
        JsonNode name = fields.remove("command");
        if (name == null || !name.isTextual()) {
            throw new CommandRefused.Malformed("COMMAND_REQUIRED", "A line is a JSON object with a \"command\" field");
        }
        Class<?> type = COMMANDS.get(name.textValue());
        if (type == null) {
            throw new CommandRefused.Malformed("UNKNOWN_COMMAND", "Unknown command '" + name.textValue()
                    + "'; known: " + COMMANDS.keySet().stream().sorted().toList());
        }
        return convert(fields, type);
    }

    private interface Reading {
        JsonNode read() throws java.io.IOException;
    }

    private static ObjectNode object(Reading reading) {
        JsonNode node;
        try {
            node = reading.read();
        } catch (java.io.IOException e) {
            throw refusal(e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new CommandRefused.Malformed("NOT_AN_OBJECT", "A command is one JSON object");
        }
        return object;
    }

    private static <T> T convert(ObjectNode fields, Class<T> type) {
        try {
            return JSON.treeToValue(fields, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw refusal(e);
        }
    }

    /** Names the strictness rule a body broke, and where, without echoing parser internals. */
    static CommandRefused.Malformed refusal(Throwable e) {
        Throwable cause = e instanceof IllegalArgumentException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new CommandRefused.Malformed("UNKNOWN_FIELD", "Unknown field '" + unknown.getPropertyName() + "'");
        }
        if (cause instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            String allowed = target != null && target.isEnum()
                    ? ": expected one of " + Arrays.toString(target.getEnumConstants()) : "";
            boolean date = target == java.time.LocalDate.class;
            // A number or a boolean where another kind of value belongs (2019.7 for a year) is the wrong type.
            String rule = date ? "DATE_INVALID" : invalid.getValue() instanceof String ? "VALUE_INVALID" : "WRONG_TYPE";
            return new CommandRefused.Malformed(rule, "Field '" + path(invalid)
                    + "' cannot be '" + abbreviated(invalid.getValue()) + "'" + allowed
                    + (date ? ": an ISO date (yyyy-MM-dd) from " + StrictJson.EARLIEST_DATE + " to "
                    + StrictJson.LATEST_DATE : ""));
        }
        if (cause instanceof ValueInstantiationException instantiation) {
            return new CommandRefused.Malformed("VALUE_INVALID", "Field '" + path(instantiation) + "' is invalid");
        }
        if (cause instanceof MismatchedInputException mismatched) {
            String message = String.valueOf(mismatched.getOriginalMessage());
            if (message.startsWith("Trailing token")) {
                return new CommandRefused.Malformed("TRAILING_CONTENT", "Only one JSON value is allowed; more"
                        + " follows it");
            }
            if (message.contains("Duplicate field")) {
                return new CommandRefused.Malformed("DUPLICATE_FIELD", firstLine(message));
            }
            if (message.startsWith("Cannot map `null`")) {
                return new CommandRefused.Malformed("VALUE_REQUIRED", "Field '" + path(mismatched)
                        + "' is required" + (mismatched.getTargetType() == null ? ""
                        : ": expected " + kind(mismatched.getTargetType())));
            }
            return new CommandRefused.Malformed("WRONG_TYPE", "Field '" + path(mismatched)
                    + "' has the wrong type" + (mismatched.getTargetType() == null ? ""
                    : ": expected " + kind(mismatched.getTargetType())));
        }
        if (cause instanceof StreamConstraintsException) {
            return new CommandRefused.Malformed("TOO_LARGE", "A value is larger than the ledger takes (texts up to "
                    + StrictJson.MAX_STRING_LENGTH + " characters; " + StreamReadConstraints.DEFAULT_MAX_DEPTH
                    + " levels at most)");
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new CommandRefused.Malformed("VALUE_INVALID", "Field '" + path(mapping) + "' is invalid");
        }
        if (cause instanceof JsonProcessingException processing
                && String.valueOf(processing.getOriginalMessage()).startsWith("Duplicate field")) {
            return new CommandRefused.Malformed("DUPLICATE_FIELD", firstLine(processing.getOriginalMessage()));
        }
        return new CommandRefused.Malformed("NOT_JSON", "Not valid JSON");
    }

    private static String kind(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        return type.getSimpleName();
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static String abbreviated(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                : "[" + reference.getIndex() + "]").collect(Collectors.joining("."));
    }
}
