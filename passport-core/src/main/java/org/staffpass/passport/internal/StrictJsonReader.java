package org.staffpass.passport.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The passport module's JSON reader, configured as crypto's {@code StrictJson} (which is not
 * exported): duplicate member names, trailing data and nesting deeper than {@value #MAX_DEPTH}
 * are errors. Used for the bundled vocabularies (where a duplicate would silently replace an
 * entry) and by tests; credential claims arrive as trees already parsed by the token layer.
 */
public final class StrictJsonReader {
    /** Deeper than any document this module defines. */
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
            .build();

    private StrictJsonReader() {
    }

    /**
     * Reads a JSON object from trusted-but-checked bytes (a bundled resource).
     *
     * @throws IOException if the bytes are not one JSON object under the strict rules
     */
    public static ObjectNode readObject(byte[] utf8, String what) throws IOException {
        JsonNode node = MAPPER.readTree(utf8);
        if (node == null || !node.isObject()) {
            throw new IOException(what + " is not a JSON object");
        }
        return (ObjectNode) node;
    }

    /** Node factory for building claims (members keep insertion order). */
    public static JsonNodeFactory nodes() {
        return MAPPER.getNodeFactory();
    }

    /** Compact JSON text of a tree, members in insertion order. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree failed to serialize", e);
        }
    }
}
