package org.staffpass.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.staffpass.crypto.Tokens.assertAccepted;
import static org.staffpass.crypto.Tokens.assertRejected;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.sdjwt.KeyBinding;
import org.staffpass.crypto.sdjwt.SdJwtVerifier;

/**
 * The JOSE header attacks of the attack corpus, through the SD-JWT verifier: validly signed
 * issuer JWTs whose headers carry keys or critical extensions, or name another key, are refused
 * whatever key they name; and the ECDSA signature rules hold (64 bytes, high S accepted).
 */
class SdJwtHeaderAttackTest {
    private static final SigningKey ISSUER = SigningKey.generate(SignatureAlgorithm.ES256);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final String PAYLOAD = "{\"iss\":\"https://issuer.example\",\"_sd_alg\":\"sha-256\"}";

    private static SdJwtVerifier verifier() {
        return SdJwtVerifier.builder().issuerKey(ISSUER.verificationKey()).clock(CLOCK).build();
    }

    private static String header(String extra) {
        return "{\"alg\":\"ES256\",\"typ\":\"dc+sd-jwt\",\"kid\":\"" + ISSUER.kid() + "\"" + extra + "}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"jwk", "jku", "x5u", "x5c", "crit"})
    void keyCarryingAndCriticalHeadersAreRefusedEvenNamingTheRightKey(String member) {
        String value = switch (member) {
            case "jwk" -> ISSUER.verificationKey().toJwkJson();
            case "x5c" -> "[\"MIIB\"]";
            case "crit" -> "[\"exp\"]";
            default -> "\"https://issuer.example/keys\"";
        };
        String jwt = Tokens.sign(ISSUER, header(",\"" + member + "\":" + value), PAYLOAD);
        assertRejected(ReasonCode.HEADER_NOT_ALLOWED, verifier().verify(jwt + "~", KeyBinding.optional()));
    }

    @Test
    void aKidOtherThanTheKeysIsSignatureInvalidAndNoKidIsFine() {
        String otherKid = Tokens.sign(ISSUER, "{\"alg\":\"ES256\",\"kid\":\"someone-else\"}", PAYLOAD);
        Verification.Rejected<?> r = assertRejected(ReasonCode.SIGNATURE_INVALID, verifier().verify(otherKid + "~", KeyBinding.optional()));
        assertEquals(true, r.message().contains("kid"));
        String noKid = Tokens.sign(ISSUER, "{\"alg\":\"ES256\"}", PAYLOAD);
        assertAccepted(verifier().verify(noKid + "~", KeyBinding.optional()));
    }

    @Test
    void ecdsaSignaturesAreExactly64BytesAndHighSIsValid() {
        String jwt = Tokens.sign(ISSUER, header(""), PAYLOAD);
        byte[] signature = Tokens.signature(jwt);
        assertRejected(ReasonCode.SIGNATURE_INVALID, verifier().verify(
                Tokens.withSignature(jwt, java.util.Arrays.copyOf(signature, 65)) + "~", KeyBinding.optional()));
        // (r, n - s) is the same signature in its other form; JOSE does not require low S.
        java.math.BigInteger n = new java.math.BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
        java.math.BigInteger s = new java.math.BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
        byte[] otherS = n.subtract(s).toByteArray();
        byte[] flipped = signature.clone();
        java.util.Arrays.fill(flipped, 32, 64, (byte) 0);
        int copy = Math.min(32, otherS.length);
        System.arraycopy(otherS, otherS.length - copy, flipped, 64 - copy, copy);
        assertAccepted(verifier().verify(Tokens.withSignature(jwt, flipped) + "~", KeyBinding.optional()));
    }

    @Test
    void ed25519IssuerNamedByItsFullySpecifiedAlgorithm() {
        SigningKey ed = SigningKey.generate(SignatureAlgorithm.EDDSA);
        SdJwtVerifier verifier = SdJwtVerifier.builder().issuerKey(ed.verificationKey()).clock(CLOCK).build();
        for (String alg : new String[] {"EdDSA", "Ed25519"}) {
            String jwt = Tokens.sign(ed, "{\"alg\":\"" + alg + "\",\"typ\":\"dc+sd-jwt\"}", PAYLOAD);
            assertAccepted(verifier.verify(jwt + "~", KeyBinding.optional()));
        }
        String es = Tokens.sign(ed, "{\"alg\":\"ES256\"}", PAYLOAD);
        assertRejected(ReasonCode.ALG_NOT_ALLOWED, verifier.verify(es + "~", KeyBinding.optional()));
    }
}
