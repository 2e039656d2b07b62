package org.staffpass.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffpass.crypto.Tokens.assertAccepted;
import static org.staffpass.crypto.Tokens.assertRejected;
import static org.staffpass.crypto.Tokens.sign;
import static org.staffpass.crypto.Tokens.utf8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.StrictJson;

/** Key selection, builder rules, the Nimbus header check, and the result type. */
class JwsVerifierTest {
    private static final SigningKey ES = SigningKey.generate(SignatureAlgorithm.ES256);
    private static final SigningKey ED = SigningKey.generate(SignatureAlgorithm.EDDSA);

    private static VerificationKey withoutKid(SigningKey key) {
        ObjectNode jwk = key.verificationKey().toJwk();
        jwk.remove("kid");
        return VerificationKey.fromJwk(jwk).value();
    }

    /** A key without kid (for example pinned from a bare JWK) is chosen whatever kid the header names. */
    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void headerKidIsAcceptedWhenTheOnlyKeyHasNoKid(SignatureAlgorithm algorithm) {
        SigningKey key = algorithm == SignatureAlgorithm.ES256 ? ES : ED;
        VerificationKey bare = withoutKid(key);
        VerifiedJws verified = assertAccepted(JwsVerifier.of(bare).verify(JwsSigner.of(key).sign(utf8("{}"))));
        assertEquals(Optional.of(key.kid()), verified.kid());
        assertEquals(bare, verified.key());
        String otherKid = sign(key, "{\"alg\":\"" + algorithm.jwsName() + "\",\"kid\":\"anything\"}", "{}");
        assertAccepted(JwsVerifier.of(bare).verify(otherKid));
    }

    @Test
    void severalKeysAreChosenByKid() {
        SigningKey es2 = SigningKey.generate(SignatureAlgorithm.ES256);
        JwsVerifier verifier = JwsVerifier.builder()
                .keys(List.of(ES.verificationKey(), es2.verificationKey(), ED.verificationKey())).build();
        for (SigningKey key : List.of(ES, es2, ED)) {
            VerifiedJws verified = assertAccepted(verifier.verify(JwsSigner.of(key).sign(utf8("{}"))));
            assertEquals(key.verificationKey(), verified.key());
        }
        // No kid with several keys: refused rather than tried against each.
        assertRejected(ReasonCode.KID_MISMATCH, verifier.verify(sign(ES, "{\"alg\":\"ES256\"}", "{}")));
        assertRejected(ReasonCode.KID_MISMATCH, verifier.verify(JwsSigner.of(SigningKey.generate(SignatureAlgorithm.ES256)).sign(utf8("{}"))));
        // es2's kid on a token ES signed: chosen by kid, then the signature fails.
        String kidOfAnother = sign(ES, "{\"alg\":\"ES256\",\"kid\":\"" + es2.kid() + "\"}", "{}");
        assertRejected(ReasonCode.SIGNATURE_INVALID, verifier.verify(kidOfAnother));
    }

    @Test
    void builderRules() {
        assertThrows(IllegalStateException.class, () -> JwsVerifier.builder().build());
        assertThrows(IllegalArgumentException.class, () -> JwsVerifier.builder().keys(List.of()));
        assertThrows(IllegalArgumentException.class, () -> JwsVerifier.builder().keys(List.of(withoutKid(ES), ED.verificationKey())));
        VerificationKey sameKid = VerificationKey.fromJwk(SigningKey.generate(SignatureAlgorithm.ES256).verificationKey().toJwk()
                .put("kid", ES.kid())).value();
        assertThrows(IllegalArgumentException.class, () -> JwsVerifier.builder().keys(List.of(ES.verificationKey(), sameKid)));
        assertThrows(IllegalStateException.class, () -> JwsVerifier.builder().key(ES.verificationKey()).key(ED.verificationKey()));
        assertThrows(IllegalStateException.class, () -> JwsVerifier.builder().expectedType("a").expectedType("b"));
        assertThrows(IllegalStateException.class, () -> JwsVerifier.builder().refusedTypes(Set.of()).refusedTypes(Set.of()));
        assertThrows(IllegalStateException.class, () -> JwsVerifier.builder().maxLength(100).maxLength(200));
        assertThrows(IllegalArgumentException.class, () -> JwsVerifier.builder().maxLength(15));
        assertThrows(NullPointerException.class, () -> JwsVerifier.of(ES.verificationKey()).verify(null));
    }

