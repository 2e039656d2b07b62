package org.staffpass.crypto.sdjwt;

import java.time.Instant;
import java.util.Objects;

/**
 * What a verified key-binding JWT proved: the holder of the credential's {@code cnf.jwk} key
 * signed, at {@code issuedAt}, for {@code audience} and {@code nonce}, over exactly the SD-JWT
 * it was presented with. Immutable.
 *
 * @param audience the KB-JWT's {@code aud}
 * @param nonce    the KB-JWT's {@code nonce}
 * @param issuedAt the KB-JWT's {@code iat}
 * @since 0.1
 */
public record VerifiedKeyBinding(String audience, String nonce, Instant issuedAt) {
    /** All parts are required. */
    public VerifiedKeyBinding {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}
