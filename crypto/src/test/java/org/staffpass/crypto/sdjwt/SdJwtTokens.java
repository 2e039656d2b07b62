package org.staffpass.crypto.sdjwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.staffpass.crypto.JwsSigner;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.StrictJson;

/** Hand-built SD-JWT parts for attack tests: any payload, any disclosure, real signatures. */
final class SdJwtTokens {
    static final SigningKey ISSUER = SigningKey.generate(SignatureAlgorithm.ES256);
    static final SigningKey HOLDER = SigningKey.generate(SignatureAlgorithm.ES256);
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String AUD = "https://verifier.example";
    static final String NONCE = "n-0S6_WzA2Mj";

    private SdJwtTokens() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    static String b64(String text) {
        return Base64Url.encode(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A property disclosure {@code [salt, name, value]} encoded as the issuer would. */
    static String disclosure(String salt, String name, JsonNode value) {
        return b64(StrictJson.write(array().add(salt).add(name).add(value)));
    }

    /** An array-element disclosure {@code [salt, value]}. */
    static String element(String salt, JsonNode value) {
        return b64(StrictJson.write(array().add(salt).add(value)));
    }

    static String digest(String ascii) {
        return digest("SHA-256", ascii);
    }

    static String digest(String jcaName, String ascii) {
        try {
            return Base64Url.encode(MessageDigest.getInstance(jcaName).digest(ascii.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims with the usual registered ones and the holder key, ready for more. */
    static ObjectNode baseClaims() {
        ObjectNode claims = object();
        claims.put("iss", "https://issuer.example").put("iat", NOW.getEpochSecond() - 60).put("exp", NOW.getEpochSecond() + 3600);
        claims.putObject("cnf").set("jwk", HOLDER.verificationKey().toJwk());
        return claims;
    }

    /** The issuer JWT over {@code payload} exactly as given (typ dc+sd-jwt). */
    static String sign(ObjectNode payload) {
        return sign(StrictJson.write(payload));
    }

    static String sign(String payloadJson) {
        return JwsSigner.of(ISSUER).sign("dc+sd-jwt", payloadJson.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code jwt~d1~...~dn~}. */
    static String sdJwt(String jwt, String... disclosures) {
        StringBuilder out = new StringBuilder(jwt).append('~');
        for (String d : disclosures) {
            out.append(d).append('~');
        }
        return out.toString();
    }

    /** A KB-JWT payload for {@code sdJwt}, correct in every respect (the test then spoils one). */
    static ObjectNode kbClaims(String sdJwt) {
        ObjectNode claims = object();
        claims.put("nonce", NONCE).put("aud", AUD).put("iat", NOW.getEpochSecond()).put("sd_hash", digest(sdJwt));
        return claims;
    }

    static String kb(SigningKey holder, String typ, ObjectNode claims) {
        return JwsSigner.of(holder).sign(typ, StrictJson.write(claims).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code sdJwt} with a correct KB-JWT by {@link #HOLDER}. */
    static String withKb(String sdJwt) {
        return sdJwt + kb(HOLDER, "kb+jwt", kbClaims(sdJwt));
    }

    static SdJwtVerifier verifier() {
        return SdJwtVerifier.builder().issuerKey(ISSUER.verificationKey()).clock(CLOCK).build();
    }

    static Verification<VerifiedSdJwt> verify(String presentation) {
        return verifier().verify(presentation, KeyBinding.optional());
    }

    static Verification<VerifiedSdJwt> verifyBound(String presentation) {
        return verifier().verify(presentation, KeyBinding.required(AUD, NONCE));
    }

    static <T> Verification.Rejected<T> assertRejected(ReasonCode expected, Verification<T> result) {
        @SuppressWarnings("unchecked")
        Verification.Rejected<T> rejected = assertInstanceOf(Verification.Rejected.class, result,
                () -> "expected " + expected + " but was " + result);
        assertEquals(expected, rejected.reason(), rejected::message);
        return rejected;
    }

    static VerifiedSdJwt assertAccepted(Verification<VerifiedSdJwt> result) {
        if (result instanceof Verification.Rejected<VerifiedSdJwt> r) {
            throw new AssertionError("rejected " + r.reason() + ": " + r.message());
        }
        return result.value();
    }
}
