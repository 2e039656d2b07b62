package org.staffpass.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** JwsSigner's header bytes are fixed (sorted members), so signed output is byte-identical run to run. */
class JwsSignerHeaderTest {

    private static String header(String compact) {
        return new String(Base64.getUrlDecoder().decode(compact.substring(0, compact.indexOf('.'))), StandardCharsets.UTF_8);
    }

    @Test
    void headerMembersAreSortedWithAndWithoutType() {
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            SigningKey key = SigningKey.generate(algorithm);
            byte[] payload = "{}".getBytes(StandardCharsets.UTF_8);
            assertEquals("{\"alg\":\"" + algorithm.jwsName() + "\",\"kid\":\"" + key.kid() + "\",\"typ\":\"example+jwt\"}",
                    header(JwsSigner.of(key).sign("example+jwt", payload)));
            assertEquals("{\"alg\":\"" + algorithm.jwsName() + "\",\"kid\":\"" + key.kid() + "\"}",
                    header(JwsSigner.of(key).sign(payload)));
            assertEquals(JwsSigner.of(key).sign("example+jwt", payload), JwsSigner.of(key).sign("example+jwt", payload));
        }
    }

    @Test
    void typeWithCharactersNeedingEscapesStillVerifies() {
        SigningKey key = SigningKey.generate(SignatureAlgorithm.EDDSA);
        String typ = "a\"b\\c/é";
        String compact = JwsSigner.of(key).sign(typ, "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"alg\":\"EdDSA\",\"kid\":\"" + key.kid() + "\",\"typ\":\"a\\\"b\\\\c/é\"}", header(compact));
        assertTrue(JwsVerifier.builder().key(key.verificationKey()).expectedType(typ).build().verify(compact).isAccepted());
    }
}
