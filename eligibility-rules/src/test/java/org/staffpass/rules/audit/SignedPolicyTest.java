package org.staffpass.rules.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.JwsSigner;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.trust.TrustAnchors;
import org.staffpass.rules.Policy;
import org.staffpass.rules.PolicyProblem;
import org.staffpass.rules.PolicyResult;

class SignedPolicyTest {
    private static final Policy POLICY = ((PolicyResult.Valid) Policy.parse(
            AuditFixtures.repositoryFile("examples/policies/regional-doctors-bank.json"))).policy();
    private static final TrustAnchors PUBLISHER_TRUSTED = AuditFixtures.anchors(
            AuditFixtures.organisation().credentialType(SignedPolicy.TYPE_URI).build());

    private static String signed(SigningKey key) {
        return SignedPolicy.sign(POLICY, key, AuditFixtures.ORG, AuditFixtures.DECIDED_AT);
    }

    @Test
    void aPolicySignedByATrustedPublisherVerifiesToTheSamePolicyAndDigest() {
        for (SigningKey key : new SigningKey[] {AuditFixtures.ED25519, AuditFixtures.P256}) {
            SignedPolicy.Verified verified = assertInstanceOf(SignedPolicy.Verified.class,
                    SignedPolicy.verify(signed(key), PUBLISHER_TRUSTED));
            assertEquals(POLICY.digest(), verified.policy().digest());
            assertEquals(POLICY.canonicalJson(), verified.policy().canonicalJson());
            assertEquals(AuditFixtures.ORG, verified.publisher().id());
            assertEquals(AuditFixtures.DECIDED_AT, verified.signedAt());
        }
        assertEquals(signed(AuditFixtures.ED25519), signed(AuditFixtures.ED25519), "deterministic");
    }

    @Test
    void aPublisherNotAuthorisedForPoliciesIsRefused() {
        TrustAnchors decisionsOnly = AuditFixtures.anchors();
        SignedPolicy.Refused refused = assertInstanceOf(SignedPolicy.Refused.class,
                SignedPolicy.verify(signed(AuditFixtures.ED25519), decisionsOnly));
        assertEquals(ReasonCode.ISSUER_NOT_AUTHORISED_FOR_TYPE, refused.reason());
    }

    @Test
    void anEditedPolicyOrAnotherKeyIsRefused() {
        String token = signed(AuditFixtures.ED25519);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"priceCap\":\"300.00\"", "\"priceCap\":\"900.00\"");
        String edited = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertEquals(ReasonCode.SIGNATURE_INVALID,
                assertInstanceOf(SignedPolicy.Refused.class, SignedPolicy.verify(edited, PUBLISHER_TRUSTED)).reason());

        SigningKey stranger = SigningKey.generate(SignatureAlgorithm.EDDSA);
        assertEquals(ReasonCode.UNKNOWN_KEY, assertInstanceOf(SignedPolicy.Refused.class,
                SignedPolicy.verify(signed(stranger), PUBLISHER_TRUSTED)).reason());
    }

    @Test
    void aWellSignedButInvalidPolicyIsNeverUsed() {
        String payload = "{\"iat\":" + AuditFixtures.DECIDED_AT.getEpochSecond() + ",\"iss\":\"" + AuditFixtures.ORG
                + "\",\"policy\":{\"id\":\"x\"}}";
        String token = JwsSigner.of(AuditFixtures.ED25519).sign(SignedPolicy.TYPE, payload.getBytes(StandardCharsets.UTF_8));
        SignedPolicy.InvalidPolicy invalid = assertInstanceOf(SignedPolicy.InvalidPolicy.class,
                SignedPolicy.verify(token, PUBLISHER_TRUSTED));
        assertTrue(invalid.issues().stream().anyMatch(i -> i.problem() == PolicyProblem.MISSING_MEMBER), invalid.issues().toString());
    }

    @Test
    void wrongTypeUnknownMembersAndGarbageAreRefusedWithReasons() {
        String payload = new String(Base64.getUrlDecoder().decode(signed(AuditFixtures.ED25519).split("\\.")[1]),
                StandardCharsets.UTF_8);
        String asDecision = JwsSigner.of(AuditFixtures.ED25519).sign(DecisionRecord.TYPE,
                payload.getBytes(StandardCharsets.UTF_8));
        assertEquals(ReasonCode.TYP_MISMATCH, assertInstanceOf(SignedPolicy.Refused.class,
                SignedPolicy.verify(asDecision, PUBLISHER_TRUSTED)).reason());
        String extra = JwsSigner.of(AuditFixtures.ED25519).sign(SignedPolicy.TYPE,
                payload.replaceFirst("\\{", "{\"note\":1,").getBytes(StandardCharsets.UTF_8));
        assertEquals(ReasonCode.MALFORMED, assertInstanceOf(SignedPolicy.Refused.class,
                SignedPolicy.verify(extra, PUBLISHER_TRUSTED)).reason());
        for (String garbage : new String[] {"", "a.b", "a.b.c.d", "!!.??.##", "e30.e30.e30"}) {
            assertInstanceOf(SignedPolicy.Refused.class, SignedPolicy.verify(garbage, PUBLISHER_TRUSTED), garbage);
        }
        assertEquals(ReasonCode.TOO_LARGE, assertInstanceOf(SignedPolicy.Refused.class,
                SignedPolicy.verify("a".repeat(SignedPolicy.MAX_TOKEN_CHARS + 1), PUBLISHER_TRUSTED)).reason());
    }
}
