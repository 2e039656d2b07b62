package org.staffpass.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffpass.crypto.Tokens.assertAccepted;
import static org.staffpass.crypto.Tokens.assertRejected;
import static org.staffpass.crypto.Tokens.utf8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.P256;
import org.staffpass.crypto.internal.StrictJson;

class KeyImportTest {

    private static ReasonCode reason(Verification<?> result) {
        return assertInstanceOf(Verification.Rejected.class, result, () -> "expected a rejection, got " + result).reason();
    }

    private static ObjectNode json(String text) {
        return StrictJson.parseObject(text, "test JSON").value();
    }

    // --- RFC 8037 Appendix A -----------------------------------------------------------

    private static final String RFC8037_D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
    private static final String RFC8037_X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    private static final String RFC8037_PRIVATE = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"d\":\"" + RFC8037_D + "\",\"x\":\"" + RFC8037_X + "\"}";
    private static final String RFC8037_PUBLIC = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + RFC8037_X + "\"}";
    private static final String RFC8037_SIGNING_INPUT = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc";
    private static final String RFC8037_SIGNATURE = "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

    /** A.1 private key, A.2 its public key (x derived from d), A.3 thumbprint. */
    @Test
    void rfc8037KeysAndThumbprint() {
        SigningKey privateKey = SigningKey.fromJwk(RFC8037_PRIVATE).value();
        VerificationKey publicKey = VerificationKey.fromJwk(RFC8037_PUBLIC).value();
        assertEquals(SignatureAlgorithm.EDDSA, publicKey.algorithm());
        assertEquals(RFC8037_X, privateKey.verificationKey().toJwk().get("x").textValue());
        assertEquals("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", publicKey.thumbprint());
        assertEquals("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", privateKey.verificationKey().thumbprint());
        assertEquals(Optional.empty(), publicKey.kid());
        assertEquals("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", privateKey.kid(), "no kid in the JWK: the thumbprint");
    }

    /**
     * A.4: our signer writes a kid, so its header differs from the RFC's {"alg":"EdDSA"};
     * the raw signature over the RFC's signing input must match byte for byte, and the
     * RFC's JWS (A.5) must verify through our verifier.
     */
    @Test
    void rfc8037SignatureAndJws() {
        SigningKey privateKey = SigningKey.fromJwk(RFC8037_PRIVATE).value();
        assertEquals("{\"alg\":\"EdDSA\"}", new String(Base64Url.decode("eyJhbGciOiJFZERTQSJ9").orElseThrow(), StandardCharsets.UTF_8));
        byte[] signature = privateKey.signRaw(RFC8037_SIGNING_INPUT.getBytes(StandardCharsets.US_ASCII));
        assertEquals(RFC8037_SIGNATURE, Base64Url.encode(signature));

        String rfcJws = RFC8037_SIGNING_INPUT + "." + RFC8037_SIGNATURE;
        VerifiedJws verified = assertAccepted(JwsVerifier.of(VerificationKey.fromJwk(RFC8037_PUBLIC).value()).verify(rfcJws));
        assertEquals("Example of Ed25519 signing", verified.payloadText());
        // The signing key's verification half carries a kid; a header without kid still selects it.
        assertAccepted(JwsVerifier.of(privateKey.verificationKey()).verify(rfcJws));
        // Our own signer with the RFC key verifies too (its header has kid, so the bytes differ).
        String ours = JwsSigner.of(privateKey).sign(utf8("Example of Ed25519 signing"));
        assertNotEquals(rfcJws, ours);
        assertAccepted(JwsVerifier.of(VerificationKey.fromJwk(RFC8037_PUBLIC).value()).verify(ours));
    }

    // --- RFC 7515 Appendix A.3 ---------------------------------------------------------

    private static final String RFC7515_EC_X = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
    private static final String RFC7515_EC_Y = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0";
    private static final String RFC7515_EC_D = "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI";
    private static final String RFC7515_A3_JWS = "eyJhbGciOiJFUzI1NiJ9"
            + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
            + ".DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";

