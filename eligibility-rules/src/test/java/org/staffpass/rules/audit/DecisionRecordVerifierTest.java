package org.staffpass.rules.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.JwsSigner;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.crypto.trust.TrustedIssuer;
import org.staffpass.rules.Decision;
import org.staffpass.rules.Finding;
import org.staffpass.rules.Outcome;
import org.staffpass.rules.RuleCode;
import org.staffpass.testing.Property;

/** One record: signature, signer on the trust list, type, payload format. */
class DecisionRecordVerifierTest {
    private static final DecisionRecordVerifier VERIFIER = AuditFixtures.verifier();

    private static SignedDecisionRecord signed() {
        return AuditFixtures.signer(AuditFixtures.ED25519).sign(AuditFixtures.decision(Outcome.NEEDS_APPROVAL),
                AuditFixtures.context());
    }

    private static RecordResult.Invalid invalid(RecordResult result, AuditProblem expected) {
        RecordResult.Invalid invalid = assertInstanceOf(RecordResult.Invalid.class, result, () -> "expected " + expected);
        assertEquals(expected, invalid.problem(), invalid.message());
        return invalid;
    }

    /** The golden payload changed by {@code edit}, signed by the trusted key as a decision record. */
    private static String withPayload(Consumer<ObjectNode> edit) {
        ObjectNode payload = StrictJson.parseObject(signed().record().payload(), "payload").value();
        edit.accept(payload);
        return JwsSigner.of(AuditFixtures.ED25519).sign(DecisionRecord.TYPE,
                StrictJson.write(payload).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void roundTripGivesTheSameFields() {
        for (SigningKey key : new SigningKey[] {AuditFixtures.ED25519, AuditFixtures.P256}) {
            SignedDecisionRecord signed = AuditFixtures.signer(key).sign(AuditFixtures.decision(Outcome.NEEDS_APPROVAL),
                    AuditFixtures.context());
            RecordResult.Valid valid = assertInstanceOf(RecordResult.Valid.class, VERIFIER.verify(signed.compact()));
            assertEquals(signed.record(), valid.record());
            assertEquals(AuditFixtures.ORG_CODE, valid.signer().organisationCode());
            assertEquals(key.kid(), valid.kid());
            assertEquals(signed.digest(), valid.digest());
        }
    }

    @Test
    void longEvidenceIsShortenedWithItsCountAndDigest() {
        List<String> shifts = new ArrayList<>();
        for (int day = 1; day <= 130; day++) {
            Instant start = Instant.parse("2025-09-01T08:00:00Z").plus(Duration.ofDays(day));
            shifts.add(start + "/" + start.plus(Duration.ofHours(9)));
        }
        Decision decision = new Decision(Outcome.ELIGIBLE, List.of(new Finding("/rules/workingTime/maxAverageWeeklyHours",
                true, RuleCode.WORKING_TIME_AVERAGE_WEEKLY, "<= 48 h a week over 26 weeks", "45 h a week", shifts)),
                Optional.empty(), List.of(), List.of(), AuditFixtures.POLICY_DIGEST);
        SignedDecisionRecord signed = AuditFixtures.signer(AuditFixtures.ED25519).sign(decision, AuditFixtures.context());
        DecisionRecord.RecordedFinding finding = signed.record().findings().get(0);
        assertEquals(shifts.subList(0, DecisionRecord.MAX_EVIDENCE), finding.evidence());
        assertEquals(130, finding.evidenceCount());
        ArrayNode all = StrictJson.mapper().createArrayNode();
        shifts.forEach(all::add);
        assertEquals(Optional.of(DecisionContext.digest(StrictJson.write(all))), finding.evidenceDigest());
        RecordResult.Valid valid = assertInstanceOf(RecordResult.Valid.class, VERIFIER.verify(signed.compact()));
        assertEquals(signed.record(), valid.record());
        DecisionRecord.RecordedFinding small = DecisionRecord.RecordedFinding.of("/r", true, RuleCode.GRADE_TOO_LOW,
                shifts.subList(0, DecisionRecord.MAX_EVIDENCE));
        assertEquals(Optional.empty(), small.evidenceDigest());
        assertEquals(DecisionRecord.MAX_EVIDENCE, small.evidenceCount());
    }

    @Test
    void goldenRecordsVerify() {
        assertTrue(VERIFIER.verify(AuditFixtures.resource("golden-eddsa.jws").strip()).isValid());
        assertTrue(VERIFIER.verify(AuditFixtures.resource("golden-es256.jws").strip()).isValid());
    }

    @Test
    void wrongTypeIsRefused() {
        byte[] payload = signed().record().payload();
        invalid(VERIFIER.verify(JwsSigner.of(AuditFixtures.ED25519).sign("staffpass-trust-list+jwt", payload)),
                AuditProblem.WRONG_TYPE);
        invalid(VERIFIER.verify(JwsSigner.of(AuditFixtures.ED25519).sign(payload)), AuditProblem.WRONG_TYPE);
    }

    @Test
    void signerNotOnTheListIsUnknown() {
        TrustedIssuer other = TrustedIssuer.builder().id("https://other.nhs.example").name("Other").organisationCode("RXX")
                .status(TrustedIssuer.Status.ACTIVE).validFrom(AuditFixtures.SIGNER_FROM)
                .key(AuditFixtures.ED25519.verificationKey()).credentialType(DecisionRecord.TYPE_URI).build();
        invalid(DecisionRecordVerifier.of(AuditFixtures.anchors(other)).verify(signed().compact()), AuditProblem.SIGNER_UNKNOWN);
        SigningKey stranger = SigningKey.generate(SignatureAlgorithm.EDDSA);
        String foreign = AuditFixtures.signer(stranger).sign(AuditFixtures.decision(Outcome.ELIGIBLE), AuditFixtures.context())
                .compact();
        invalid(VERIFIER.verify(foreign), AuditProblem.SIGNER_UNKNOWN);
    }

    @Test
    void signerNotAuthorisedForTheTypeIsRefused() {
        TrustedIssuer credentialsOnly = AuditFixtures.organisation()
                .credentialType("https://staffpass.example/vct/dbs-check/v1").build();
        invalid(DecisionRecordVerifier.of(AuditFixtures.anchors(credentialsOnly)).verify(signed().compact()),
                AuditProblem.SIGNER_NOT_AUTHORISED);
    }

    @Test
    void signerValidityMustCoverTheDecisionInstant() {
        TrustedIssuer later = TrustedIssuer.builder().id(AuditFixtures.ORG).name("Royal Devon").organisationCode("RTD")
                .status(TrustedIssuer.Status.ACTIVE).validFrom(AuditFixtures.DECIDED_AT.plusSeconds(1))
                .key(AuditFixtures.ED25519.verificationKey()).credentialType(DecisionRecord.TYPE_URI).build();
        invalid(DecisionRecordVerifier.of(AuditFixtures.anchors(later)).verify(signed().compact()),
                AuditProblem.SIGNER_NOT_VALID_AT_DECISION_TIME);
        TrustedIssuer ended = TrustedIssuer.builder().id(AuditFixtures.ORG).name("Royal Devon").organisationCode("RTD")
                .status(TrustedIssuer.Status.ACTIVE).validFrom(AuditFixtures.SIGNER_FROM)
                .validUntil(AuditFixtures.DECIDED_AT)
                .key(AuditFixtures.ED25519.verificationKey()).credentialType(DecisionRecord.TYPE_URI).build();
        invalid(DecisionRecordVerifier.of(AuditFixtures.anchors(ended)).verify(signed().compact()),
                AuditProblem.SIGNER_NOT_VALID_AT_DECISION_TIME);
    }

    @Test
    void suspendedSignerIsInactive() {
        TrustedIssuer suspended = TrustedIssuer.builder().id(AuditFixtures.ORG).name("Royal Devon").organisationCode("RTD")
                .status(TrustedIssuer.Status.SUSPENDED).validFrom(AuditFixtures.SIGNER_FROM)
                .key(AuditFixtures.ED25519.verificationKey()).credentialType(DecisionRecord.TYPE_URI).build();
        invalid(DecisionRecordVerifier.of(AuditFixtures.anchors(suspended)).verify(signed().compact()),
                AuditProblem.SIGNER_INACTIVE);
    }

    @Test
    void decisionAfterTheTrustListExpiredIsRefused() {
        Instant late = AuditFixtures.NOW.plus(Duration.ofDays(60));
        String record = withPayload(p -> p.put("decidedAt", late.toString()));
        invalid(VERIFIER.verify(record), AuditProblem.TRUST_LIST_NOT_IN_FORCE);
    }

    @Test
    void changedSignatureIsInvalid() {
        String compact = signed().compact();
        int at = compact.lastIndexOf('.') + 10;
        String changed = compact.substring(0, at) + (compact.charAt(at) == 'A' ? 'B' : 'A') + compact.substring(at + 1);
        invalid(VERIFIER.verify(changed), AuditProblem.SIGNATURE_INVALID);
    }

    @Test
    void payloadSignedByAnotherListedKeyWithTheWrongKidIsInvalid() {
        // Header names the P-256 key, signature is Ed25519: the key fixes the algorithm.
        String ed = signed().compact();
        String es = AuditFixtures.signer(AuditFixtures.P256).sign(AuditFixtures.decision(Outcome.NEEDS_APPROVAL),
                AuditFixtures.context()).compact();
        String spliced = es.substring(0, es.lastIndexOf('.')) + ed.substring(ed.lastIndexOf('.'));
        invalid(VERIFIER.verify(spliced), AuditProblem.SIGNATURE_INVALID);
    }

    @Test
    void malformedRecordsAreNamed() {
        invalid(VERIFIER.verify("not a jws"), AuditProblem.MALFORMED_RECORD);
        invalid(VERIFIER.verify("a.b.c.d"), AuditProblem.MALFORMED_RECORD);
        invalid(VERIFIER.verify("!!.??.x"), AuditProblem.MALFORMED_RECORD);
        invalid(VERIFIER.verify(JwsSigner.of(AuditFixtures.ED25519).sign(DecisionRecord.TYPE,
                "[1,2]".getBytes(StandardCharsets.UTF_8))), AuditProblem.MALFORMED_RECORD);
        RecordResult.Invalid noIssuer = invalid(VERIFIER.verify(withPayload(p -> p.remove("iss"))), AuditProblem.MALFORMED_RECORD);
        assertTrue(noIssuer.message().contains("/iss"), noIssuer.message());
        invalid(VERIFIER.verify(withPayload(p -> p.put("decidedAt", "yesterday"))), AuditProblem.MALFORMED_RECORD);
    }

    @Test
    void oversizedRecordIsRefusedBeforeParsing() {
        invalid(VERIFIER.verify("a".repeat(DecisionRecord.MAX_RECORD_CHARS + 1)), AuditProblem.RECORD_TOO_LARGE);
    }

    @Test
    void payloadOutsideTheFormatIsASchemaViolationNamingThePointer() {
        RecordResult.Invalid extra = invalid(VERIFIER.verify(withPayload(p -> p.put("name", "Dr Example"))),
                AuditProblem.SCHEMA_VIOLATION);
        assertTrue(extra.message().contains("\"name\" is not allowed"), extra.message());
        RecordResult.Invalid missing = invalid(VERIFIER.verify(withPayload(p -> p.remove("holderKeyThumbprint"))),
                AuditProblem.SCHEMA_VIOLATION);
        assertTrue(missing.message().contains("/holderKeyThumbprint: is required"), missing.message());
        RecordResult.Invalid outcome = invalid(VERIFIER.verify(withPayload(p -> p.put("outcome", "MAYBE"))),
                AuditProblem.SCHEMA_VIOLATION);
        assertTrue(outcome.message().contains("/outcome"), outcome.message());
        RecordResult.Invalid code = invalid(VERIFIER.verify(withPayload(p -> ((ObjectNode) p.get("findings").get(2))
                .put("code", "RATE_WHATEVER"))), AuditProblem.SCHEMA_VIOLATION);
        assertTrue(code.message().contains("/findings/2/code"), code.message());
        invalid(VERIFIER.verify(withPayload(p -> p.put("seq", -1))), AuditProblem.SCHEMA_VIOLATION);
        invalid(VERIFIER.verify(withPayload(p -> p.put("hourlyPay", "1e3"))), AuditProblem.SCHEMA_VIOLATION);
        invalid(VERIFIER.verify(withPayload(p -> ((ObjectNode) p.get("shift")).put("end", "2026-03-02T18:00:00Z"))),
                AuditProblem.SCHEMA_VIOLATION);
        invalid(VERIFIER.verify(withPayload(p -> p.putArray("credentials").add("short"))), AuditProblem.SCHEMA_VIOLATION);
    }

    @Test
    void nonCanonicalPayloadIsASchemaViolation() {
        String reordered = withPayload(p -> {
            p.remove("approvals");
            p.putArray("approvals").addObject().put("role", "medical-director").put("approver", "staff-0042")
                    .put("approvedAt", "2026-03-01T12:05:00Z");
        });
        RecordResult.Invalid invalid = invalid(VERIFIER.verify(reordered), AuditProblem.SCHEMA_VIOLATION);
        assertTrue(invalid.message().contains("canonical"), invalid.message());
        invalid(VERIFIER.verify(withPayload(p -> p.put("decidedAt", "2026-03-01T12:00:00.000Z"))),
                AuditProblem.MALFORMED_RECORD);
    }

    @Test
    void unknownFormatVersionIsRefused() {
        invalid(VERIFIER.verify(withPayload(p -> p.put("v", 2))), AuditProblem.UNSUPPORTED_VERSION);
    }

    @Test
    void arbitraryInputNeverThrows() {
        String good = signed().compact();
        Property.forAll("record verifier never throws", random -> {
            StringBuilder text = new StringBuilder(good);
            int edits = 1 + random.nextInt(4);
            for (int i = 0; i < edits; i++) {
                int at = random.nextInt(text.length());
                char replacement = (char) random.nextInt(128);
                text.setCharAt(at, replacement == text.charAt(at) ? (char) (replacement ^ 1) : replacement);
            }
            return text.toString();
        }, input -> assertInstanceOf(RecordResult.Invalid.class, VERIFIER.verify(input)));
        Property.forAll("random text never throws", random -> new String(Property.bytes(random,
                Property.length(random, 300)), StandardCharsets.ISO_8859_1),
                input -> assertInstanceOf(RecordResult.Invalid.class, VERIFIER.verify(input)));
    }
}
