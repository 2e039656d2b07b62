package org.staffpass.crypto.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.staffpass.crypto.JwsSigner;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.internal.StrictJson;

/** Shared fixtures: a fixed instant, hand-made claims, and a clock tests can move. */
final class TestTokens {
    static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");
    static final String URI = "https://trust.example.nhs.uk/statuslists/1";

    private TestTokens() {
    }

    /** Claims of a minimal valid token issued at {@code iat} with a hand-given {@code lst}. */
    static ObjectNode claims(Instant iat, int bits, String lst) {
        ObjectNode claims = StrictJson.object();
        claims.put("sub", URI);
        claims.put("iat", iat.getEpochSecond());
        claims.putObject("status_list").put("bits", bits).put("lst", lst);
        return claims;
    }

    /** Signs hand-made claims as a status list token, bypassing every check of StatusListSigner. */
    static String sign(SigningKey key, ObjectNode claims) {
        return sign(key, StatusListVerifier.TYPE, StrictJson.write(claims));
    }

    static String sign(SigningKey key, String typ, String payload) {
        return JwsSigner.of(key).sign(typ, payload.getBytes(StandardCharsets.UTF_8));
    }

    static Clock fixed(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    static <T> ReasonCode reason(Verification<T> result) {
        if (result instanceof Verification.Rejected<T> rejected) {
            return rejected.reason();
        }
        throw new AssertionError("expected a rejection, got " + result);
    }

    /** A clock a test sets; one per test, never shared. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            this.now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