    @Test
    void rfc7515EcdsaExampleVerifiesWithItsKey() {
        VerificationKey key = VerificationKey.fromJwk(
                "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + RFC7515_EC_X + "\",\"y\":\"" + RFC7515_EC_Y + "\"}").value();
        VerifiedJws verified = assertAccepted(JwsVerifier.of(key).verify(RFC7515_A3_JWS));
        assertEquals("{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}", verified.payloadText());

        SigningKey privateKey = SigningKey.fromJwk("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + RFC7515_EC_X
                + "\",\"y\":\"" + RFC7515_EC_Y + "\",\"d\":\"" + RFC7515_EC_D + "\"}").value();
        assertEquals(key.thumbprint(), privateKey.verificationKey().thumbprint());
        assertAccepted(JwsVerifier.of(privateKey.verificationKey()).verify(RFC7515_A3_JWS));
        // Tampered control: one payload character changed.
        String tampered = RFC7515_A3_JWS.replace(".eyJpc3MiOiJqb2Ui", ".eyJpc3MiOiJqb2Uj");
        assertRejected(ReasonCode.SIGNATURE_INVALID, JwsVerifier.of(key).verify(tampered));
    }

    // --- RFC 7638 thumbprints ----------------------------------------------------------

    /** RFC 7638 §3.2: required members only, lexicographic order, no white space, SHA-256, base64url. */
    private static String thumbprintByHand(ObjectNode jwk) throws Exception {
        String canonical = jwk.get("kty").textValue().equals("EC")
                ? "{\"crv\":\"" + jwk.get("crv").textValue() + "\",\"kty\":\"EC\",\"x\":\"" + jwk.get("x").textValue()
                        + "\",\"y\":\"" + jwk.get("y").textValue() + "\"}"
                : "{\"crv\":\"" + jwk.get("crv").textValue() + "\",\"kty\":\"OKP\",\"x\":\"" + jwk.get("x").textValue() + "\"}";
        return Base64Url.encode(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rfc7638EcThumbprintMatchesTheOneComputedByHand() throws Exception {
        ObjectNode jwk = json("{\"y\":\"" + RFC7515_EC_Y + "\",\"use\":\"sig\",\"kid\":\"k-1\",\"x\":\"" + RFC7515_EC_X
                + "\",\"crv\":\"P-256\",\"kty\":\"EC\"}");
        VerificationKey key = VerificationKey.fromJwk(jwk).value();
        assertEquals(thumbprintByHand(jwk), key.thumbprint());
        // Also computed outside Java (Python hashlib) from the same canonical JSON.
        assertEquals("oKIywvGUpTVTyxMQ3bwIIeQUudfr_CkLMjCE19ECD-U", key.thumbprint());
        // kid, use and member order do not change the thumbprint.
        VerificationKey bare = VerificationKey.fromJwk("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + RFC7515_EC_X
                + "\",\"y\":\"" + RFC7515_EC_Y + "\"}").value();
        assertEquals(key.thumbprint(), bare.thumbprint());
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void generatedKidIsTheThumbprint(SignatureAlgorithm algorithm) throws Exception {
        SigningKey key = SigningKey.generate(algorithm);
        assertEquals(key.verificationKey().thumbprint(), key.kid());
        assertEquals(Optional.of(key.kid()), key.verificationKey().kid());
        assertEquals(thumbprintByHand(key.verificationKey().toJwk()), key.kid());
        assertEquals(key.kid(), key.verificationKey().toJwk().get("kid").textValue());
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void importedJwkKeepsItsOwnKid(SignatureAlgorithm algorithm) {
        SigningKey generated = SigningKey.generate(algorithm);
        ObjectNode publicJwk = generated.verificationKey().toJwk().put("kid", "trust-2026-01");
        VerificationKey key = VerificationKey.fromJwk(publicJwk).value();
        assertEquals(Optional.of("trust-2026-01"), key.kid());
        assertEquals(generated.verificationKey().thumbprint(), key.thumbprint());
        assertEquals("trust-2026-01", key.toJwk().get("kid").textValue());

        ObjectNode privateJwk = json(generated.toPrivateJwkJson()).put("kid", "trust-2026-01");
        SigningKey signing = SigningKey.fromJwk(privateJwk.toString()).value();
        assertEquals("trust-2026-01", signing.kid());
        VerifiedJws verified = assertAccepted(JwsVerifier.of(key).verify(JwsSigner.of(signing).sign(new byte[] {1})));
        assertEquals(Optional.of("trust-2026-01"), verified.kid());
    }

    // --- usage, private material, unsupported, malformed -------------------------------

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void keyMarkedForSomethingElse(SignatureAlgorithm algorithm) {
        SigningKey generated = SigningKey.generate(algorithm);
        ObjectNode jwk = generated.verificationKey().toJwk();
        jwk.remove("alg");
        jwk.remove("use");
        assertEquals(ReasonCode.KEY_USAGE_NOT_ALLOWED, reason(VerificationKey.fromJwk(jwk.deepCopy().put("use", "enc"))));
        assertEquals(ReasonCode.KEY_USAGE_NOT_ALLOWED, reason(VerificationKey.fromJwk(jwk.deepCopy().put("use", "SIG"))));
        ObjectNode opsWithoutVerify = jwk.deepCopy();
        opsWithoutVerify.putArray("key_ops").add("sign").add("encrypt");
        assertEquals(ReasonCode.KEY_USAGE_NOT_ALLOWED, reason(VerificationKey.fromJwk(opsWithoutVerify)));
        ObjectNode emptyOps = jwk.deepCopy();
        emptyOps.putArray("key_ops");
        assertEquals(ReasonCode.KEY_USAGE_NOT_ALLOWED, reason(VerificationKey.fromJwk(emptyOps)));
        for (String alg : List.of("RS256", "HS256", "none", algorithm == SignatureAlgorithm.ES256 ? "EdDSA" : "ES256")) {
            assertEquals(ReasonCode.KEY_USAGE_NOT_ALLOWED, reason(VerificationKey.fromJwk(jwk.deepCopy().put("alg", alg))), alg);
        }
        ObjectNode verifyOps = jwk.deepCopy().put("use", "sig").put("alg", algorithm.jwsName());
        verifyOps.putArray("key_ops").add("verify");
        assertAccepted(VerificationKey.fromJwk(verifyOps));
        // A signing key needs "sign" in key_ops.
        ObjectNode privateJwk = json(generated.toPrivateJwkJson());
        privateJwk.putArray("key_ops").add("verify");
        assertEquals(ReasonCode.KEY_USAGE_NOT_ALLOWED, reason(SigningKey.fromJwk(privateJwk.toString())));
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void privateMaterialInAVerificationKey(SignatureAlgorithm algorithm) {
        SigningKey generated = SigningKey.generate(algorithm);
        assertEquals(ReasonCode.KEY_PRIVATE_MATERIAL, reason(VerificationKey.fromJwk(generated.toPrivateJwkJson())));
        // Even a d that does not belong to the key is refused as private material, not used.
        ObjectNode wrongD = generated.verificationKey().toJwk().put("d", Base64Url.encode(new byte[32]));
        assertEquals(ReasonCode.KEY_PRIVATE_MATERIAL, reason(VerificationKey.fromJwk(wrongD)));
        // A public key is not a signing key.
        assertEquals(ReasonCode.KEY_MALFORMED, reason(SigningKey.fromJwk(generated.verificationKey().toJwkJson())));
    }

    @Test
    void keyTypesAndCurvesWeNeverUse() throws Exception {
        Map<String, String> unsupported = new LinkedHashMap<>();
        unsupported.put("RSA", "{\"kty\":\"RSA\",\"n\":\"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw\",\"e\":\"AQAB\"}");
        unsupported.put("oct", "{\"kty\":\"oct\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\"}");
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp384r1"));
        unsupported.put("P-384", new ECKey.Builder(Curve.P_384, (ECPublicKey) ec.generateKeyPair().getPublic()).build().toJSONString());
        unsupported.put("X25519", new OctetKeyPair.Builder(Curve.X25519, Base64URL.encode(new byte[32])).build().toJSONString());
        unsupported.put("Ed448", new OctetKeyPair.Builder(Curve.Ed448, Base64URL.encode(new byte[57])).build().toJSONString());
        // secp256k1's generator: a real point, so the curve (not the point) is what is refused.
        org.bouncycastle.math.ec.ECPoint k1 = org.bouncycastle.crypto.ec.CustomNamedCurves.getByName("secp256k1").getG().normalize();
        unsupported.put("secp256k1", "{\"kty\":\"EC\",\"crv\":\"secp256k1\",\"x\":\""
                + Base64Url.encode(P256.fixedLength(k1.getAffineXCoord().toBigInteger())) + "\",\"y\":\""
                + Base64Url.encode(P256.fixedLength(k1.getAffineYCoord().toBigInteger())) + "\"}");
        for (Map.Entry<String, String> entry : unsupported.entrySet()) {
            assertEquals(ReasonCode.KEY_UNSUPPORTED, reason(VerificationKey.fromJwk(entry.getValue())), entry.getKey());
        }
    }

    @Test
    void malformedKeys() {
        SigningKey es = SigningKey.generate(SignatureAlgorithm.ES256);
        ObjectNode jwk = es.verificationKey().toJwk();
        byte[] y = Base64Url.decode(jwk.get("y").textValue()).orElseThrow();
        byte[] offCurve = y.clone();
        offCurve[31] ^= 1;
        assertEquals(ReasonCode.KEY_MALFORMED, reason(VerificationKey.fromJwk(jwk.deepCopy().put("y", Base64Url.encode(offCurve)))));
        assertEquals(ReasonCode.KEY_MALFORMED, reason(VerificationKey.fromJwk(jwk.deepCopy().put("x", Base64Url.encode(new byte[32]))
                .put("y", Base64Url.encode(new byte[32])))), "the point at (0, 0)");
        assertEquals(ReasonCode.KEY_MALFORMED, reason(VerificationKey.fromJwk(jwk.deepCopy().put("y", Base64Url.encode(Arrays.copyOf(y, 31))))));
        assertEquals(ReasonCode.KEY_MALFORMED, reason(VerificationKey.fromJwk(jwk.deepCopy().put("x", Base64Url.encode(new byte[33])))));
        ObjectNode noY = jwk.deepCopy();
        noY.remove("y");
        assertEquals(ReasonCode.KEY_MALFORMED, reason(VerificationKey.fromJwk(noY)));
        ObjectNode noKty = jwk.deepCopy();
        noKty.remove("kty");
        assertEquals(ReasonCode.KEY_MALFORMED, reason(VerificationKey.fromJwk(noKty)));
        assertEquals(ReasonCode.KEY_MALFORMED, reason(VerificationKey.fromJwk(jwk.deepCopy().put("kid", 5))));

        // A point whose x starts with a zero byte, written with that byte dropped: on the curve, but 31 bytes.
        SigningKey leadingZero;
        do {
            leadingZero = SigningKey.generate(SignatureAlgorithm.ES256);
        } while (Base64Url.decode(leadingZero.verificationKey().toJwk().get("x").textValue()).orElseThrow()[0] != 0);
        ObjectNode shortX = leadingZero.verificationKey().toJwk();
        byte[] x = Base64Url.decode(shortX.get("x").textValue()).orElseThrow();
        shortX.put("x", Base64Url.encode(Arrays.copyOfRange(x, 1, 32)));
        assertEquals(ReasonCode.KEY_MALFORMED, reason(VerificationKey.fromJwk(shortX)), "31-byte x of a real point");

        // d that is not the key's, d out of range, d of the wrong length.
        ObjectNode otherD = json(es.toPrivateJwkJson()).put("d", json(SigningKey.generate(SignatureAlgorithm.ES256).toPrivateJwkJson()).get("d").textValue());
        assertEquals(ReasonCode.KEY_MALFORMED, reason(SigningKey.fromJwk(otherD.toString())));
        assertEquals(ReasonCode.KEY_MALFORMED, reason(SigningKey.fromJwk(json(es.toPrivateJwkJson()).put("d", Base64Url.encode(P256.fixedLength(P256.order()))).toString())));
        assertEquals(ReasonCode.KEY_MALFORMED, reason(SigningKey.fromJwk(json(es.toPrivateJwkJson()).put("d", Base64Url.encode(new byte[32])).toString())));
        assertEquals(ReasonCode.KEY_MALFORMED, reason(SigningKey.fromJwk(json(es.toPrivateJwkJson()).put("d", Base64Url.encode(new byte[31])).toString())));

        SigningKey ed = SigningKey.generate(SignatureAlgorithm.EDDSA);
        ObjectNode edJwk = ed.verificationKey().toJwk();
        assertEquals(ReasonCode.KEY_MALFORMED, reason(VerificationKey.fromJwk(edJwk.deepCopy().put("x", Base64Url.encode(new byte[31])))));
        byte[] identity = new byte[32];
        identity[0] = 1;
        assertEquals(ReasonCode.KEY_MALFORMED, reason(VerificationKey.fromJwk(edJwk.deepCopy().put("x", Base64Url.encode(identity)))),
                "the small-order identity point");
        ObjectNode edOtherD = json(ed.toPrivateJwkJson()).put("d", json(SigningKey.generate(SignatureAlgorithm.EDDSA).toPrivateJwkJson()).get("d").textValue());
        assertEquals(ReasonCode.KEY_MALFORMED, reason(SigningKey.fromJwk(edOtherD.toString())));
        assertEquals(ReasonCode.KEY_MALFORMED, reason(SigningKey.fromJwk(json(ed.toPrivateJwkJson()).put("d", Base64Url.encode(new byte[31])).toString())));
    }

    /** ReasonCode documents KEY_MALFORMED for "bad JSON": a key document that is not a JSON object is a malformed key. */
    @Test
    void keyDocumentThatIsNotAJsonObjectIsKeyMalformed() {
        for (String document : List.of("", "not json", "[]", "{\"kty\":\"EC\",\"kty\":\"OKP\"}", "{\"kty\":\"EC\"} x")) {
            assertEquals(ReasonCode.KEY_MALFORMED, reason(VerificationKey.fromJwk(document)), document);
            assertEquals(ReasonCode.KEY_MALFORMED, reason(SigningKey.fromJwk(document)), document);
        }
    }

    /** One key, one thumbprint: a re-spelled coordinate would otherwise import under another kid. */
    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void nonCanonicalBase64urlInKeyMembersIsMalformed(SignatureAlgorithm algorithm) {
        SigningKey key = keyWithUrlSafeCharacters(algorithm);
        ObjectNode publicJwk = key.verificationKey().toJwk();
        ObjectNode privateJwk = json(key.toPrivateJwkJson());
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

    /** 32 bytes are 43 characters whose last holds 4 data bits and 2 zero bits. */
    private static String[] nonCanonicalSpellings(String canonical) {
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

    // --- PKCS#12 -----------------------------------------------------------------------

    private static final char[] PASSWORD = "correct horse".toCharArray();

    private static KeyPair keyPair(String algorithm) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.startsWith("EC") ? "EC" : algorithm);
        if (algorithm.equals("EC")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else if (algorithm.equals("EC-P384")) {
            generator.initialize(new ECGenParameterSpec("secp384r1"));
        } else if (algorithm.equals("RSA")) {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    private static X509Certificate selfSigned(KeyPair pair) throws Exception {
        String signatureAlgorithm = switch (pair.getPrivate().getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> "Ed25519";
        };
        X500Name name = new X500Name("CN=Staffpass test issuer");
        Date from = new Date(1_767_225_600_000L); // 2026-01-01
        Date to = new Date(1_798_761_600_000L);   // 2027-01-01
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.ONE, from, to, name, pair.getPublic())
                .build(new JcaContentSignerBuilder(signatureAlgorithm).build(pair.getPrivate())));
    }

    private record Entry(String alias, KeyPair pair, X509Certificate certificate) {
    }

    private static Entry entry(String alias, String algorithm) throws Exception {
        KeyPair pair = keyPair(algorithm);
        return new Entry(alias, pair, selfSigned(pair));
    }

    private static byte[] keystore(Entry... entries) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (Entry entry : entries) {
            store.setKeyEntry(entry.alias(), entry.pair().getPrivate(), PASSWORD, new Certificate[] {entry.certificate()});
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, PASSWORD);
        return out.toByteArray();
    }

    /** The certificate's public key as a JWK: what a relying party would pin. */
    private static VerificationKey fromCertificate(X509Certificate certificate) {
        PublicKey publicKey = certificate.getPublicKey();
        if (publicKey instanceof ECPublicKey ec) {
            return VerificationKey.fromJwk("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\""
                    + Base64Url.encode(P256.fixedLength(ec.getW().getAffineX())) + "\",\"y\":\""
                    + Base64Url.encode(P256.fixedLength(ec.getW().getAffineY())) + "\"}").value();
        }
        byte[] spki = publicKey.getEncoded();
        return VerificationKey.fromJwk("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\""
                + Base64Url.encode(Arrays.copyOfRange(spki, spki.length - 32, spki.length)) + "\"}").value();
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void pkcs12ImportSignsTokensTheCertificateKeyVerifies(SignatureAlgorithm algorithm) throws Exception {
        Entry entry = entry("issuer", algorithm == SignatureAlgorithm.ES256 ? "EC" : "Ed25519");
        byte[] store = keystore(entry);
        VerificationKey certificateKey = fromCertificate(entry.certificate());
        for (Optional<String> alias : List.of(Optional.of("issuer"), Optional.<String>empty())) {
            SigningKey key = SigningKey.fromPkcs12(store, PASSWORD, alias).value();
            assertEquals(algorithm, key.algorithm());
            assertEquals(certificateKey.thumbprint(), key.kid(), "kid is the thumbprint");
            String token = JwsSigner.of(key).sign("dc+sd-jwt", utf8("{\"sub\":\"w\"}"));
            assertAccepted(JwsVerifier.of(certificateKey).verify(token));
        }
    }

    @Test
    void pkcs12Refusals() throws Exception {
        Entry ec = entry("ec", "EC");
        Entry ed = entry("ed", "Ed25519");
        byte[] one = keystore(ec);
        assertEquals(ReasonCode.KEY_MALFORMED, reason(SigningKey.fromPkcs12(one, "wrong".toCharArray(), Optional.empty())));
        assertEquals(ReasonCode.KEY_MALFORMED, reason(SigningKey.fromPkcs12(one, PASSWORD, Optional.of("missing"))));
        assertEquals(ReasonCode.KEY_MALFORMED, reason(SigningKey.fromPkcs12(new byte[] {0x30, 0x03, 1, 2, 3}, PASSWORD, Optional.empty())));
        assertEquals(ReasonCode.KEY_MALFORMED, reason(SigningKey.fromPkcs12(new byte[0], PASSWORD, Optional.empty())));

        byte[] two = keystore(ec, ed);
        Verification.Rejected<SigningKey> ambiguous = assertRejected(ReasonCode.KEY_MALFORMED,
                SigningKey.fromPkcs12(two, PASSWORD, Optional.empty()));
        assertTrue(ambiguous.message().contains("alias"), ambiguous.message());
        assertEquals(SignatureAlgorithm.EDDSA, SigningKey.fromPkcs12(two, PASSWORD, Optional.of("ed")).value().algorithm());
        assertEquals(SignatureAlgorithm.ES256, SigningKey.fromPkcs12(two, PASSWORD, Optional.of("ec")).value().algorithm());

        assertEquals(ReasonCode.KEY_UNSUPPORTED, reason(SigningKey.fromPkcs12(keystore(entry("rsa", "RSA")), PASSWORD, Optional.empty())));
        assertEquals(ReasonCode.KEY_UNSUPPORTED, reason(SigningKey.fromPkcs12(keystore(entry("p384", "EC-P384")), PASSWORD, Optional.empty())));
    }

    /** Messages may reach logs and one-line CLI errors: attacker text in them is cut short and stripped of controls. */
    @Test
    void messagesDoNotEchoAttackerControlledText() {
        String injected = "RSA\nstaffpass: key file accepted\r\n" + "x".repeat(500);
        ObjectNode jwk = StrictJson.object().put("kty", injected).put("n", "AQAB").put("e", "AQAB");
        Verification.Rejected<VerificationKey> rejected = assertRejected(ReasonCode.KEY_UNSUPPORTED, VerificationKey.fromJwk(jwk));
        assertFalse(rejected.message().chars().anyMatch(Character::isISOControl), rejected.message());
        assertTrue(rejected.message().length() < 120, rejected.message());
        // An honest value is still named, which is what makes the message useful.
        Verification.Rejected<VerificationKey> rsa = assertRejected(ReasonCode.KEY_UNSUPPORTED,
                VerificationKey.fromJwk(StrictJson.object().put("kty", "RSA").put("n", "AQAB").put("e", "AQAB")));
        assertTrue(rsa.message().contains("RSA"), rsa.message());
    }

    /** A corrupt or crafted keystore whose EC scalar is 0 or not below n is a rejection, not an exception. */
    @Test
    void pkcs12EcScalarOutOfRangeIsMalformed() throws Exception {
        Entry valid = entry("k", "EC");
        java.security.spec.ECParameterSpec params = ((java.security.interfaces.ECPrivateKey) valid.pair().getPrivate()).getParams();
        BigInteger n = params.getOrder();
        for (BigInteger d : List.of(BigInteger.ZERO, n, n.add(BigInteger.ONE), BigInteger.TWO.pow(256).subtract(BigInteger.ONE))) {
            java.security.PrivateKey bad = java.security.KeyFactory.getInstance("EC")
                    .generatePrivate(new java.security.spec.ECPrivateKeySpec(d, params));
            byte[] store = keystore(new Entry("k", new KeyPair(valid.pair().getPublic(), bad), valid.certificate()));
            assertEquals(ReasonCode.KEY_MALFORMED, reason(SigningKey.fromPkcs12(store, PASSWORD, Optional.empty())), d.toString(16));
        }
    }

    // --- secrets stay quiet ------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void toStringNeverShowsKeyMaterial(SignatureAlgorithm algorithm) {
        SigningKey key = SigningKey.generate(algorithm);
        ObjectNode privateJwk = json(key.toPrivateJwkJson());
        String d = privateJwk.get("d").textValue();
        String x = privateJwk.get("x").textValue();
        for (String shown : List.of(key.toString(), key.verificationKey().toString(),
                JwsVerifier.of(key.verificationKey()).verify(JwsSigner.of(key).sign(new byte[] {1})).toString())) {
            assertFalse(shown.contains(d), shown);
            assertFalse(shown.contains(x), shown);
            assertFalse(shown.contains(x.substring(0, 16)), shown);
            assertTrue(shown.contains(algorithm.jwsName()), shown);
        }
        byte[] dBytes = Base64Url.decode(d).orElseThrow();
        String hexD = java.util.HexFormat.of().formatHex(dBytes);
        assertFalse(key.toString().toLowerCase().contains(hexD));
        assertArrayEquals(dBytes, Base64Url.decode(d).orElseThrow());
    }
}
