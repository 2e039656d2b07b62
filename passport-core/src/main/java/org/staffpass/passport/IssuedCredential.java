package org.staffpass.passport;

import java.time.Instant;
import java.util.Objects;
import org.staffpass.crypto.status.StatusReference;
import org.staffpass.passport.credential.CredentialType;

/**
 * A credential {@link PassportIssuer} signed: the SD-JWT VC to hand to the holder
 * ({@code <issuer-jwt>~<d1>~...~<dn>~}) and what the issuer should record about it. Immutable.
 *
 * @param compact   the SD-JWT VC in compact form, every disclosure included
 * @param type      the credential type ({@code vct})
 * @param status    the status list entry written into {@code status.status_list}
 * @param issuedAt  {@code iat}
 * @param expiresAt {@code exp}
 * @since 0.1
 */
public record IssuedCredential(String compact, CredentialType type, StatusReference status, Instant issuedAt,
                               Instant expiresAt) {
    public IssuedCredential {
        Objects.requireNonNull(compact, "compact");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "IssuedCredential[" + type + ", " + status + ", iat=" + issuedAt + ", exp=" + expiresAt + "]";
    }
}
