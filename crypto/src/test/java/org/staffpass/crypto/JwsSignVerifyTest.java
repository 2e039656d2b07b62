package org.staffpass.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JwsSignVerifyTest {

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void signedTokenVerifiesAndYieldsPayloadAndHeader(SignatureAlgorithm algorithm) {
        SigningKey key = SigningKey.generate(algorithm);
        byte[] payload = "{\"sub\":\"worker-1\"}".getBytes(StandardCharsets.UTF_8);
        String jws = JwsSigner.of(key).sign("example+jwt", payload);

        Verification<VerifiedJws> result = JwsVerifier.builder()
                .key(key.verificationKey()).expectedType("application/example+jwt").build().verify(jws);

        VerifiedJws verified = assertInstanceOf(Verification.Accepted.class, result).value() instanceof VerifiedJws v ? v : null;
        assertArrayEquals(payload, verified.payload());
        assertEquals("example+jwt", verified.typ().orElseThrow());
        assertEquals(key.kid(), verified.kid().orElseThrow());
        assertEquals(key.verificationKey(), verified.key());
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void signingIsDeterministic(SignatureAlgorithm algorithm) {
        SigningKey key = SigningKey.generate(algorithm);
        byte[] payload = "{}".getBytes(StandardCharsets.UTF_8);
        assertEquals(JwsSigner.of(key).sign("t", payload), JwsSigner.of(key).sign("t", payload));
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void anotherKeyOfTheSameTypeDoesNotVerify(SignatureAlgorithm algorithm) {
        SigningKey signer = SigningKey.generate(algorithm);
        SigningKey other = SigningKey.generate(algorithm);
        String jws = JwsSigner.of(signer).sign(new byte[] {1, 2, 3});
        // Same kid trick is not needed: with a differing kid the verifier refuses before the arithmetic.
        Verification<VerifiedJws> result = JwsVerifier.of(other.verificationKey()).verify(jws);
        assertFalse(result.isAccepted());
        assertEquals(ReasonCode.KID_MISMATCH, ((Verification.Rejected<VerifiedJws>) result).reason());

        VerificationKey noKid = VerificationKey.fromJwk(stripKid(other.verificationKey().toJwkJson())).value();
        Verification<VerifiedJws> arithmetic = JwsVerifier.of(noKid).verify(jws);
        assertEquals(ReasonCode.SIGNATURE_INVALID, ((Verification.Rejected<VerifiedJws>) arithmetic).reason());
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void privateJwkRoundTripsToTheSameKey(SignatureAlgorithm algorithm) {
        SigningKey key = SigningKey.generate(algorithm);
        SigningKey again = SigningKey.fromJwk(key.toPrivateJwkJson()).value();
        assertEquals(key.verificationKey(), again.verificationKey());
        String jws = JwsSigner.of(again).sign(new byte[] {42});
        assertTrue(JwsVerifier.of(key.verificationKey()).verify(jws).isAccepted());
        assertFalse(key.toString().contains(key.toPrivateJwkJson().substring(key.toPrivateJwkJson().indexOf("\"d\""))));
    }

    private static String stripKid(String jwk) {
        return jwk.replaceAll(",?\"kid\":\"[^\"]*\"", "").replace("{,", "{");
    }
}
