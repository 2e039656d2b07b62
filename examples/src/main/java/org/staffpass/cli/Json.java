package org.staffpass.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON output for {@code --json}: one compact object per line. */
final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    /** A new object; its {@code toString()} is compact JSON. */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The shared mapper for reading documents the CLI shows (never for verifying them). */
    static ObjectMapper mapper() {
        return MAPPER;
    }
}
