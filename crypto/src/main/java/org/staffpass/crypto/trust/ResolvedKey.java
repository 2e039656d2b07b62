package org.staffpass.crypto.trust;

import java.util.Objects;
import org.staffpass.crypto.VerificationKey;

/**
 * What {@link TrustAnchors#resolve} proves: {@code key} belongs to {@code issuer}, and at
 * the instant asked about the issuer was active, within its validity period and authorised
 * for the credential type asked about, on a verified trust list in force. Verify the
 * credential's signature with {@code key} next. Immutable.
 *
 * @param key    the issuer's key named by the credential's {@code kid}
 * @param issuer the issuer's entry on the trust list
 * @since 0.1
 */
public record ResolvedKey(VerificationKey key, TrustedIssuer issuer) {
    /** Both parts are required. */
    public ResolvedKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(issuer, "issuer");
    }
}
