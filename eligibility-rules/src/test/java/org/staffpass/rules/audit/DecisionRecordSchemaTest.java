package org.staffpass.rules.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.JwsSigner;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.rules.Outcome;
import org.staffpass.rules.RuleCode;
import org.staffpass.testing.JsonSchemaCheck;

/**
 * Keeps docs/schemas/decision-record.schema.json in step with the payload reader: the same
 * members and required members at every level, the same patterns and enums, and the same
 * verdict on generated payloads and on payloads broken one way at a time. There is no JSON
 * Schema library in the library modules, so {@link #validate} uses the shared structural check
 * ({@link JsonSchemaCheck}), which implements the keywords the schema uses and refuses others.
 */
class DecisionRecordSchemaTest {
    private static final JsonNode SCHEMA = StrictJson.parseObject(
            AuditFixtures.repositoryFile("docs/schemas/decision-record.schema.json"), "schema").value();
    private static final JsonSchemaCheck CHECK = new JsonSchemaCheck(SCHEMA);

    private static void assertObject(String pointer, Set<String> members, Set<String> optional) {
        Set<String> required = new HashSet<>(members);
        required.removeAll(optional);
        JsonSchemaCheck.assertClosedObject(SCHEMA.at(pointer), members, required, pointer);
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
        assertEquals(names(Arrays.stream(RuleCode.values()).map(Enum::name)), JsonSchemaCheck.strings(SCHEMA.at("/$defs/finding/properties/code/enum")));
        assertEquals(names(Arrays.stream(Outcome.values()).map(Enum::name)), JsonSchemaCheck.strings(SCHEMA.at("/properties/outcome/enum")));
    }

    private static Set<String> names(java.util.stream.Stream<String> names) {
        return new HashSet<>(names.toList());
    }

    @Test
    void schemaUsesOnlyKeywordsThisTestImplements() {
        assertEquals(List.of(), JsonSchemaCheck.unsupportedKeywords(SCHEMA));
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
        return CHECK.problems(value);
    }
}
