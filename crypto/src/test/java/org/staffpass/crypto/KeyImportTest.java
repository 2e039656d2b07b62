package org.staffpass.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyImportTest {

    private static ReasonCode reason(Verification<?> result) {
        return assertInstanceOf(Verification.Rejected.class, result, () -> "expected a rejection, got " + result).reason();
    }

    /** A key whose JWK x (and y) contain '-' or '_', so the standard-alphabet spelling differs. */
    private static SigningKey keyWithUrlSafeCharacters(SignatureAlgorithm algorithm) {
        while (true) {
            SigningKey key = SigningKey.generate(algorithm);
            ObjectNode jwk = key.verificationKey().toJwk();
            boolean x = jwk.get("x").textValue().matches(".*[-_].*");
            boolean y = !jwk.has("y") || jwk.get("y").textValue().matches(".*[-_].*");
            if (x && y) {
                return key;
            }
        }
    }

    /**
     * One key, one thumbprint: a JWK coordinate spelled any way but the canonical one is
     * refused, or the same key would import under several thumbprints (and kids), and a
     * thumbprint-keyed revocation or pin could be sidestepped.
     */
    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void nonCanonicalBase64urlInKeyMembersIsMalformed(SignatureAlgorithm algorithm) {
        SigningKey key = keyWithUrlSafeCharacters(algorithm);
        ObjectNode publicJwk = key.verificationKey().toJwk();
        ObjectNode privateJwk = org.staffpass.crypto.internal.StrictJson.parseObject(key.toPrivateJwkJson(), "test").value();
        for (String member : algorithm == SignatureAlgorithm.ES256 ? new String[] {"x", "y", "d"} : new String[] {"x", "d"}) {
            ObjectNode base = member.equals("d") ? privateJwk : publicJwk;
            String canonical = base.get(member).textValue();
            for (String spelling : nonCanonicalSpellings(canonical)) {
                if (spelling.equals(canonical)) {
                    continue; // no '-' or '_' in this member: the standard alphabet spells it the same
                }
                ObjectNode changed = base.deepCopy().put(member, spelling);
                Verification<?> result = member.equals("d")
                        ? SigningKey.fromJwk(changed.toString())
                        : VerificationKey.fromJwk(changed);
                assertEquals(ReasonCode.KEY_MALFORMED, reason(result), member + " spelled " + spelling);
            }
        }
        assertEquals(key.verificationKey().thumbprint(), VerificationKey.fromJwk(publicJwk).value().thumbprint());
    }

    /** 32 bytes are 43 characters whose last holds 4 data bits and 2 zero bits. */
    static String[] nonCanonicalSpellings(String canonical) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = canonical.charAt(canonical.length() - 1);
        String trailingBits = canonical.substring(0, canonical.length() - 1) + alphabet.charAt(alphabet.indexOf(last) | 1);
        return new String[] {
            canonical + "=",
            trailingBits,
            canonical.replace('-', '+').replace('_', '/'),
            canonical.substring(0, 8) + " " + canonical.substring(8),
            canonical.substring(0, 8) + "\n" + canonical.substring(8),
        };
    }
}
