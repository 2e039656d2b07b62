package org.staffpass.examples;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.status.StatusReference;
import org.staffpass.passport.IssuedCredential;
import org.staffpass.passport.PassportIssuer;
import org.staffpass.passport.credential.CredentialResult;
import org.staffpass.passport.credential.CredentialValidator;
import org.staffpass.passport.credential.DbsCheck;
import org.staffpass.passport.vocab.Vocabularies;

/**
 * User path 1, the issuer: a lead employer's HR system signs a DBS-check credential for a
 * worker's wallet key. The credential records the employer's clearance decision, never the
 * certificate's content. docs/getting-started.md quotes this file.
 */
public final class IssuerExample {
    private IssuerExample() {
    }

    /** Signs a DBS check for {@code holder}, valid for a year, at {@code statusIndex} of the issuer's status list. */
    public static String issueDbsCheck(SigningKey issuerKey, VerificationKey holder, int statusIndex, Clock clock) {
        // tag::issue[]
        PassportIssuer issuer = PassportIssuer.builder()
                .issuerId("https://staffpass.example/issuers/lead-employer")
                .signingKey(issuerKey)                       // EdDSA or ES256; its kid is on the trust list
                .clock(clock)
                .random(new java.security.SecureRandom())    // salts for the selective disclosures
                .validator(CredentialValidator.create(Vocabularies.standard(), clock))
                .build();

        LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        DbsCheck dbs = new DbsCheck(DbsCheck.Level.ENHANCED_WITH_BARRED_LISTS, DbsCheck.Workforce.CHILD_AND_ADULT,
                Set.of(DbsCheck.BarredList.CHILDREN, DbsCheck.BarredList.ADULTS), Optional.of("001234567890"),
                today.minusDays(60), true, Optional.empty(), DbsCheck.Clearance.CLEARED, today.minusDays(50));

        CredentialResult<IssuedCredential> result = issuer.issue(dbs, holder,
                clock.instant().plus(Duration.ofDays(365)),
                new StatusReference("https://staffpass.example/status/lead-employer/1", statusIndex));
        if (result instanceof CredentialResult.Invalid<IssuedCredential> invalid) {
            // Bad data is refused before anything is signed: each violation names its field.
            throw new IllegalArgumentException("not issued: " + invalid);
        }
        return ((CredentialResult.Valid<IssuedCredential>) result).value().compact();  // an SD-JWT, for the wallet
        // end::issue[]
    }
}
