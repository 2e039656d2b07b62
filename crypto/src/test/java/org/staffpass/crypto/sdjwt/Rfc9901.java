package org.staffpass.crypto.sdjwt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.internal.StrictJson;

/** The RFC 9901 examples under src/test/resources/sdjwt/rfc9901 (see the README there). */
final class Rfc9901 {
    /** The KB-JWTs' {@code iat}: 2025-05-27T16:05:41Z. */
    static final Instant KB_IAT = Instant.ofEpochSecond(1_748_361_941L);
    static final String AUDIENCE = "https://verifier.example.org";
    static final String NONCE = "1234567890";

    private Rfc9901() {
    }

    /** A resource's text; with {@code compact}, all white space (the RFC's line breaks) removed. */
    static String text(String name, boolean compact) {
        try (InputStream in = Rfc9901.class.getResourceAsStream("/sdjwt/rfc9901/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test vector " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return compact ? text.replaceAll("\\s+", "") : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String compact(String name) {
        return text(name, true);
    }

    static ObjectNode json(String name) {
        return StrictJson.parseObject(text(name, false), name).value();
    }

    static VerificationKey issuerKey() {
        return VerificationKey.fromJwk(text("issuer-key.json", false)).value();
    }

    static Clock clock() {
        return Clock.fixed(KB_IAT, ZoneOffset.UTC);
    }

    static SdJwtVerifier verifier() {
        return SdJwtVerifier.builder().issuerKey(issuerKey()).clock(clock()).build();
    }
}
