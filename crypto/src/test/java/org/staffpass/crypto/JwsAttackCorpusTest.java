package org.staffpass.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffpass.crypto.Tokens.assertAccepted;
import static org.staffpass.crypto.Tokens.assertRejected;
import static org.staffpass.crypto.Tokens.b64;
import static org.staffpass.crypto.Tokens.header;
import static org.staffpass.crypto.Tokens.sign;
import static org.staffpass.crypto.Tokens.signSegments;
import static org.staffpass.crypto.Tokens.signature;
import static org.staffpass.crypto.Tokens.utf8;
import static org.staffpass.crypto.Tokens.withSignature;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.P256;

/**
 * The JOSE attack corpus: one named case per attack, each asserting the exact reason code.
 * Where a header check is under test the token carries a valid signature by the verifying
 * key, so only that check can be what refuses it. The list is mirrored in
 * docs/crypto-vectors.md.
 */
class JwsAttackCorpusTest {
    private static final SigningKey ES = SigningKey.generate(SignatureAlgorithm.ES256);
    private static final SigningKey ED = SigningKey.generate(SignatureAlgorithm.EDDSA);
    private static final String PAYLOAD = "{\"sub\":\"worker-1\",\"grade\":\"ST3\"}";

    private static SigningKey key(SignatureAlgorithm algorithm) {
        return algorithm == SignatureAlgorithm.ES256 ? ES : ED;
    }

    private static Verification<VerifiedJws> verify(SigningKey key, String token) {
        return JwsVerifier.of(key.verificationKey()).verify(token);
    }

    private static String alg(SigningKey key) {
        return key.algorithm().jwsName();
    }

    @Test
    void controlOurOwnTokensVerify() {
        for (SigningKey key : List.of(ES, ED)) {
            assertAccepted(verify(key, JwsSigner.of(key).sign(utf8(PAYLOAD))));
            assertAccepted(verify(key, sign(key, header(key), PAYLOAD)));
        }
    }

    // --- alg ---------------------------------------------------------------------------

