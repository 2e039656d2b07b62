package org.staffpass.passport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.staffpass.crypto.status.StatusReference;
import org.staffpass.crypto.trust.TrustedIssuer;
import org.staffpass.passport.credential.Credential;

/**
 * One credential of a {@link VerifiedPassport}: signed by a trusted issuer authorised for its
 * type, in its validity period, VALID on a fresh status list, bound to the presenting holder,
 * and valid content. Withheld selectively disclosable claims are absent from
 * {@link #credential()} and {@link #claims()}. Immutable: {@link #claims()} returns a copy.
 *
 * @param credential       the typed content
 * @param issuer           the trust list entry of the issuer
 * @param issuedAt         {@code iat}
 * @param expiresAt        {@code exp}
 * @param status           the status list entry that was checked
 * @param disclosed        JSON Pointers of the disclosed claims in {@link #claims()} (array
 *                         indices count the disclosed elements only)
 * @param claims           the credential's claims as verified, without the envelope
 * @param credentialDigest base64url SHA-256 of the issuer-signed JWT: the same for every
 *                         presentation of this credential, for audit records
 * @param <T>              the credential type
 * @since 0.1
 */
public record VerifiedCredential<T extends Credential>(T credential, TrustedIssuer issuer, Instant issuedAt,
                                                       Instant expiresAt, StatusReference status, Set<String> disclosed,
                                                       ObjectNode claims, String credentialDigest) {
    public VerifiedCredential {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(status, "status");
        disclosed = Set.copyOf(disclosed);
        claims = Objects.requireNonNull(claims, "claims").deepCopy();
        Objects.requireNonNull(credentialDigest, "credentialDigest");
    }

    /** A copy of the claims. */
    @Override
    public ObjectNode claims() {
        return claims.deepCopy();
    }

    @Override
    public String toString() {
        return "VerifiedCredential[" + credential.credentialType() + " from " + issuer.id() + ", exp=" + expiresAt + "]";
    }
}
