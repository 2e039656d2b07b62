package org.staffpass.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import org.staffpass.crypto.internal.Base64Url;

/** Hand-built compact JWS for attack and property tests: any header, any spelling, a real signature. */
final class Tokens {
    private Tokens() {
    }

    static String b64(String text) {
        return Base64Url.encode(text.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(byte[] bytes) {
        return Base64Url.encode(bytes);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code header.payload} as given, signed by {@code key} over exactly those characters. */
    static String signSegments(SigningKey key, String headerSegment, String payloadSegment) {
        String signingInput = headerSegment + "." + payloadSegment;
        return signingInput + "." + b64(key.signRaw(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /** A validly signed token with {@code headerJson} verbatim as its header. */
    static String sign(SigningKey key, String headerJson, byte[] payload) {
        return signSegments(key, b64(headerJson), b64(payload));
    }

    static String sign(SigningKey key, String headerJson, String payload) {
        return sign(key, headerJson, utf8(payload));
    }

    /** The header our own signer would write for {@code key}, as JSON text. */
    static String header(SigningKey key) {
        return "{\"alg\":\"" + key.algorithm().jwsName() + "\",\"kid\":\"" + key.kid() + "\"}";
    }

    /** The token with its signature segment replaced. */
    static String withSignature(String token, byte[] signature) {
        return token.substring(0, token.lastIndexOf('.') + 1) + b64(signature);
    }

    static byte[] signature(String token) {
        return Base64Url.decode(token.substring(token.lastIndexOf('.') + 1)).orElseThrow();
    }

    static <T> Verification.Rejected<T> assertRejected(ReasonCode expected, Verification<T> result) {
        @SuppressWarnings("unchecked")
        Verification.Rejected<T> rejected = assertInstanceOf(Verification.Rejected.class, result,
                () -> "expected " + expected + " but was " + result);
        assertEquals(expected, rejected.reason(), rejected::message);
        return rejected;
    }

    static <T> T assertAccepted(Verification<T> result) {
        @SuppressWarnings("unchecked")
        Verification.Accepted<T> accepted = assertInstanceOf(Verification.Accepted.class, result,
                () -> "expected acceptance but was " + result);
        return accepted.value();
    }
}