    /** The classic unsecured JWS "h.p." fails on structure: an empty signature segment is refused before any parsing. */
    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void algNoneWithoutSignatureSegment(SignatureAlgorithm algorithm) {
        String token = b64("{\"alg\":\"none\"}") + "." + b64(PAYLOAD) + ".";
        assertRejected(ReasonCode.ALG_NOT_ALLOWED, verify(key(algorithm), token));
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void algNoneWithASignatureSegment(SignatureAlgorithm algorithm) {
        SigningKey key = key(algorithm);
        for (String none : List.of("none", "None", "NONE", "nOnE")) {
            String token = sign(key, "{\"alg\":\"" + none + "\",\"kid\":\"" + key.kid() + "\"}", PAYLOAD);
            assertRejected(ReasonCode.ALG_NOT_ALLOWED, verify(key, token));
        }
    }

    /** HS256 with the public key (in every spelling an attacker might try) as the HMAC secret. */
    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void hs256KeyConfusionWithThePublicKeyAsSecret(SignatureAlgorithm algorithm) throws GeneralSecurityException {
        SigningKey key = key(algorithm);
        VerificationKey publicKey = key.verificationKey();
        String x = publicKey.toJwk().get("x").textValue();
        List<byte[]> secrets = List.of(
                utf8(publicKey.toJwkJson()),
                Base64Url.decode(x).orElseThrow(),
                utf8(x));
        for (String hs : List.of("HS256", "HS384", "HS512")) {
            for (byte[] secret : secrets) {
                String signingInput = b64("{\"alg\":\"" + hs + "\",\"kid\":\"" + key.kid() + "\"}") + "." + b64(PAYLOAD);
                Mac mac = Mac.getInstance("Hmac" + "SHA" + hs.substring(2));
                mac.init(new SecretKeySpec(secret, mac.getAlgorithm()));
                String token = signingInput + "." + b64(mac.doFinal(utf8(signingInput)));
                assertRejected(ReasonCode.ALG_NOT_ALLOWED, verify(key, token));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void rs256Header(SignatureAlgorithm algorithm) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(generator.generateKeyPair().getPrivate());
        for (String rs : List.of("RS256", "PS256", "ES384", "ES512", "ES256K", "Ed448", "EdDSA25519")) {
            String signingInput = b64("{\"alg\":\"" + rs + "\"}") + "." + b64(PAYLOAD);
            rsa.update(utf8(signingInput));
            String token = signingInput + "." + b64(rsa.sign());
            assertRejected(ReasonCode.ALG_NOT_ALLOWED, verify(key(algorithm), token));
        }
    }

    /** Each key's own valid signature under the other algorithm's name. */
    @Test
    void es256HeaderOnAnEd25519KeyAndViceVersa() {
        assertRejected(ReasonCode.ALG_NOT_ALLOWED, verify(ED, sign(ED, "{\"alg\":\"ES256\",\"kid\":\"" + ED.kid() + "\"}", PAYLOAD)));
        assertRejected(ReasonCode.ALG_NOT_ALLOWED, verify(ES, sign(ES, "{\"alg\":\"EdDSA\",\"kid\":\"" + ES.kid() + "\"}", PAYLOAD)));
        assertRejected(ReasonCode.ALG_NOT_ALLOWED, verify(ES, sign(ES, "{\"alg\":\"Ed25519\"}", PAYLOAD)));
        // Both keys held: the header alg matches one key, its kid names the other.
        JwsVerifier both = JwsVerifier.builder().keys(List.of(ES.verificationKey(), ED.verificationKey())).build();
        assertRejected(ReasonCode.ALG_NOT_ALLOWED, both.verify(sign(ED, "{\"alg\":\"ES256\",\"kid\":\"" + ED.kid() + "\"}", PAYLOAD)));
        assertRejected(ReasonCode.ALG_NOT_ALLOWED, both.verify(sign(ES, "{\"alg\":\"EdDSA\",\"kid\":\"" + ES.kid() + "\"}", PAYLOAD)));
    }

    /** RFC 9864 names Ed25519 by its fully-specified name; alg names are case-sensitive (RFC 7515 §4.1.1). */
    @Test
    void ed25519FullySpecifiedNameIsAcceptedForAnEdDsaKey() {
        VerifiedJws verified = assertAccepted(verify(ED, sign(ED, "{\"alg\":\"Ed25519\",\"kid\":\"" + ED.kid() + "\"}", PAYLOAD)));
        assertEquals(PAYLOAD, verified.payloadText());
        for (String wrongCase : List.of("ed25519", "ED25519", "eddsa", "EDDSA", "es256", "Es256")) {
            SigningKey key = wrongCase.equalsIgnoreCase("es256") ? ES : ED;
            assertRejected(ReasonCode.ALG_NOT_ALLOWED, verify(key, sign(key, "{\"alg\":\"" + wrongCase + "\"}", PAYLOAD)));
        }
    }

    // --- header-carried keys, crit, b64 -----------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"jwk", "jku", "x5u", "x5c"})
    void headerCarriedKeysAreRefusedEvenWhenTheyNameTheRightKey(String member) {
        for (SigningKey key : List.of(ES, ED)) {
            String value = switch (member) {
                case "jwk" -> key.verificationKey().toJwkJson();
                case "x5c" -> "[\"MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\"]";
                default -> "\"https://issuer.example.nhs.uk/keys/" + key.kid() + "\"";
            };
            String token = sign(key, "{\"alg\":\"" + alg(key) + "\",\"kid\":\"" + key.kid() + "\",\"" + member + "\":" + value + "}", PAYLOAD);
            assertRejected(ReasonCode.HEADER_NOT_ALLOWED, verify(key, token));
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void critIsRefused(SignatureAlgorithm algorithm) {
        SigningKey key = key(algorithm);
        String a = "\"alg\":\"" + alg(key) + "\"";
        for (String header : List.of(
                "{" + a + ",\"crit\":[\"exp\"],\"exp\":1363284000}",   // unknown extension
                "{" + a + ",\"crit\":[\"b64\"],\"b64\":false}",       // RFC 7797 unencoded payload
                "{" + a + ",\"crit\":[\"b64\"],\"b64\":true}",
                "{" + a + ",\"crit\":[]}",                             // RFC 7515 §4.1.11: empty list is invalid
                "{" + a + ",\"crit\":\"exp\"}")) {
            assertRejected(ReasonCode.HEADER_NOT_ALLOWED, verify(key, sign(key, header, PAYLOAD)));
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void b64FalseIsRefused(SignatureAlgorithm algorithm) {
        SigningKey key = key(algorithm);
        String a = "\"alg\":\"" + alg(key) + "\"";
        assertRejected(ReasonCode.HEADER_NOT_ALLOWED, verify(key, sign(key, "{" + a + ",\"b64\":false}", PAYLOAD)));
        assertRejected(ReasonCode.HEADER_NOT_ALLOWED, verify(key, sign(key, "{" + a + ",\"b64\":\"false\"}", PAYLOAD)));
        // b64 true is the default meaning: harmless.
        assertAccepted(verify(key, sign(key, "{" + a + ",\"b64\":true}", PAYLOAD)));
    }

    // --- typ ---------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void wrongOrMissingTypWhenOneIsExpected(SignatureAlgorithm algorithm) {
        SigningKey key = key(algorithm);
        JwsVerifier verifier = JwsVerifier.builder().key(key.verificationKey()).expectedType("statuslist+jwt").build();
        assertRejected(ReasonCode.TYP_MISMATCH, verifier.verify(JwsSigner.of(key).sign("dc+sd-jwt", utf8(PAYLOAD))));
        assertRejected(ReasonCode.TYP_MISMATCH, verifier.verify(JwsSigner.of(key).sign("statuslist+jwt+x", utf8(PAYLOAD))));
        assertRejected(ReasonCode.TYP_MISMATCH, verifier.verify(JwsSigner.of(key).sign("application/statuslist", utf8(PAYLOAD))));
        assertRejected(ReasonCode.TYP_MISMATCH, verifier.verify(JwsSigner.of(key).sign(utf8(PAYLOAD))));
        assertRejected(ReasonCode.TYP_MISMATCH, verifier.verify(JwsSigner.of(key).sign("", utf8(PAYLOAD))));
        assertAccepted(verifier.verify(JwsSigner.of(key).sign("statuslist+jwt", utf8(PAYLOAD))));
    }

    /** A key-binding JWT must never pass where a credential or list is expected. */
    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void kbJwtIsRefusedWhenRefused(SignatureAlgorithm algorithm) {
        SigningKey key = key(algorithm);
        JwsVerifier verifier = JwsVerifier.builder().key(key.verificationKey()).refusedTypes(Set.of("kb+jwt")).build();
        for (String typ : List.of("kb+jwt", "KB+JWT", "application/kb+jwt", "Application/Kb+Jwt")) {
            assertRejected(ReasonCode.TYP_MISMATCH, verifier.verify(JwsSigner.of(key).sign(typ, utf8(PAYLOAD))));
        }
        assertAccepted(verifier.verify(JwsSigner.of(key).sign("dc+sd-jwt", utf8(PAYLOAD))));
        assertAccepted(verifier.verify(JwsSigner.of(key).sign(utf8(PAYLOAD))));
    }

    /** RFC 7515 §4.1.9: media types compare case-insensitively and "application/" may be omitted. */
    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void typComparesCaseInsensitivelyAndWithApplicationPrefix(SignatureAlgorithm algorithm) {
        SigningKey key = key(algorithm);
        for (String expected : List.of("statuslist+jwt", "application/statuslist+jwt", "StatusList+JWT")) {
            JwsVerifier verifier = JwsVerifier.builder().key(key.verificationKey()).expectedType(expected).build();
            for (String typ : List.of("statuslist+jwt", "STATUSLIST+JWT", "application/statuslist+jwt", "APPLICATION/StatusList+Jwt")) {
                VerifiedJws verified = assertAccepted(verifier.verify(JwsSigner.of(key).sign(typ, utf8(PAYLOAD))));
                assertEquals(typ, verified.typ().orElseThrow(), "typ is reported as written");
            }
        }
    }

    // --- kid ---------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void headerKidNamingAnotherKey(SignatureAlgorithm algorithm) {
        SigningKey key = key(algorithm);
        SigningKey other = SigningKey.generate(algorithm);
        String token = sign(key, "{\"alg\":\"" + alg(key) + "\",\"kid\":\"" + other.kid() + "\"}", PAYLOAD);
        assertRejected(ReasonCode.KID_MISMATCH, verify(key, token));
        assertRejected(ReasonCode.KID_MISMATCH, verify(key, sign(key, "{\"alg\":\"" + alg(key) + "\",\"kid\":\"\"}", PAYLOAD)));
        String almost = key.kid().substring(0, key.kid().length() - 1);
        assertRejected(ReasonCode.KID_MISMATCH, verify(key, sign(key, "{\"alg\":\"" + alg(key) + "\",\"kid\":\"" + almost + "\"}", PAYLOAD)));
    }

    // --- size --------------------------------------------------------------------------

    /**
     * Over the bound is TOO_LARGE whatever the content: a valid token (which parsing would
     * accept) and garbage (which parsing would call MALFORMED) get the same answer, so the
     * bound is checked before anything is decoded or parsed.
     */
    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void oversizedInputIsRejectedBeforeParsing(SignatureAlgorithm algorithm) {
        SigningKey key = key(algorithm);
        String valid = JwsSigner.of(key).sign(new byte[2000]);
        JwsVerifier small = JwsVerifier.builder().key(key.verificationKey()).maxLength(valid.length() - 1).build();
        assertRejected(ReasonCode.TOO_LARGE, small.verify(valid));
        assertAccepted(JwsVerifier.builder().key(key.verificationKey()).maxLength(valid.length()).build().verify(valid));

        assertRejected(ReasonCode.TOO_LARGE, small.verify("!".repeat(valid.length())));
        String deep = b64("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}") + ".e30.AA";
        assertRejected(ReasonCode.TOO_LARGE, JwsVerifier.builder().key(key.verificationKey()).maxLength(deep.length() - 1).build().verify(deep));

        String overDefault = "a".repeat(JwsVerifier.DEFAULT_MAX_LENGTH + 1);
        assertRejected(ReasonCode.TOO_LARGE, verify(key, overDefault));
    }

    // --- base64url canonical form ------------------------------------------------------

    /** A segment re-spelled: padded, trailing bits set, standard alphabet, or with white space. */
    private static List<String> respellings(String segment) {
        assertTrue(segment.length() % 4 == 2 || segment.length() % 4 == 3, "segment must end in a partial quantum");
        assertTrue(segment.matches(".*[-_].*"), "segment must contain '-' or '_'");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = segment.charAt(segment.length() - 1);
        String trailing = segment.substring(0, segment.length() - 1) + alphabet.charAt(alphabet.indexOf(last) | 1);
        String padding = segment.length() % 4 == 2 ? "==" : "=";
        return List.of(
                segment + padding,
                segment + "=",
                trailing,
                segment.replace('-', '+').replace('_', '/'),
                segment.substring(0, 4) + " " + segment.substring(4),
                segment.substring(0, 4) + "\n" + segment.substring(4),
                segment + "\r\n",
                " " + segment);
    }

    /** A header whose segment has a partial last quantum and '-'/'_' (tuned with a filler member). */
    private static String awkwardHeader(SigningKey key) {
        for (int filler = 0; ; filler++) {
            String header = "{\"alg\":\"" + alg(key) + "\",\"kid\":\"" + key.kid() + "\",\"f\":\"??>>" + "~".repeat(filler) + "\"}";
            String segment = b64(header);
            if (segment.length() % 4 >= 2 && segment.matches(".*[-_].*")) {
                return segment;
            }
        }
    }

    /** Payload bytes whose segment has '-' and '_' and a partial last quantum. */
    private static final byte[] AWKWARD_PAYLOAD = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf, 0x7b, 0x7d};

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void nonCanonicalBase64urlInTheHeaderSegment(SignatureAlgorithm algorithm) {
        SigningKey key = key(algorithm);
        String header = awkwardHeader(key);
        String payload = b64(AWKWARD_PAYLOAD);
        assertAccepted(verify(key, signSegments(key, header, payload)));
        for (String respelled : respellings(header)) {
            // Signed over the re-spelled characters: only the canonical-form check can refuse it.
            assertRejected(ReasonCode.MALFORMED, verify(key, signSegments(key, respelled, payload)));
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void nonCanonicalBase64urlInThePayloadSegment(SignatureAlgorithm algorithm) {
        SigningKey key = key(algorithm);
        String header = b64(header(key));
        String payload = b64(AWKWARD_PAYLOAD);
        assertAccepted(verify(key, signSegments(key, header, payload)));
        for (String respelled : respellings(payload)) {
            assertRejected(ReasonCode.MALFORMED, verify(key, signSegments(key, header, respelled)));
        }
    }

    /** The real malleability: a re-spelled signature decodes to the same, valid bytes. */
    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void nonCanonicalBase64urlInTheSignatureSegment(SignatureAlgorithm algorithm) {
        SigningKey key = key(algorithm);
        String token;
        int n = 0;
        do {
            token = JwsSigner.of(key).sign(utf8(PAYLOAD + n++));
        } while (!token.substring(token.lastIndexOf('.')).matches(".*[-_].*"));
        String signingInput = token.substring(0, token.lastIndexOf('.'));
        String sig = token.substring(token.lastIndexOf('.') + 1);
        for (String respelled : respellings(sig)) {
            assertRejected(ReasonCode.MALFORMED, verify(key, signingInput + "." + respelled));
        }
    }

    // --- segments ----------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void wrongNumberOfSegments(SignatureAlgorithm algorithm) {
        SigningKey key = key(algorithm);
        String token = JwsSigner.of(key).sign(utf8(PAYLOAD));
        String[] parts = token.split("\\.");
        assertRejected(ReasonCode.MALFORMED, verify(key, parts[0] + "." + parts[1]));
        assertRejected(ReasonCode.MALFORMED, verify(key, token + "." + parts[2]));
        assertRejected(ReasonCode.MALFORMED, verify(key, token + "."));
        assertRejected(ReasonCode.MALFORMED, verify(key, token.replace(".", "")));
        assertRejected(ReasonCode.MALFORMED, verify(key, parts[0] + "." + parts[1] + "." + parts[1] + "." + parts[1] + "." + parts[2]));
        assertRejected(ReasonCode.MALFORMED, verify(key, ""));
        assertRejected(ReasonCode.MALFORMED, verify(key, ".."));
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void emptyHeaderOrSignature(SignatureAlgorithm algorithm) {
        SigningKey key = key(algorithm);
        String token = JwsSigner.of(key).sign(utf8(PAYLOAD));
        String[] parts = token.split("\\.");
        assertRejected(ReasonCode.MALFORMED, verify(key, "." + parts[1] + "." + parts[2]));
        assertRejected(ReasonCode.MALFORMED, verify(key, parts[0] + "." + parts[1] + "."));
        // An empty payload is legal JWS and verifies.
        assertEquals(0, assertAccepted(verify(key, JwsSigner.of(key).sign(new byte[0]))).payload().length);
    }

    // --- header JSON -------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void headerThatIsNotAJsonObject(SignatureAlgorithm algorithm) {
        SigningKey key = key(algorithm);
        String a = "\"alg\":\"" + alg(key) + "\"";
        for (String header : List.of(
                "not json",
                "[{" + a + "}]",
                "\"" + alg(key) + "\"",
                "null",
                "{" + a + "",
                "{" + a + "} x",
                "{" + a + "}{}",
                "{" + a + ",}",
                "{'alg':'" + alg(key) + "'}",
                "{" + a + ",\"x\":NaN}",
                "{" + a + ",\"x\":01}",
                "{" + a + ",/*c*/\"x\":1}")) {
            assertRejected(ReasonCode.MALFORMED, verify(key, sign(key, header, PAYLOAD)));
        }
    }

    /** Two parsers picking different duplicates is how "alg" confusion hides. */
    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void duplicateAlgMember(SignatureAlgorithm algorithm) {
        SigningKey key = key(algorithm);
        String a = "\"alg\":\"" + alg(key) + "\"";
        for (String header : List.of(
                "{" + a + "," + a + "}",
                "{\"alg\":\"none\"," + a + "}",
                "{" + a + ",\"alg\":\"HS256\"}",
                "{" + a + ",\"\\u0061lg\":\"HS256\"}",
                "{" + a + ",\"kid\":\"a\",\"kid\":\"" + key.kid() + "\"}")) {
            assertRejected(ReasonCode.MALFORMED, verify(key, sign(key, header, PAYLOAD)));
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void deeplyNestedHeader(SignatureAlgorithm algorithm) {
        SigningKey key = key(algorithm);
        String a = "\"alg\":\"" + alg(key) + "\"";
        assertRejected(ReasonCode.MALFORMED, verify(key, sign(key, "{" + a + ",\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}", PAYLOAD)));
        assertRejected(ReasonCode.MALFORMED, verify(key, sign(key, "{" + a + ",\"x\":" + "{\"y\":".repeat(40) + "1" + "}".repeat(40) + "}", PAYLOAD)));
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void headerAlgMissingOrNotAString(SignatureAlgorithm algorithm) {
        SigningKey key = key(algorithm);
        for (String header : List.of("{}", "{\"kid\":\"" + key.kid() + "\"}", "{\"alg\":null}", "{\"alg\":1}",
                "{\"alg\":[\"" + alg(key) + "\"]}", "{\"alg\":{\"name\":\"" + alg(key) + "\"}}")) {
            assertRejected(ReasonCode.MALFORMED, verify(key, sign(key, header, PAYLOAD)));
        }
        String a = "\"alg\":\"" + alg(key) + "\"";
        assertRejected(ReasonCode.MALFORMED, verify(key, sign(key, "{" + a + ",\"kid\":7}", PAYLOAD)));
        assertRejected(ReasonCode.MALFORMED, verify(key, sign(key, "{" + a + ",\"typ\":[\"JWT\"]}", PAYLOAD)));
    }

    /** The header must be UTF-8: other encodings, a byte order mark and overlong forms are refused. */
    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void headerNotInStrictUtf8(SignatureAlgorithm algorithm) {
        SigningKey key = key(algorithm);
        String header = "{\"alg\":\"" + alg(key) + "\"}";
        for (String encoding : List.of("UTF-16LE", "UTF-16BE", "UTF-32LE")) {
            String token = signSegments(key, b64(header.getBytes(Charset.forName(encoding))), b64(PAYLOAD));
            assertRejected(ReasonCode.MALFORMED, verify(key, token));
        }
        byte[] json = utf8(header);
        byte[] bom = new byte[json.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, bom, 3, json.length);
        assertRejected(ReasonCode.MALFORMED, verify(key, signSegments(key, b64(bom), b64(PAYLOAD))));
        byte[] overlong = utf8("{\"alg\":\"" + alg(key) + "\",\"x\":\"..\"}");
        overlong[overlong.length - 4] = (byte) 0xC0;
        overlong[overlong.length - 3] = (byte) 0xAF;
        assertRejected(ReasonCode.MALFORMED, verify(key, signSegments(key, b64(overlong), b64(PAYLOAD))));
    }

    /** Nimbus checks registered members' types: a wrongly typed one is malformed, and "enc" makes it a JWE header. */
    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void registeredHeaderMembersOfTheWrongType(SignatureAlgorithm algorithm) {
        SigningKey key = key(algorithm);
        String a = "\"alg\":\"" + alg(key) + "\"";
        for (String extra : List.of("\"x5t\":5", "\"x5t#S256\":true", "\"cty\":5", "\"enc\":\"A128GCM\"")) {
            assertRejected(ReasonCode.MALFORMED, verify(key, sign(key, "{" + a + "," + extra + "}", PAYLOAD)));
        }
    }

    // --- signature values --------------------------------------------------------------

    private static final BigInteger N = P256.order();

    private static BigInteger r(byte[] sig) {
        return new BigInteger(1, Arrays.copyOfRange(sig, 0, 32));
    }

    private static BigInteger s(byte[] sig) {
        return new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
    }

    private static byte[] p1363(BigInteger r, BigInteger s) {
        byte[] out = new byte[64];
        System.arraycopy(P256.fixedLength(r), 0, out, 0, 32);
        System.arraycopy(P256.fixedLength(s), 0, out, 32, 32);
        return out;
    }

    @Test
    void ecdsaSignatureOfTheWrongLengthOrDerEncoded() throws IOException {
        String token = JwsSigner.of(ES).sign(utf8(PAYLOAD));
        byte[] sig = signature(token);
        byte[] padded = new byte[65];
        System.arraycopy(sig, 0, padded, 1, 64);
        byte[] der = StandardDSAEncoding.INSTANCE.encode(N, r(sig), s(sig));
        for (byte[] bad : List.of(Arrays.copyOf(sig, 63), Arrays.copyOfRange(sig, 1, 64), Arrays.copyOf(sig, 65), padded, der,
                new byte[1], Arrays.copyOf(sig, 128))) {
            Verification.Rejected<VerifiedJws> rejected = assertRejected(ReasonCode.SIGNATURE_INVALID, verify(ES, withSignature(token, bad)));
            assertTrue(rejected.message().contains("64"), rejected.message());
        }
        // Control: the same r and s in the 64-byte P1363 form verify.
        assertAccepted(verify(ES, withSignature(token, sig)));
    }

    @Test
    void ecdsaROrSOutOfRange() {
        String token = JwsSigner.of(ES).sign(utf8(PAYLOAD));
        byte[] sig = signature(token);
        BigInteger r = r(sig);
        BigInteger s = s(sig);
        List<byte[]> outOfRange = List.of(
                p1363(BigInteger.ZERO, s), p1363(r, BigInteger.ZERO), p1363(BigInteger.ZERO, BigInteger.ZERO),
                p1363(N, s), p1363(r, N), p1363(N, N),
                p1363(N.add(BigInteger.ONE), s),
                p1363(BigInteger.TWO.pow(256).subtract(BigInteger.ONE), s),
                p1363(r, BigInteger.TWO.pow(256).subtract(BigInteger.ONE)));
        for (byte[] bad : outOfRange) {
            Verification.Rejected<VerifiedJws> rejected = assertRejected(ReasonCode.SIGNATURE_INVALID, verify(ES, withSignature(token, bad)));
            assertTrue(rejected.message().contains("out of range"), rejected.message());
        }
        // r + n wraps to the same value mod n only when it still fits; when it does it must still be refused.
        if (r.add(N).bitLength() <= 256) {
            assertRejected(ReasonCode.SIGNATURE_INVALID, verify(ES, withSignature(token, p1363(r.add(N), s))));
        }
    }

    /** JOSE (RFC 7518 §3.4) does not require low-S: the other valid s, n - s, verifies too. */
    @Test
    void highSEcdsaSignatureIsAccepted() {
        for (int i = 0; i < 8; i++) {
            String token = JwsSigner.of(ES).sign(utf8(PAYLOAD + i));
            byte[] sig = signature(token);
            String flipped = withSignature(token, p1363(r(sig), N.subtract(s(sig))));
            assertNotEquals(token, flipped);
            assertAccepted(verify(ES, flipped));
            assertAccepted(verify(ES, token));
        }
    }

    /** RFC 8032 §5.1.7: S must be below L, so S + L (same value mod L) is refused. */
    @Test
    void ed25519SignatureWithSPlusLIsRejected() {
        BigInteger l = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
        String token = JwsSigner.of(ED).sign(utf8(PAYLOAD));
        byte[] sig = signature(token);
        byte[] sLittle = Arrays.copyOfRange(sig, 32, 64);
        BigInteger sValue = new BigInteger(1, reverse(sLittle));
        for (BigInteger bigger : List.of(sValue.add(l), sValue.add(l.shiftLeft(1)), sValue.add(l).add(l).add(l))) {
            byte[] malleated = sig.clone();
            byte[] be = P256.fixedLength(bigger);
            System.arraycopy(reverse(be), 0, malleated, 32, 32);
            assertRejected(ReasonCode.SIGNATURE_INVALID, verify(ED, withSignature(token, malleated)));
        }
        assertAccepted(verify(ED, token));
    }

    private static byte[] reverse(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        return out;
    }

    /** An attacker's own key, with the victim's kid written into the header. */
    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void signatureFromAnotherKey(SignatureAlgorithm algorithm) {
        SigningKey victim = key(algorithm);
        SigningKey attacker = SigningKey.generate(algorithm);
        String token = sign(attacker, header(victim), PAYLOAD);
        Verification.Rejected<VerifiedJws> rejected = assertRejected(ReasonCode.SIGNATURE_INVALID, verify(victim, token));
        assertTrue(rejected.message().contains("does not verify"), rejected.message());
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void payloadSwappedBetweenTwoValidTokens(SignatureAlgorithm algorithm) {
        SigningKey key = key(algorithm);
        String first = JwsSigner.of(key).sign("dc+sd-jwt", utf8("{\"sub\":\"worker-1\",\"grade\":\"FY1\"}"));
        String second = JwsSigner.of(key).sign("dc+sd-jwt", utf8("{\"sub\":\"worker-1\",\"grade\":\"ST3\"}"));
        assertAccepted(verify(key, first));
        assertAccepted(verify(key, second));
        String[] a = first.split("\\.");
        String[] b = second.split("\\.");
        assertRejected(ReasonCode.SIGNATURE_INVALID, verify(key, a[0] + "." + b[1] + "." + a[2]));
        assertRejected(ReasonCode.SIGNATURE_INVALID, verify(key, b[0] + "." + a[1] + "." + b[2]));
        // Signature moved between tokens (same header) is the same attack from the other side.
        assertRejected(ReasonCode.SIGNATURE_INVALID, verify(key, a[0] + "." + a[1] + "." + b[2]));
    }

    @Test
    void verifiedPayloadIsExactlyTheSignedBytes() {
        byte[] payload = "{\"a\":\"\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(payload, assertAccepted(verify(ES, JwsSigner.of(ES).sign(payload))).payload());
    }
}
