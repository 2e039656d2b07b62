package org.staffpass.rules.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.SigningKey;
import org.staffpass.rules.Outcome;

/**
 * Decision records are byte-identical for the same inputs: fixed keys (checked-in test JWKs),
 * fixed inputs, expected compact JWS in test resources. A change to the JSON writer, member
 * order, header order or signature nonces breaks these tests.
 */
class DecisionRecordGoldenTest {

    private static SignedDecisionRecord sign(SigningKey key) {
        return AuditFixtures.signer(key).sign(AuditFixtures.decision(Outcome.NEEDS_APPROVAL), AuditFixtures.context());
    }

    @Test
    void eddsaRecordMatchesTheGoldenBytes() {
        assertEquals(AuditFixtures.resource("golden-eddsa.jws").strip(), sign(AuditFixtures.ED25519).compact());
    }

    @Test
    void es256RecordMatchesTheGoldenBytes() {
        // ECDSA with RFC 6979 nonces: deterministic, so a golden value exists at all.
        assertEquals(AuditFixtures.resource("golden-es256.jws").strip(), sign(AuditFixtures.P256).compact());
    }

    @Test
    void payloadIsTheGoldenCanonicalJson() {
        byte[] expected = AuditFixtures.resource("golden-payload.json").strip().getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, sign(AuditFixtures.ED25519).record().payload());
        String compact = sign(AuditFixtures.P256).compact();
        assertArrayEquals(expected, Base64.getUrlDecoder().decode(compact.split("\\.")[1]));
    }

    @Test
    void headerHasSortedMembersAndTheRecordType() {
        for (SigningKey key : new SigningKey[] {AuditFixtures.ED25519, AuditFixtures.P256}) {
            String header = new String(Base64.getUrlDecoder().decode(sign(key).compact().split("\\.")[0]), StandardCharsets.UTF_8);
            assertEquals("{\"alg\":\"" + key.algorithm().jwsName() + "\",\"kid\":\"" + key.kid()
                    + "\",\"typ\":\"staffpass-decision+jwt\"}", header);
        }
    }

    @Test
    void sameInputsTwiceGiveIdenticalBytes() {
        for (SigningKey key : new SigningKey[] {AuditFixtures.ED25519, AuditFixtures.P256}) {
            SignedDecisionRecord first = sign(key);
            SignedDecisionRecord second = sign(key);
            assertEquals(first.compact(), second.compact());
            assertEquals(first.digest(), second.digest());
            assertEquals(first.record(), second.record());
        }
    }

    @Test
    void anyChangedInputChangesTheBytes() {
        String base = sign(AuditFixtures.ED25519).compact();
        String otherOutcome = AuditFixtures.signer(AuditFixtures.ED25519)
                .sign(AuditFixtures.decision(Outcome.INELIGIBLE), AuditFixtures.context()).compact();
        String otherPosition = AuditFixtures.signer(AuditFixtures.ED25519)
                .sign(sign(AuditFixtures.ED25519).record().at(1, sign(AuditFixtures.ED25519).digest())).compact();
        assertNotEquals(base, otherOutcome);
        assertNotEquals(base, otherPosition);
    }

    @Test
    void digestIsSha256OfTheCompactBytes() {
        SignedDecisionRecord record = sign(AuditFixtures.ED25519);
        assertEquals(DecisionContext.digest(record.compact()), record.digest());
        assertEquals(43, record.digest().length());
    }

    @Test
    void theMapperRefusesAContextForAnotherPolicy() {
        DecisionContext context = DecisionContext.builder().shift(AuditFixtures.shift())
                .policy(new DecisionRecord.PolicyReference("other", "1", DecisionContext.digest("other policy")))
                .credentialDigests(java.util.List.of()).holderKeyThumbprint(DecisionContext.digest("holder"))
                .decidedAt(AuditFixtures.DECIDED_AT).build();
        assertThrows(IllegalArgumentException.class,
                () -> AuditFixtures.signer(AuditFixtures.ED25519).sign(AuditFixtures.decision(Outcome.ELIGIBLE), context));
    }

    @Test
    void builderRefusesASecondCallAndNamesWhatIsMissing() {
        DecisionContext.Builder builder = DecisionContext.builder().shift(AuditFixtures.shift());
        assertThrows(IllegalStateException.class, () -> builder.shift(AuditFixtures.shift()));
        IllegalStateException missing = assertThrows(IllegalStateException.class, builder::build);
        assertEquals("DecisionContext needs policy(...)", missing.getMessage());
    }

    @Test
    void recordRefusesValuesNoVerifierWouldAccept() {
        DecisionRecord record = sign(AuditFixtures.ED25519).record();
        assertThrows(IllegalArgumentException.class, () -> record.at(-1, DecisionRecord.GENESIS));
        assertThrows(IllegalArgumentException.class, () -> record.at(0, "not a digest"));
        assertThrows(IllegalArgumentException.class, () -> DecisionRecordSigner.of(AuditFixtures.ED25519, "bad\nissuer"));
        assertThrows(IllegalArgumentException.class, () -> new DecisionRecord.Approval("role", "", AuditFixtures.DECIDED_AT));
        assertThrows(IllegalArgumentException.class,
                () -> DecisionRecordSigner.of(AuditFixtures.ED25519, "https://other.example").sign(record));
        java.util.List<String> evidence = java.util.Collections.nCopies(DecisionRecord.MAX_EVIDENCE, "x".repeat(40));
        java.util.List<DecisionRecord.RecordedFinding> findings = java.util.Collections.nCopies(DecisionRecord.MAX_FINDINGS,
                DecisionRecord.RecordedFinding.of("/rules/r", true, org.staffpass.rules.RuleCode.GRADE_TOO_LOW, evidence));
        DecisionRecord huge = new DecisionRecord(record.issuer(), 0, record.prev(), record.decidedAt(), record.shift(),
                record.policy(), record.credentialDigests(), record.holderKeyThumbprint(), record.presentationDigest(),
                record.historyDigest(), record.outcome(), findings, record.hourlyPay(), record.totalPay(), record.approvalsRequired(),
                record.approvals(), record.disclosureRequest());
        assertThrows(IllegalArgumentException.class, () -> AuditFixtures.signer(AuditFixtures.ED25519).sign(huge));
    }
}
