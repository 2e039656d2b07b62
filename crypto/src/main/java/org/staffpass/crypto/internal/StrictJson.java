package org.staffpass.crypto.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.Verification;

/**
 * The one JSON reader for untrusted input: duplicate member names, trailing data, anything
 * but strict UTF-8 and nesting deeper than {@value #MAX_DEPTH} are errors, never silently
 * resolved.
 *
 * <p>Error messages name the document and the position, never its content.
 */
public final class StrictJson {
    /** Deeper than any document we define; stops stack exhaustion by crafted input. */
    public static final int MAX_DEPTH = 32;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(64)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /**
     * The reader of untrusted documents: the same limits, but a duplicate member is caught where
     * the tree is built ({@code ObjectNode.replace} answers the member it displaced) instead of by
     * the parser's own name set, so each object is hashed once rather than twice. Every object of
     * the input becomes an {@code ObjectNode}, so the two catch the same duplicates.
     */
    private static final ObjectMapper TREE_READER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(64)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private StrictJson() {
    }

    /** The shared, configured mapper (thread-safe once built). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses a JSON object from UTF-8 bytes; {@code what} names the document in errors. */
    public static Verification<ObjectNode> parseObject(byte[] utf8, String what) {
        return parseTree(utf8, what).then(node -> node.isObject()
                ? Verification.accepted((ObjectNode) node)
                : Verification.rejected(ReasonCode.MALFORMED, what + " is not a JSON object"));
    }

    /**
     * Parses a JSON array from UTF-8 bytes (an SD-JWT disclosure, for example) with the same
     * rules as {@link #parseObject(byte[], String)}.
     */
    public static Verification<ArrayNode> parseArray(byte[] utf8, String what) {
        return parseTree(utf8, what).then(node -> node.isArray()
                ? Verification.accepted((ArrayNode) node)
                : Verification.rejected(ReasonCode.MALFORMED, what + " is not a JSON array"));
    }

    private static Verification<JsonNode> parseTree(byte[] utf8, String what) {
        if (!isStrictUtf8(utf8)) {
            return Verification.rejected(ReasonCode.MALFORMED,
                    what + " is not UTF-8 JSON (invalid or overlong UTF-8, a byte order mark, or UTF-16/32)");
        }
        JsonNode node;
        try {
            node = TREE_READER.readTree(utf8);
        } catch (StreamConstraintsException e) {
            return Verification.rejected(ReasonCode.MALFORMED, what + " is nested too deeply or has an oversized number");
        } catch (JsonProcessingException e) {
            String detail = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "has a duplicate member name"
                    : "is not valid JSON";
            long offset = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
            return Verification.rejected(ReasonCode.MALFORMED,
                    what + " " + detail + (offset >= 0 ? " (near byte " + offset + ")" : ""));
        } catch (IOException e) {
            return Verification.rejected(ReasonCode.MALFORMED, what + " could not be read as JSON");
        }
        // Empty input reads as no node at all; the callers then say what kind of node was expected.
        return Verification.accepted(node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node);
    }

    /**
     * JSON exchanged between systems is UTF-8 without a byte order mark (RFC 8259 §8.1). Jackson
     * guesses UTF-16/32 from zero bytes, skips a BOM, and decodes overlong and out-of-range
     * UTF-8, so two byte strings could read as one document; all of that is refused here. A
     * raw zero byte is never valid JSON text, and ASCII (the common case) needs no decoding.
     */
    private static boolean isStrictUtf8(byte[] bytes) {
        boolean ascii = true;
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
            ascii &= b > 0;
        }
        if (ascii) {
            return true;
        }
        if (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
            return false;
        }
        try {
            // The JDK decoder refuses overlong forms, surrogates and code points above U+10FFFF.
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Parses a JSON object from a string; see {@link #parseObject(byte[], String)}. */
    public static Verification<ObjectNode> parseObject(String json, String what) {
        return parseObject(json.getBytes(StandardCharsets.UTF_8), what);
    }

    /** Serializes to compact JSON with object members in the order they were added. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to serialize", e);
        }
    }

    /**
     * Attacker-chosen text (a string read from untrusted JSON) made safe for a message: quoted,
     * cut to 40 characters, and anything but printable ASCII replaced by '?', so it can never
     * forge a log line or break a one-line CLI error.
     */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length() && i < 40; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? c : '?');
        }
        return out.append(text.length() > 40 ? "...\"" : "\"").toString();
    }

    /** A new empty object node. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * Converts a tree into plain Java values (LinkedHashMap, ArrayList, String, Boolean,
     * Long or BigInteger or BigDecimal, null) for libraries such as Nimbus that want maps.
     */
    public static Map<String, Object> toMap(ObjectNode object) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            map.put(field.getKey(), toPlain(field.getValue()));
        }
        return map;
    }

    private static Object toPlain(JsonNode node) {
        if (node.isObject()) {
            return toMap((ObjectNode) node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                list.add(toPlain(element));
            }
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return null;
    }
}
