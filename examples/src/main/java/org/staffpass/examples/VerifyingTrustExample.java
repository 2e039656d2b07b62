package org.staffpass.examples;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.status.StatusListStore;
import org.staffpass.crypto.trust.TrustAnchors;
import org.staffpass.passport.PassportFailure;
import org.staffpass.passport.PassportVerification;
import org.staffpass.passport.PassportVerifier;
import org.staffpass.passport.VerifiedPassport;
import org.staffpass.passport.credential.CredentialValidator;
import org.staffpass.passport.vocab.Vocabularies;

/**
 * User path 3, the verifying trust: check a worker's presentation offline against the signed
 * trust list (pinned to the scheme operator's key) and the issuers' status lists, and get
 * either typed credentials or every reason for refusal. docs/getting-started.md quotes it.
 */
public final class VerifyingTrustExample {
    private VerifyingTrustExample() {
    }

    /** The verified passport, or the list of failures as text (one line each). */
    public static Object verify(String trustListJws, VerificationKey operatorRoot, Map<String, String> statusLists,
            List<VerificationKey> statusKeys, String presentation, String nonce, Clock clock) {
        // tag::verify[]
        Verification<TrustAnchors> anchors = TrustAnchors.load(trustListJws, List.of(operatorRoot), clock);
        if (!anchors.isAccepted()) {
            return List.of("trust list refused: " + anchors);     // fail closed: no trust list, no passports
        }
        StatusListStore statuses = StatusListStore.builder().trustedKeys(statusKeys).clock(clock)
                .maxAge(Duration.ofHours(24)).build();          // older lists count as unknown status
        statusLists.forEach(statuses::load);

        PassportVerifier verifier = PassportVerifier.builder()
                .trustAnchors(anchors.value()).statusLists(statuses)
                .audience("RA1")                                  // this trust: presentations for others fail
                .clock(clock)
                .validator(CredentialValidator.create(Vocabularies.standard(), clock))
                .build();

        PassportVerification result = verifier.verify(presentation, nonce);   // never throws on bad input
        if (result instanceof VerifiedPassport passport) {
            return passport;                                       // typed: passport.dbsCheck(), passport.grade() ...
        }
        return ((PassportVerification.Rejected) result).failures().stream()
                .map(PassportFailure::toString).toList();         // every reason, with its code and path
        // end::verify[]
    }
}
