package org.staffpass.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.trust.ResolvedKey;
import org.staffpass.crypto.trust.TrustAnchors;
import org.staffpass.crypto.trust.TrustList;
import org.staffpass.crypto.trust.TrustedIssuer;

/** The "Using it" example of docs/trust-lists.md, run through the public API only. */
class TrustListExampleTest {

    @Test
    void operatorSignsVerifierPinsLoadsAndResolves() {
        Clock clock = Clock.fixed(Instant.parse("2025-06-02T09:00:00Z"), ZoneOffset.UTC);
        Instant now = Instant.parse("2025-06-01T00:00:00Z");
        Instant since = Instant.parse("2025-01-01T00:00:00Z");
        SigningKey operatorKey = SigningKey.generate(SignatureAlgorithm.ES256);
        VerificationKey operatorRoot = operatorKey.verificationKey();
        SigningKey issuerKey = SigningKey.generate(SignatureAlgorithm.EDDSA);
        VerificationKey issuerPublicKey = issuerKey.verificationKey();
        long persistedSequence = 42;

        // Operator: author and sign (the builder enforces the same rules as the reader).
        String jws = TrustList.builder()
                .operator("https://trust.scheme.example").sequence(43)
                .issuedAt(now).expiresAt(now.plus(Duration.ofDays(7)))
                .issuer(TrustedIssuer.builder().id("https://issuer.example").name("Example Issuer")
                        .organisationCode("ABC01").status(TrustedIssuer.Status.ACTIVE).validFrom(since)
                        .credentialType("https://types.example/registration").key(issuerPublicKey).build())
                .build()
                .sign(operatorKey);

        // Verifier: pin roots, load, resolve.
        TrustAnchors anchors = TrustAnchors.builder()
                .pinnedRoots(List.of(operatorRoot)).clock(clock).minimumSequence(persistedSequence).build();
        Verification<TrustList> loaded = anchors.update(jws);
        Verification<ResolvedKey> key = anchors.resolve("https://issuer.example", issuerKey.kid(),
                "https://types.example/registration", clock.instant());

        assertTrue(loaded.isAccepted());
        assertEquals(issuerPublicKey, key.value().key());
        assertEquals("ABC01", key.value().issuer().organisationCode());
    }
}
