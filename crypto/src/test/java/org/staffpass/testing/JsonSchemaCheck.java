package org.staffpass.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;

/**
 * A structural check of a JSON document against a JSON Schema (draft 2020-12), for the
 * keywords our schemas use and no others: a schema keyword this class does not know fails
 * loudly, so a schema can never silently say more than is checked. Test code only (no
 * JSON-schema library is a dependency of the library modules); shared by every module's schema
 * tests through crypto's test-jar, with the assertion those tests make of each closed object.
 */
public final class JsonSchemaCheck {
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "title", "description");
    private static final Set<String> KEYWORDS = Set.of("$ref", "$defs", "type", "properties", "required",
            "additionalProperties", "items", "minItems", "maxItems", "uniqueItems", "contains", "minLength", "maxLength",
            "pattern", "enum", "const", "minimum", "maximum", "dependentRequired");

    private final JsonNode root;

    public JsonSchemaCheck(JsonNode schemaRoot) {
        this.root = schemaRoot;
    }

    /**
     * Every keyword anywhere in {@code schema} (its {@code $defs}, properties, items and
     * {@code contains} included) that this check does not implement, as pointers; empty when
     * it implements them all. {@link #problems} refuses them only on the paths a document visits.
     */
    public static List<String> unsupportedKeywords(JsonNode schema) {
        List<String> unknown = new ArrayList<>();
        collectUnsupported(schema, "", unknown);
        return unknown;
    }

    private static void collectUnsupported(JsonNode schema, String pointer, List<String> unknown) {
        schema.fieldNames().forEachRemaining(name -> {
            if (!KEYWORDS.contains(name) && !ANNOTATIONS.contains(name)) {
                unknown.add(pointer + "/" + name);
            }
        });
        for (String container : List.of("properties", "$defs")) {
            if (schema.has(container)) {
                schema.get(container).fields().forEachRemaining(e -> collectUnsupported(e.getValue(),
                        pointer + "/" + container + "/" + e.getKey(), unknown));
            }
        }
        for (String single : List.of("items", "contains")) {
            if (schema.has(single)) {
                collectUnsupported(schema.get(single), pointer + "/" + single, unknown);
            }
        }
    }

    /**
     * Asserts that {@code schema} describes a closed object ({@code additionalProperties: false})
     * with exactly {@code members} as properties and exactly {@code required} required, so a
     * schema and its reader's allow-lists stay in step; {@code where} names it in failures.
     */
    public static void assertClosedObject(JsonNode schema, Set<String> members, Set<String> required, String where) {
        Assertions.assertEquals("object", schema.get("type").textValue(), where);
        Assertions.assertFalse(schema.get("additionalProperties").asBoolean(true),
                where + " must set additionalProperties:false");
        Set<String> properties = new HashSet<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        Assertions.assertEquals(members, properties, where + " properties");
        Assertions.assertEquals(required, strings(schema.path("required")), where + " required");
    }

    /** The texts of a JSON array of strings (an {@code enum}, a {@code required}); empty when missing. */
    public static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(value -> values.add(value.textValue()));
        return values;
    }

    /** Every violation, as "pointer: problem"; empty when the document conforms. */
    public List<String> problems(JsonNode document) {
        List<String> problems = new ArrayList<>();
        check(root, document, "", problems);
        return problems;
    }

    private void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
        Iterator<String> keywords = schema.fieldNames();
        while (keywords.hasNext()) {
            String keyword = keywords.next();
            if (!KEYWORDS.contains(keyword) && !ANNOTATIONS.contains(keyword)) {
                throw new IllegalStateException("schema keyword '" + keyword + "' at " + path + " is not supported by this check");
            }
        }
        if (schema.has("$ref")) {
            check(resolve(schema.get("$ref").textValue()), value, path, problems);
        }
        if (schema.has("type") && !hasType(value, schema.get("type").textValue())) {
            problems.add(path + ": is not of type " + schema.get("type").textValue());
            return;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode option : schema.get("enum")) {
                found |= option.equals(value);
            }
            if (!found) {
                problems.add(path + ": is not one of " + schema.get("enum"));
            }
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            problems.add(path + ": is not " + schema.get("const"));
        }
        if (value.isObject()) {
            checkObject(schema, (ObjectNode) value, path, problems);
        }
        if (value.isArray()) {
            checkArray(schema, value, path, problems);
        }
        if (value.isTextual()) {
            String text = value.textValue();
            int length = text.codePointCount(0, text.length());
            if (schema.has("minLength") && length < schema.get("minLength").intValue()) {
                problems.add(path + ": is shorter than " + schema.get("minLength"));
            }
            if (schema.has("maxLength") && length > schema.get("maxLength").intValue()) {
                problems.add(path + ": is longer than " + schema.get("maxLength"));
            }
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").textValue()).matcher(text).find()) {
                problems.add(path + ": does not match " + schema.get("pattern"));
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
                problems.add(path + ": is below " + schema.get("minimum"));
            }
            if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                problems.add(path + ": is above " + schema.get("maximum"));
            }
        }
    }

    private void checkObject(JsonNode schema, ObjectNode value, String path, List<String> problems) {
        JsonNode properties = schema.path("properties");
        if (schema.has("required")) {
            for (JsonNode name : schema.get("required")) {
                if (!value.has(name.textValue())) {
                    problems.add(path + "/" + name.textValue() + ": is required");
                }
            }
        }
        if (schema.has("dependentRequired")) {
            for (Map.Entry<String, JsonNode> rule : schema.get("dependentRequired").properties()) {
                if (value.has(rule.getKey())) {
                    for (JsonNode name : rule.getValue()) {
                        if (!value.has(name.textValue())) {
                            problems.add(path + "/" + name.textValue() + ": is required with " + rule.getKey());
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            String memberPath = path + "/" + member.getKey();
            if (properties.has(member.getKey())) {
                check(properties.get(member.getKey()), member.getValue(), memberPath, problems);
            } else if (schema.has("additionalProperties") && !schema.get("additionalProperties").asBoolean(true)) {
                problems.add(memberPath + ": is not allowed");
            }
        }
    }

    private void checkArray(JsonNode schema, JsonNode value, String path, List<String> problems) {
        if (schema.has("minItems") && value.size() < schema.get("minItems").intValue()) {
            problems.add(path + ": has fewer than " + schema.get("minItems") + " items");
        }
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").intValue()) {
            problems.add(path + ": has more than " + schema.get("maxItems") + " items");
        }
        if (schema.has("uniqueItems") && schema.get("uniqueItems").booleanValue()) {
            Set<JsonNode> seen = new HashSet<>();
            for (JsonNode item : value) {
                if (!seen.add(item)) {
                    problems.add(path + ": has repeated items");
                }
            }
        }
        if (schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), path + "/" + i, problems);
            }
        }
        if (schema.has("contains")) {
            boolean any = false;
            for (JsonNode item : value) {
                List<String> itemProblems = new ArrayList<>();
                check(schema.get("contains"), item, path, itemProblems);
                any |= itemProblems.isEmpty();
            }
            if (!any) {
                problems.add(path + ": contains no item matching " + schema.get("contains"));
            }
        }
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalStateException("only local $ref is supported: " + ref);
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalStateException("$ref " + ref + " points nowhere");
        }
        return target;
    }

    private static boolean hasType(JsonNode value, String type) {
        switch (type) {
            case "object":
                return value.isObject();
            case "array":
                return value.isArray();
            case "string":
                return value.isTextual();
            case "integer":
                // As the specification says, 1.0 is an integer here; the trust-list reader is stricter.
                return value.isIntegralNumber() || (value.isNumber() && isWhole(value));
            case "boolean":
                return value.isBoolean();
            case "null":
                return value.isNull();
            case "number":
                return value.isNumber();
            default:
                throw new IllegalStateException("unknown type " + type);
        }
    }

    private static boolean isWhole(JsonNode value) {
        BigDecimal number = value.decimalValue();
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }
}
