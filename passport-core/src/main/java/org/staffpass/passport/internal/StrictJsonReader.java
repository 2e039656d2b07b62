package org.staffpass.passport.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.internal.StrictJson;

/**
 * The passport module's view of crypto's {@code StrictJson} (shared with this module by a
 * qualified export): duplicate member names, invalid UTF-8, trailing data and deep nesting are
 * errors. Used for the bundled vocabularies (where a duplicate would silently replace an entry)
 * and by tests; credential claims arrive as trees already parsed by the token layer.
 */
public final class StrictJsonReader {
    /** Deeper than any document this module defines. */
    public static final int MAX_DEPTH = StrictJson.MAX_DEPTH;

    private StrictJsonReader() {
    }

    /**
     * Reads a JSON object from trusted-but-checked bytes (a bundled resource).
     *
     * @throws IOException if the bytes are not one JSON object under the strict rules
     */
    public static ObjectNode readObject(byte[] utf8, String what) throws IOException {
        Verification<ObjectNode> parsed = StrictJson.parseObject(utf8, what);
        if (parsed instanceof Verification.Rejected<ObjectNode> rejected) {
            throw new IOException(rejected.message());
        }
        return parsed.value();
    }

    /** Node factory for building claims (members keep insertion order). */
    public static JsonNodeFactory nodes() {
        return StrictJson.mapper().getNodeFactory();
    }

    /** Compact JSON text of a tree, members in insertion order. */
    public static String write(JsonNode node) {
        return StrictJson.write(node);
    }
}
