package org.staffpass.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.status.StatusList;
import org.staffpass.crypto.status.StatusListSigner;
import org.staffpass.crypto.status.TokenStatus;
import org.staffpass.crypto.trust.TrustList;
import org.staffpass.crypto.trust.TrustedIssuer;
import org.staffpass.passport.VerifiedPassport;
import org.staffpass.passport.credential.CredentialType;

/** The user-path examples the docs quote, run end to end: issue, present, verify. */
class UserPathExamplesTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String STATUS_URI = "https://staffpass.example/status/lead-employer/1";

    private final SigningKey operator = SigningKey.generate(SignatureAlgorithm.ES256);
    private final SigningKey leadEmployer = SigningKey.generate(SignatureAlgorithm.EDDSA);
    private final SigningKey worker = SigningKey.generate(SignatureAlgorithm.EDDSA);

    private String trustList() {
        return TrustList.builder().operator("https://staffpass.example/scheme/test").sequence(1)
                .issuedAt(NOW.minus(Duration.ofDays(1))).expiresAt(NOW.plus(Duration.ofDays(30)))
                .issuer(TrustedIssuer.builder().id("https://staffpass.example/issuers/lead-employer").name("Lead employer")
                        .organisationCode("RL1").status(TrustedIssuer.Status.ACTIVE)
                        .validFrom(NOW.minus(Duration.ofDays(100))).credentialType(CredentialType.DBS_CHECK.vct())
                        .key(leadEmployer.verificationKey()).build())
                .build().sign(operator);
    }

    private Map<String, String> statusLists(TokenStatus statusOfIndex5) {
        StatusList list = StatusList.builder(1, 64).set(5, statusOfIndex5).build();
        return Map.of("lead.jwt", StatusListSigner.builder().key(leadEmployer).clock(CLOCK).build().sign(STATUS_URI, list));
    }

    private Object run(String audience, TokenStatus status) {
        String credential = IssuerExample.issueDbsCheck(leadEmployer, worker.verificationKey(), 5, CLOCK);
        String presentation = WalletExample.present(worker, List.of(credential), audience, "n-123", CLOCK);
        return VerifyingTrustExample.verify(trustList(), operator.verificationKey(), statusLists(status),
                List.of(leadEmployer.verificationKey()), presentation, "n-123", CLOCK);
    }

    @Test
    void aCredentialIssuedPresentedAndVerifiedOfflineDisclosesOnlyWhatWasAsked() {
        VerifiedPassport passport = assertInstanceOf(VerifiedPassport.class, run("RA1", TokenStatus.VALID));
        assertEquals(1, passport.credentials().size());
        assertTrue(passport.dbsCheck().isPresent());
        assertTrue(passport.dbsCheck().get().credential().certificateNumber().isEmpty(), "certificate number withheld");
        assertFalse(passport.dbsCheck().get().claims().has("certificate_number"));
    }

    @Test
    void aPresentationMadeForAnotherTrustIsRefusedWithItsReason() {
        List<?> failures = assertInstanceOf(List.class, run("RA2", TokenStatus.VALID));
        assertTrue(failures.toString().contains("KB_AUD_MISMATCH"), failures.toString());
    }

    @Test
    void aRevokedCredentialIsRefusedWithItsReason() {
        List<?> failures = assertInstanceOf(List.class, run("RA1", TokenStatus.INVALID));
        assertTrue(failures.toString().contains("CREDENTIAL_REVOKED"), failures.toString());
    }
}
