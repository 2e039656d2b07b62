package org.staffpass.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffpass.crypto.Tokens.assertAccepted;
import static org.staffpass.crypto.Tokens.b64;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.testing.Property;

/** Properties of the JWS layer, checked on seeded random cases (see {@link Property}). */
class JwsProperties {
    private static final SigningKey ES = SigningKey.generate(SignatureAlgorithm.ES256);
    private static final SigningKey ED = SigningKey.generate(SignatureAlgorithm.EDDSA);
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static SigningKey key(SignatureAlgorithm algorithm) {
        return algorithm == SignatureAlgorithm.ES256 ? ES : ED;
    }

    /** The verifier answers, whatever the input: never null, never an exception. */
    private static Verification<VerifiedJws> answer(JwsVerifier verifier, String input) {
        Verification<VerifiedJws> result = verifier.verify(input);
        assertNotNull(result);
        if (result instanceof Verification.Rejected<VerifiedJws> r) {
            assertNotNull(r.reason());
            assertFalse(r.message().isBlank());
        }
        return result;
    }

    // --- round trip --------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void signThenVerifyRoundTripsAnyPayload(SignatureAlgorithm algorithm) {
        SigningKey key = key(algorithm);
        JwsVerifier verifier = JwsVerifier.builder().key(key.verificationKey()).expectedType("example+jwt").build();
        Property.forAll("round trip " + algorithm, random -> Property.bytes(random, Property.length(random, 4096)), payload -> {
            String token = JwsSigner.of(key).sign("example+jwt", payload);
            VerifiedJws verified = assertAccepted(verifier.verify(token));
            assertArrayEquals(payload, verified.payload());
            assertEquals(key.verificationKey(), verified.key());
            assertEquals(Optional.of(key.kid()), verified.kid());
        });
    }

    // --- single-bit changes ------------------------------------------------------------

    private static String flip(String token, int index, int bit) {
        char[] chars = token.toCharArray();
        chars[index] ^= (char) (1 << bit);
        return new String(chars);
    }

    /** Every one of the 8 low bits of every character of a small token, flipped one at a time. */
    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void everySingleBitFlipOfASmallTokenIsRejected(SignatureAlgorithm algorithm) {
        SigningKey key = key(algorithm);
        JwsVerifier verifier = JwsVerifier.of(key.verificationKey());
        String token = JwsSigner.of(key).sign("dc+sd-jwt", "{\"sub\":\"w1\"}".getBytes(StandardCharsets.UTF_8));
        assertAccepted(verifier.verify(token));
        List<String> accepted = new ArrayList<>();
        int tried = 0;
        for (int i = 0; i < token.length(); i++) {
            for (int bit = 0; bit < 8; bit++) {
                String flipped = flip(token, i, bit);
                tried++;
                if (answer(verifier, flipped).isAccepted()) {
                    accepted.add("char " + i + " bit " + bit);
                }
            }
        }
        assertEquals(List.of(), accepted, "single-bit changes accepted");
        assertEquals(token.length() * 8, tried);
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void sampledSingleBitFlipsOfALargeTokenAreRejected(SignatureAlgorithm algorithm) {
        SigningKey key = key(algorithm);
        JwsVerifier verifier = JwsVerifier.of(key.verificationKey());
        byte[] payload = Property.bytes(new Random(7), 4096);
        String token = JwsSigner.of(key).sign("dc+sd-jwt", payload);
        assertAccepted(verifier.verify(token));
        Property.forAll("bit flip " + algorithm, random -> new int[] {random.nextInt(token.length()), random.nextInt(8)},
                position -> assertFalse(answer(verifier, flip(token, position[0], position[1])).isAccepted(),
                        "flip of char " + position[0] + " bit " + position[1] + " accepted"));
    }

    // --- arbitrary input never crashes -------------------------------------------------

    private static final JwsVerifier BOTH = JwsVerifier.builder()
            .keys(List.of(ES.verificationKey(), ED.verificationKey())).expectedType("dc+sd-jwt").build();

    @Test
    void arbitraryStringsAreAnsweredAndNeverAccepted() {
        Property.forAll("arbitrary text", random -> {
            int length = Property.length(random, 600);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(3) == 0 ? (char) random.nextInt(0x10000) : (char) random.nextInt(0x80));
            }
            return text.toString();
        }, text -> assertFalse(answer(BOTH, text).isAccepted()));
    }

    @Test
    void arbitraryBytesAsLatin1AreAnsweredAndNeverAccepted() {
        Property.forAll("arbitrary bytes", random -> new String(Property.bytes(random, Property.length(random, 600)),
                StandardCharsets.ISO_8859_1), text -> assertFalse(answer(BOTH, text).isAccepted()));
    }

    @Test
    void randomBase64urlSegmentsWithDotsAreAnsweredAndNeverAccepted() {
        Property.forAll("base64url segments", random -> {
            int segments = 1 + random.nextInt(5);
            StringBuilder text = new StringBuilder();
            for (int s = 0; s < segments; s++) {
                if (s > 0) {
                    text.append('.');
                }
                int length = random.nextInt(8) == 0 ? 86 : Property.length(random, 120);
                for (int i = 0; i < length; i++) {
                    text.append(ALPHABET.charAt(random.nextInt(64)));
                }
            }
            return text.toString();
        }, text -> assertFalse(answer(BOTH, text).isAccepted()));
    }

    private static final String[] FRAGMENTS = {
        "\"alg\":\"ES256\"", "\"alg\":\"EdDSA\"", "\"alg\":\"Ed25519\"", "\"alg\":\"none\"", "\"alg\":\"HS256\"", "\"alg\":1",
        "\"alg\":null", "\"kid\":\"" + ES.kid() + "\"", "\"kid\":\"" + ED.kid() + "\"", "\"kid\":\"x\"", "\"kid\":[]",
        "\"typ\":\"dc+sd-jwt\"", "\"typ\":\"kb+jwt\"", "\"typ\":\"APPLICATION/DC+SD-JWT\"", "\"typ\":{}",
        "\"crit\":[\"b64\"]", "\"b64\":false", "\"b64\":true", "\"b64\":\"x\"", "\"jwk\":{}", "\"x5c\":[\"AA\"]",
        "\"x5t\":5", "\"cty\":\"JWT\"", "\"enc\":\"A128GCM\"", "\"zip\":\"DEF\"", "\"n\":1e99999", "\"n\":-0.0",
        "\"n\":123456789012345678901234567890", "\"s\":\"\\ud800\"", "\"s\":\"\\u0000\"", "\"\":\"\"",
        "\"deep\":[[[[[[[[[[]]]]]]]]]]", "\"o\":{\"alg\":\"none\"}", "\"alg\":\"ES256\",\"alg\":\"ES256\"",
    };

    /** A hand-built token and what an oracle needs to judge an acceptance. */
    private record Crafted(String token, String headerJson, SigningKey signer, boolean genuineSignature) {
        @Override
        public String toString() {
            return headerJson + " signed by " + signer.algorithm() + (genuineSignature ? "" : " (random signature)");
        }
    }

    /**
     * A header built from JOSE-ish members, sometimes broken, sometimes validly signed. The
     * verifier must answer, and an acceptance must be justified: a genuine signature by the
     * key the header's alg names, the expected typ, and none of the refused members.
     */
    @Test
    void randomJsonishHeadersAreAnsweredAndOnlyAcceptedWhenSound() {
        AtomicInteger accepted = new AtomicInteger();
        Property.forAll("json-ish headers", random -> {
            SigningKey key = random.nextBoolean() ? ES : ED;
            StringBuilder header = new StringBuilder("{");
            int members = random.nextInt(6);
            if (random.nextBoolean()) {
                // Half start as a sound header, so acceptances happen and the oracle is exercised.
                header.append("\"alg\":\"").append(key.algorithm().jwsName()).append("\",\"typ\":\"dc+sd-jwt\",\"kid\":\"")
                        .append(key.kid()).append('"');
                header.append(members > 0 ? "," : "");
            }
            for (int i = 0; i < members; i++) {
                if (i > 0) {
                    header.append(',');
                }
                header.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
            header.append('}');
            String json = header.toString();
            if (random.nextInt(6) == 0) {
                json = json.substring(0, random.nextInt(json.length() + 1));
            } else if (random.nextInt(6) == 0) {
                char[] chars = json.toCharArray();
                chars[random.nextInt(chars.length)] = (char) random.nextInt(0x80);
                json = new String(chars);
            }
            byte[] payload = Property.bytes(random, Property.length(random, 64));
            String signingInput = b64(json) + "." + b64(payload);
            boolean genuine = random.nextInt(4) != 0;
            byte[] signature = genuine
                    ? key.signRaw(signingInput.getBytes(StandardCharsets.US_ASCII))
                    : Property.bytes(random, random.nextBoolean() ? 64 : Property.length(random, 80));
            return new Crafted(signingInput + "." + b64(signature), json, key, genuine);
        }, crafted -> {
            if (answer(BOTH, crafted.token()).isAccepted()) {
                assertTrue(crafted.genuineSignature(), "accepted a random signature");
                ObjectNode header = StrictJson.parseObject(crafted.headerJson(), "header").value();
                assertTrue(crafted.signer().algorithm().acceptsHeaderAlg(header.get("alg").textValue()));
                for (String refused : List.of("crit", "jwk", "jku", "x5u", "x5c")) {
                    assertFalse(header.has(refused), refused);
                }
                assertFalse(header.has("b64") && !header.get("b64").asBoolean(), "b64");
                assertEquals("dc+sd-jwt", JwsVerifier.normaliseType(header.get("typ").textValue()));
                assertEquals(crafted.signer().kid(), header.get("kid").textValue());
                accepted.incrementAndGet();
            }
        });
        assertTrue(accepted.get() > 0, "no generated token was accepted: the oracle above never ran");
    }

    @Test
    void strictJsonAnswersAnyBytes() {
        Property.forAll("StrictJson bytes", random -> {
            if (random.nextBoolean()) {
                return Property.bytes(random, Property.length(random, 300));
            }
            // JSON-looking bytes with a few random byte changes.
            byte[] json = ("{\"a\":[1,2.5,-3e4,{\"b\":\"c\\u00e9\"},null,true],\"d\":{\"e\":\"\u00e9\u20ac\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            for (int i = random.nextInt(4); i >= 0; i--) {
                json[random.nextInt(json.length)] = (byte) random.nextInt(256);
            }
            return json;
        }, bytes -> {
            Verification<ObjectNode> result = StrictJson.parseObject(bytes, "fuzz");
            assertNotNull(result);
            if (result instanceof Verification.Accepted<ObjectNode> accepted) {
                assertTrue(accepted.value().isObject());
            }
        });
    }

    // --- base64url against a naive reference ---------------------------------------------

    /** RFC 4648 §5 without padding, decoded bit by bit; §3.5: leftover bits must be zero. */
    static Optional<byte[]> naiveDecode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < text.length(); i++) {
            int value = ALPHABET.indexOf(text.charAt(i));
            if (value < 0) {
                return Optional.empty();
            }
            buffer = (buffer << 6) | value;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out.write((buffer >> bits) & 0xFF);
                buffer &= (1 << bits) - 1;
            }
        }
        if (bits >= 6 || buffer != 0) {
            return Optional.empty();
        }
        return Optional.of(out.toByteArray());
    }

    @Test
    void base64urlDecodeAgreesWithANaiveDecoder() {
        String noisy = ALPHABET + "=+/ \n.\u00e9\u0000";
        Property.forAll("base64url vs naive", random -> {
            int length = Property.length(random, 40);
            StringBuilder text = new StringBuilder();
            boolean clean = random.nextBoolean();
            for (int i = 0; i < length; i++) {
                text.append(clean ? ALPHABET.charAt(random.nextInt(64)) : noisy.charAt(random.nextInt(noisy.length())));
            }
            return text.toString();
        }, text -> {
            Optional<byte[]> ours = Base64Url.decode(text);
            Optional<byte[]> reference = naiveDecode(text);
            assertEquals(reference.isPresent(), ours.isPresent(), "canonical?");
            reference.ifPresent(bytes -> assertArrayEquals(bytes, ours.get()));
            // The verifier's one-pass decoder, on a range inside a larger token, agrees too.
            byte[] framed = ("ab." + text + ".cd").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            Optional<byte[]> ranged = Base64Url.decodeRange(framed, 3, framed.length - 3);
            assertEquals(reference.isPresent(), ranged.isPresent(), "canonical (range)?");
            reference.ifPresent(bytes -> assertArrayEquals(bytes, ranged.get()));
        });
    }

    @Test
    void base64urlRoundTripsAndRejectsEveryNonCanonicalSpelling() {
        Property.forAll("base64url spellings", random -> Property.bytes(random, Property.length(random, 48)), bytes -> {
            String canonical = Base64Url.encode(bytes);
            assertArrayEquals(bytes, Base64Url.decode(canonical).orElseThrow());
            for (String spelling : nonCanonicalSpellings(canonical)) {
                assertFalse(Base64Url.decode(spelling).isPresent(), () -> "accepted " + spelling + " for " + canonical);
                byte[] ascii = spelling.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(Base64Url.decodeRange(ascii, 0, ascii.length).isPresent(), () -> "range accepted " + spelling);
                assertFalse(naiveDecode(spelling).isPresent(), () -> "reference accepted " + spelling);
            }
        });
    }

    /** Every other spelling of the same bytes: padding, each non-zero setting of the spare bits, '+' '/', white space. */
    private static List<String> nonCanonicalSpellings(String canonical) {
        List<String> spellings = new ArrayList<>();
        int spare = switch (canonical.length() % 4) {
            case 2 -> 4;
            case 3 -> 2;
            default -> 0;
        };
        if (spare > 0) {
            spellings.add(canonical + (spare == 4 ? "==" : "="));
            int last = ALPHABET.indexOf(canonical.charAt(canonical.length() - 1));
            for (int extra = 1; extra < (1 << spare); extra++) {
                spellings.add(canonical.substring(0, canonical.length() - 1) + ALPHABET.charAt(last | extra));
            }
        }
        spellings.add(canonical + "=");
        if (canonical.length() % 4 == 0) {
            spellings.add(canonical + "A"); // a lone last character: 6 bits cannot end a byte string
        }
        if (canonical.matches(".*[-_].*")) {
            spellings.add(canonical.replace('-', '+').replace('_', '/'));
        }
        if (!canonical.isEmpty()) {
            spellings.add(canonical.charAt(0) + " " + canonical.substring(1));
            spellings.add(canonical + "\n");
        }
        return spellings;
    }
}
