package org.staffpass.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.testing.Property;

/** Canonical form and digest: stable under member order and whitespace, a fixed point of parse. */
class PolicyCanonicalFormTest {
    private static final Policy EXAMPLE = PolicyFiles.valid(PolicyFiles.examplePolicy());

    /** The same tree with members shuffled at every level and random whitespace between tokens. */
    static String reshuffled(Random random, JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(random, node, out);
        return out.toString();
    }

    private static void write(Random random, JsonNode node, StringBuilder out) {
        space(random, out);
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.shuffle(names, random);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                space(random, out);
                out.append(StrictJson.write(StrictJson.mapper().getNodeFactory().textNode(names.get(i))));
                space(random, out);
                out.append(':');
                write(random, node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(random, node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(StrictJson.write(node));
        }
        space(random, out);
    }

    private static void space(Random random, StringBuilder out) {
        String[] blanks = {"", " ", "\n", "\t", "\r\n  "};
        out.append(blanks[random.nextInt(blanks.length)]);
    }

    @Test
    void digestIsStableUnderMemberOrderAndWhitespace() {
        JsonNode tree = StrictJson.parseObject(PolicyFiles.examplePolicy(), "example").value();
        Property.forAll("policy digest ignores member order and whitespace", Property.scaled(100),
                random -> reshuffled(random, tree),
                text -> {
                    Policy again = PolicyFiles.valid(text);
                    assertEquals(EXAMPLE.digest(), again.digest());
                    assertEquals(EXAMPLE, again);
                });
    }

    @Test
    void canonicalPrintThenParseIsIdentity() {
        Policy again = PolicyFiles.valid(EXAMPLE.canonicalJson());
        assertEquals(EXAMPLE, again);
        assertEquals(EXAMPLE.canonicalJson(), again.canonicalJson());
        // No whitespace, members sorted at the top level.
        assertEquals(-1, EXAMPLE.canonicalJson().indexOf('\n'));
        assertEquals(true, EXAMPLE.canonicalJson().startsWith("{\"effective\":{\"from\":\"2026-04-01\""));
    }

    @Test
    void anyChangedValueChangesTheDigest() {
        ObjectNode tree = StrictJson.parseObject(PolicyFiles.examplePolicy(), "example").value();
        ((ObjectNode) tree.at("/rules/rates/card/core")).put("night", "100.01");
        assertNotEquals(EXAMPLE.digest(), PolicyFiles.valid(StrictJson.write(tree)).digest());
        // Decimals are compared as written: "10" and "10.0" are different documents.
        ObjectNode other = StrictJson.parseObject(PolicyFiles.examplePolicy(), "example").value();
        ((ObjectNode) ((ArrayNode) other.at("/rules/rates/escalation")).get(0)).put("upToPercentAbove", "10.0");
        assertNotEquals(EXAMPLE.digest(), PolicyFiles.valid(StrictJson.write(other)).digest());
    }
}
