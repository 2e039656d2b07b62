package org.staffpass.rules.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.JwsSigner;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.rules.Outcome;
import org.staffpass.rules.RuleCode;

/**
 * Keeps docs/schemas/decision-record.schema.json in step with the payload reader: the same
 * members and required members at every level, the same patterns and enums, and the same
 * verdict on generated payloads and on payloads broken one way at a time. There is no JSON
 * Schema library in the project, so {@link #validate} implements the keywords the schema uses.
 */
class DecisionRecordSchemaTest {
    private static final JsonNode SCHEMA = StrictJson.parseObject(
            AuditFixtures.repositoryFile("docs/schemas/decision-record.schema.json"), "schema").value();
    private static final Set<String> KEYWORDS = Set.of("$schema", "$id", "$defs", "$ref", "title", "description", "type",
            "properties", "required", "additionalProperties", "items", "const", "enum", "pattern", "minLength", "maxLength",
            "minimum", "maximum", "maxItems", "dependentRequired");

    private static Set<String> names(JsonNode properties) {
        Set<String> names = new HashSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(value -> values.add(value.textValue()));
        return values;
    }

    private static void assertObject(String pointer, Set<String> members, Set<String> optional) {
        JsonNode schema = SCHEMA.at(pointer);
        assertEquals("object", schema.get("type").textValue(), pointer);
        assertFalse(schema.get("additionalProperties").asBoolean(true), pointer + " must set additionalProperties:false");
        assertEquals(members, names(schema.get("properties")), pointer + " properties");
        Set<String> required = new HashSet<>(members);
        required.removeAll(optional);
        assertEquals(required, strings(schema.get("required")), pointer + " required");
    }

    @Test
    void memberSetsMatchTheReadersAllowLists() {
        assertEquals("https://json-schema.org/draft/2020-12/schema", SCHEMA.get("$schema").textValue());
        assertObject("", RecordCodec.TOP_MEMBERS, RecordCodec.TOP_OPTIONAL);
        assertObject("/$defs/shift", RecordCodec.SHIFT_MEMBERS, RecordCodec.SHIFT_OPTIONAL);
        assertObject("/$defs/policy", RecordCodec.POLICY_MEMBERS, Set.of());
        assertObject("/$defs/finding", RecordCodec.FINDING_MEMBERS, RecordCodec.FINDING_OPTIONAL);
        assertObject("/$defs/approval", RecordCodec.APPROVAL_MEMBERS, RecordCodec.APPROVAL_OPTIONAL);
    }

    @Test
    void patternsBoundsAndEnumsMatchTheReader() {
        assertEquals(RecordCodec.DECIMAL_PATTERN, SCHEMA.at("/$defs/decimal/pattern").textValue());
        assertEquals(RecordCodec.INSTANT_PATTERN, SCHEMA.at("/$defs/instant/pattern").textValue());
        assertEquals(DecisionRecord.FORMAT_VERSION, SCHEMA.at("/properties/v/const").intValue());
        assertEquals(RecordCodec.MAX_SEQ, SCHEMA.at("/properties/seq/maximum").longValue());
        assertEquals(DecisionRecord.MAX_TEXT, SCHEMA.at("/$defs/text/maxLength").intValue());
        assertEquals(DecisionRecord.MAX_REASON, SCHEMA.at("/$defs/approval/properties/reason/maxLength").intValue());
        assertEquals(SCHEMA.at("/$defs/text/pattern"), SCHEMA.at("/$defs/approval/properties/reason/pattern"));
        assertEquals(DecisionRecord.MAX_FINDINGS, SCHEMA.at("/properties/findings/maxItems").intValue());
        assertEquals(DecisionRecord.MAX_LIST, SCHEMA.at("/properties/credentials/maxItems").intValue());
        assertEquals(DecisionRecord.MAX_LIST, SCHEMA.at("/properties/disclosureRequest/maxItems").intValue());
        assertEquals(DecisionRecord.MAX_EVIDENCE, SCHEMA.at("/$defs/finding/properties/evidence/maxItems").intValue());
        assertEquals(DecisionRecord.MAX_EVIDENCE + 1, SCHEMA.at("/$defs/finding/properties/evidenceCount/minimum").intValue());
        assertEquals(names(Arrays.stream(RuleCode.values()).map(Enum::name)), strings(SCHEMA.at("/$defs/finding/properties/code/enum")));
        assertEquals(names(Arrays.stream(Outcome.values()).map(Enum::name)), strings(SCHEMA.at("/properties/outcome/enum")));
    }

    private static Set<String> names(java.util.stream.Stream<String> names) {
        return new HashSet<>(names.toList());
    }

    @Test
    void schemaUsesOnlyKeywordsThisTestImplements() {
        List<String> unknown = new ArrayList<>();
        collectKeywords(SCHEMA, "", unknown);
        assertEquals(List.of(), unknown);
    }