    /** An expected typ that is also refused would reject every token: a contradiction build() names. */
    @Test
    void expectedTypeThatIsAlsoRefusedIsABuilderError() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> JwsVerifier.builder()
                .key(ES.verificationKey()).expectedType("application/KB+JWT").refusedTypes(Set.of("kb+jwt")).build());
        assertTrue(thrown.getMessage().contains("kb+jwt"), thrown.getMessage());
        assertAccepted(JwsVerifier.builder().key(ES.verificationKey()).expectedType("dc+sd-jwt").refusedTypes(Set.of("kb+jwt"))
                .build().verify(JwsSigner.of(ES).sign("dc+sd-jwt", utf8("{}"))));
    }

    /**
     * Nimbus's JWSHeader.parse runs on every header: it must accept whatever our signer writes
     * and any sound header (custom members of every JSON type, the fully-specified alg name).
     */
    @Test
    void nimbusHeaderCheckAcceptsEverySoundHeader() {
        for (SigningKey key : List.of(ES, ED)) {
            JwsVerifier verifier = JwsVerifier.of(key.verificationKey());
            for (String typ : List.of("JWT", "dc+sd-jwt", "application/statuslist+jwt", "a\"b\\c/d", "Zoë–医生", "")) {
                VerifiedJws verified = assertAccepted(verifier.verify(JwsSigner.of(key).sign(typ, utf8("{}"))));
                assertEquals(typ, verified.typ().orElseThrow());
            }
            String a = "\"alg\":\"" + key.algorithm().jwsName() + "\",\"kid\":\"" + key.kid() + "\"";
            for (String extra : List.of("\"cty\":\"JWT\"", "\"x5t\":\"abc\"", "\"x5t#S256\":\"abc\"", "\"b64\":true",
                    "\"custom\":null", "\"custom\":123456789012345678901234567890", "\"custom\":-1.5e300",
                    "\"custom\":{\"a\":[1,2,{\"b\":null}]}", "\"custom\":[true,false]", "\"iat\":1767225600",
                    "\"cty\":null")) {
                assertAccepted(verifier.verify(sign(key, "{" + a + "," + extra + "}", "{}")));
            }
        }
        assertAccepted(JwsVerifier.of(ED.verificationKey()).verify(sign(ED, "{\"alg\":\"Ed25519\"}", "{}")));
    }

    @Test
    void headerWrittenBySignerHasOnlyAlgKidTyp() {
        String jws = JwsSigner.of(ES).sign("dc+sd-jwt", utf8("{}"));
        ObjectNode header = StrictJson.parseObject(Base64Url.decode(jws.substring(0, jws.indexOf('.'))).orElseThrow(), "h").value();
        assertEquals(Set.of("alg", "kid", "typ"), Set.copyOf(iterable(header.fieldNames())));
        assertEquals("ES256", header.get("alg").textValue());
        assertEquals(ES.kid(), header.get("kid").textValue());
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> out = new java.util.ArrayList<>();
        iterator.forEachRemaining(out::add);
        return out;
    }

    @Test
    void valueOfARejectionThrowsIllegalStateException() {
        Verification<VerifiedJws> rejected = JwsVerifier.of(ES.verificationKey()).verify("x.y.z");
        assertFalse(rejected.isAccepted());
        IllegalStateException thrown = assertThrows(IllegalStateException.class, rejected::value);
        assertTrue(thrown.getMessage().contains("MALFORMED"), thrown.getMessage());
        // A rejection passes through then/map unchanged and never calls the function.
        Verification<String> mapped = rejected.map(v -> {
            throw new AssertionError("map called on a rejection");
        });
        assertSame(((Verification.Rejected<VerifiedJws>) rejected).reason(), ((Verification.Rejected<String>) mapped).reason());
        Verification<String> chained = rejected.then(v -> {
            throw new AssertionError("then called on a rejection");
        });
        assertFalse(chained.isAccepted());
        assertThrows(NullPointerException.class, () -> Verification.rejected(null, "m"));
        assertThrows(NullPointerException.class, () -> Verification.accepted(null));
    }

    /** What a verifier with a remembered header says, and what a fresh one says, as text. */
    private static String answer(Verification<VerifiedJws> result) {
        return result instanceof Verification.Rejected<VerifiedJws> r ? r.reason() + ": " + r.message()
                : "accepted " + result.value().kid() + " " + new String(result.value().payload(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * A verifier remembers the last header it accepted; a token with that very header must
     * still have every other part checked, and any other header must be checked in full.
     */
    @Test
    void aRememberedHeaderDecidesNothingElse() {
        String good = JwsSigner.of(ES).sign(utf8("{\"n\":1}"));
        String header = good.substring(0, good.indexOf('.'));
        String payload = good.substring(good.indexOf('.') + 1, good.lastIndexOf('.'));
        byte[] signature = Tokens.signature(good);
        byte[] flipped = signature.clone();
        flipped[5] ^= 1;
        List<String> tokens = List.of(
                good,
                Tokens.withSignature(good, flipped),                             // same header, bad signature
                header + "." + payload + ".",                                    // same header, no signature
                header + "." + payload + "=." + Tokens.b64(signature),           // same header, padded payload
                header + "." + payload + "." + Tokens.b64(signature) + "A",      // same header, non-canonical signature
                Tokens.withSignature(good, java.util.Arrays.copyOf(signature, 63)),
                Tokens.signSegments(ES, header, Tokens.b64("{\"n\":2}")),       // same header, another payload
                sign(ES, "{\"alg\":\"none\"}", "{}"),                            // another header, refused
                sign(ES, "{\"alg\":\"ES256\",\"crit\":[\"x\"],\"x\":1}", "{}"),
                sign(ES, "{\"alg\":\"ES256\",\"kid\":\"someone-else\"}", "{}"),
                "A" + good,                                                      // a header that extends the remembered one
                header.substring(0, header.length() - 2) + good.substring(good.indexOf('.')),
                good);
        JwsVerifier shared = JwsVerifier.of(ES.verificationKey());
        List<String> fresh = new java.util.ArrayList<>();
        List<String> remembered = new java.util.ArrayList<>();
        for (String token : tokens) {
            fresh.add(answer(JwsVerifier.of(ES.verificationKey()).verify(token)));
            remembered.add(answer(shared.verify(token)));
            // and with the good header remembered just before each
            shared.verify(good);
        }
        assertEquals(fresh, remembered);
        assertEquals(List.of(true, false, false, false, false, false, true, false, false, false, false, false, true),
                fresh.stream().map(a -> a.startsWith("accepted")).toList(), fresh.toString());
    }

    /** Threads sharing one verifier and alternating two headers each get the answer their token deserves. */
    @Test
    void aSharedVerifierAnswersEachThreadForItsOwnToken() throws InterruptedException {
        String good = JwsSigner.of(ED).sign(utf8("{}"));
        String crit = sign(ED, "{\"alg\":\"EdDSA\",\"crit\":[\"b64\"],\"b64\":true}", "{}");
        JwsVerifier shared = JwsVerifier.of(ED.verificationKey());
        java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> threads = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 300; i++) {
                    boolean expectGood = (i + offset) % 2 == 0;
                    Verification<VerifiedJws> result = shared.verify(expectGood ? good : crit);
                    if (result.isAccepted() != expectGood
                            || (!expectGood && ((Verification.Rejected<VerifiedJws>) result).reason() != ReasonCode.HEADER_NOT_ALLOWED)) {
                        wrong.incrementAndGet();
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(0, wrong.get());
    }
}
