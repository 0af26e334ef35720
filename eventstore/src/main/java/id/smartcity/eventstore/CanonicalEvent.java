package id.smartcity.eventstore;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * The canonical bytes of a stored event and its place in the hash chain, as specified in
 * {@code docs/event-hash-chain.md}: canonical JSON (sorted keys, no white space, minimal escapes) of every field but
 * the hash itself, and {@code hash(p) = SHA-256(hash(p-1) || canonical(p))} with 32 zero bytes before position 1.
 */
public final class CanonicalEvent {
    public static final String HASH = "hash";
    /** The hash of the event before, as it was when this one was chained to it; part of the canonical bytes. */
    public static final String PREVIOUS = "previous";
    public static final byte[] GENESIS = new byte[32];
    private static final HexFormat HEX = HexFormat.of();

    private CanonicalEvent() {
    }

    /** The hash of {@code event} following {@code previous}; the event's own {@code hash} field is ignored. */
    public static byte[] chain(byte[] previous, Document event) {
        MessageDigest sha256 = sha256();
        sha256.update(previous);
        sha256.update(bytes(event));
        return sha256.digest();
    }

    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    public static byte[] unhex(String hash) {
        return HEX.parseHex(hash);
    }

    public static byte[] bytes(Document event) {
        StringBuilder json = new StringBuilder(512);
        writeObject(json, event, true);
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The event as canonical JSON, with or without its hash (the export writes it with). */
    public static String json(Document event, boolean withHash) {
        StringBuilder json = new StringBuilder(512);
        writeObject(json, event, !withHash);
        return json.toString();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeObject(StringBuilder json, Map<String, Object> object, boolean skipHash) {
        List<String> keys = new ArrayList<>(object.keySet());
        Collections.sort(keys);
        json.append('{');
        boolean first = true;
        for (String key : keys) {
            if (skipHash && key.equals(HASH)) {
                continue;
            }
            if (!first) {
                json.append(',');
            }
            first = false;
            writeString(json, key);
            json.append(':');
            writeValue(json, object.get(key));
        }
        json.append('}');
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof String text) {
            writeString(json, text);
        } else if (value instanceof Boolean bool) {
            json.append(bool ? "true" : "false");
        } else if (value instanceof Integer || value instanceof Long) {
            json.append(value);
        } else if (value instanceof Double number) {
            json.append(plain(BigDecimal.valueOf(number)));
        } else if (value instanceof Decimal128 number) {
            json.append(plain(number.bigDecimalValue()));
        } else if (value instanceof BigDecimal number) {
            json.append(plain(number));
        } else if (value instanceof Map<?, ?> map) {
            writeObject(json, (Map<String, Object>) map, false);
        } else if (value instanceof List<?> list) {
            json.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                writeValue(json, list.get(i));
            }
            json.append(']');
        } else {
            throw new IllegalArgumentException("No canonical form for a " + value.getClass().getName());
        }
    }

    private static String plain(BigDecimal number) {
        String text = number.stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    /** JSON string escapes of RFC 8785: only quote, backslash and control characters. */
    private static void writeString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