    private static void collectKeywords(JsonNode schema, String pointer, List<String> unknown) {
        schema.fieldNames().forEachRemaining(name -> {
            if (!KEYWORDS.contains(name)) {
                unknown.add(pointer + "/" + name);
            }
        });
        for (String container : List.of("properties", "$defs")) {
            if (schema.has(container)) {
                schema.get(container).fields().forEachRemaining(e -> collectKeywords(e.getValue(),
                        pointer + "/" + container + "/" + e.getKey(), unknown));
            }
        }
        if (schema.has("items")) {
            collectKeywords(schema.get("items"), pointer + "/items", unknown);
        }
    }

    @Test
    void generatedPayloadsAreValid() {
        for (Outcome outcome : Outcome.values()) {
            SignedDecisionRecord signed = AuditFixtures.signer(AuditFixtures.ED25519)
                    .sign(AuditFixtures.decision(outcome), AuditFixtures.context());
            JsonNode payload = StrictJson.parseObject(signed.record().payload(), "payload").value();
            assertEquals(List.of(), validate(payload), outcome.toString());
        }
        DecisionRecord full = AuditFixtures.signer(AuditFixtures.ED25519)
                .sign(AuditFixtures.decision(Outcome.ELIGIBLE), AuditFixtures.context()).record();
        DecisionRecord minimal = new DecisionRecord(full.issuer(), 7, full.prev(), full.decidedAt(), full.shift(),
                full.policy(), List.of(), full.holderKeyThumbprint(), java.util.Optional.empty(), java.util.Optional.empty(),
                Outcome.INELIGIBLE, List.of(), java.util.Optional.empty(), java.util.Optional.empty(), List.of(), List.of(), List.of());
        assertEquals(List.of(), validate(StrictJson.parseObject(minimal.payload(), "payload").value()));
        DecisionRecord withReason = new DecisionRecord(full.issuer(), 0, full.prev(), full.decidedAt(), full.shift(),
                full.policy(), List.of(), full.holderKeyThumbprint(), java.util.Optional.empty(), java.util.Optional.empty(),
                Outcome.NEEDS_APPROVAL, List.of(), java.util.Optional.empty(), java.util.Optional.empty(), List.of("ceo"),
                List.of(new DecisionRecord.Approval("ceo", "E1", full.decidedAt(), java.util.Optional.of("x".repeat(500)))),
                List.of());
        assertEquals(List.of(), validate(StrictJson.parseObject(withReason.payload(), "payload").value()));
    }

    /** Payloads broken one way each: the schema and the verifier must both refuse them. */
    @Test
    void schemaAndReaderAgreeOnBrokenPayloads() {
        Map<String, Consumer<ObjectNode>> breaks = new LinkedHashMap<>();
        breaks.put("extra member", p -> p.put("name", "Dr Example"));
        breaks.put("missing shift", p -> p.remove("shift"));
        breaks.put("seq as string", p -> p.put("seq", "1"));
        breaks.put("negative seq", p -> p.put("seq", -1));
        breaks.put("version 2", p -> p.put("v", 2));
        breaks.put("short prev", p -> p.put("prev", "AAAA"));
        breaks.put("non-canonical digest", p -> p.put("prev", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB"));
        breaks.put("local time", p -> ((ObjectNode) p.get("shift")).put("start", "2026-03-02T19:00:00"));
        breaks.put("offset time", p -> ((ObjectNode) p.get("shift")).put("start", "2026-03-02T19:00:00+01:00"));
        breaks.put("pay as number", p -> p.put("hourlyPay", 80));
        breaks.put("pay with exponent", p -> p.put("hourlyPay", "8E1"));
        breaks.put("unknown outcome", p -> p.put("outcome", "PROBABLY"));
        breaks.put("unknown channel", p -> ((ObjectNode) p.get("shift")).put("channel", "LOCUM"));
        breaks.put("unknown code", p -> ((ObjectNode) p.get("findings").get(0)).put("code", "RATE_WHATEVER"));
        breaks.put("passed as string", p -> ((ObjectNode) p.get("findings").get(0)).put("passed", "true"));
        breaks.put("finding extra", p -> ((ObjectNode) p.get("findings").get(0)).put("expected", ">= ST3"));
        breaks.put("empty role", p -> p.putArray("approvalsRequired").add(""));
        breaks.put("control character", p -> ((ObjectNode) p.get("shift")).put("site", "Main\u0007"));
        breaks.put("policy extra", p -> ((ObjectNode) p.get("policy")).put("publisher", "x"));
        breaks.put("approval missing time", p -> ((ObjectNode) p.get("approvals").get(0)).remove("approvedAt"));
        breaks.put("empty reason", p -> ((ObjectNode) p.get("approvals").get(0)).put("reason", ""));
        breaks.put("reason too long", p -> ((ObjectNode) p.get("approvals").get(0)).put("reason", "x".repeat(501)));
        breaks.put("reason not a string", p -> ((ObjectNode) p.get("approvals").get(0)).put("reason", 1));
        breaks.put("reason control character", p -> ((ObjectNode) p.get("approvals").get(0)).put("reason", "a\nb"));
        breaks.put("credentials not array", p -> p.put("credentials", "x"));
        breaks.put("evidence count without digest", p -> ((ObjectNode) p.get("findings").get(0)).put("evidenceCount", 100));
        breaks.put("evidence count too small", p -> ((ObjectNode) p.get("findings").get(0)).put("evidenceCount", 3)
                .put("evidenceDigest", DecisionContext.digest("x")));
        for (Map.Entry<String, Consumer<ObjectNode>> entry : breaks.entrySet()) {
            ObjectNode payload = StrictJson.parseObject(AuditFixtures.signer(AuditFixtures.ED25519)
                    .sign(AuditFixtures.decision(Outcome.NEEDS_APPROVAL), AuditFixtures.context()).record().payload(), "p").value();
            entry.getValue().accept(payload);
            assertFalse(validate(payload).isEmpty(), entry.getKey() + ": the schema accepts it");
            String compact = JwsSigner.of(AuditFixtures.ED25519).sign(DecisionRecord.TYPE,
                    StrictJson.write(payload).getBytes(StandardCharsets.UTF_8));
            RecordResult result = AuditFixtures.verifier().verify(compact);
            assertTrue(result instanceof RecordResult.Invalid invalid
                    && Set.of(AuditProblem.SCHEMA_VIOLATION, AuditProblem.UNSUPPORTED_VERSION).contains(invalid.problem()),
                    entry.getKey() + ": the reader answers " + result);
        }
    }

    /** Problems of {@code value} against the schema (empty when valid). */
    static List<String> validate(JsonNode value) {
        List<String> problems = new ArrayList<>();
        validate(SCHEMA, value, "", problems);
        return problems;
    }

    private static void validate(JsonNode schema, JsonNode value, String pointer, List<String> problems) {
        if (schema.has("$ref")) {
            validate(SCHEMA.at(schema.get("$ref").textValue().substring(1)), value, pointer, problems);
        }
        if (schema.has("type") && !hasType(value, schema.get("type").textValue())) {
            problems.add(pointer + ": not of type " + schema.get("type").textValue());
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            problems.add(pointer + ": not the constant");
        }
        if (schema.has("enum") && !strings(schema.get("enum")).contains(value.isTextual() ? value.textValue() : null)) {
            problems.add(pointer + ": not in the enum");
        }
        if (value.isTextual()) {
            String text = value.textValue();
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").textValue()).matcher(text).find()) {
                problems.add(pointer + ": does not match the pattern");
            }
            if (schema.has("minLength") && text.codePointCount(0, text.length()) < schema.get("minLength").intValue()) {
                problems.add(pointer + ": too short");
            }
            if (schema.has("maxLength") && text.codePointCount(0, text.length()) > schema.get("maxLength").intValue()) {
                problems.add(pointer + ": too long");
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
                problems.add(pointer + ": below the minimum");
            }
            if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                problems.add(pointer + ": above the maximum");
            }
        }
        if (value.isArray()) {
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").intValue()) {
                problems.add(pointer + ": too many items");
            }
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    validate(schema.get("items"), value.get(i), pointer + "/" + i, problems);
                }
            }
        }
        if (value.isObject()) {
            JsonNode properties = schema.has("properties") ? schema.get("properties") : StrictJson.object();
            value.fieldNames().forEachRemaining(name -> {
                if (properties.has(name)) {
                    validate(properties.get(name), value.get(name), pointer + "/" + name, problems);
                } else if (schema.has("additionalProperties") && !schema.get("additionalProperties").asBoolean(true)) {
                    problems.add(pointer + ": member " + name + " not allowed");
                }
            });
            if (schema.has("dependentRequired")) {
                schema.get("dependentRequired").fields().forEachRemaining(rule -> {
                    if (value.has(rule.getKey())) {
                        rule.getValue().forEach(name -> {
                            if (!value.has(name.textValue())) {
                                problems.add(pointer + "/" + name.textValue() + ": required with " + rule.getKey());
                            }
                        });
                    }
                });
            }
            if (schema.has("required")) {
                schema.get("required").forEach(name -> {
                    if (!value.has(name.textValue())) {
                        problems.add(pointer + "/" + name.textValue() + ": required");
                    }
                });
            }
        }
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
                return value.isIntegralNumber();
            case "boolean":
                return value.isBoolean();
            default:
                throw new AssertionError("type " + type + " is not implemented by this test");
        }
    }
}
