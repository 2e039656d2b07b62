package org.staffpass.crypto.sdjwt;

import java.util.Objects;

/**
 * What a verifier demands of the key-binding JWT (RFC 9901 §4.3, §7.3), decided by its own
 * policy before looking at the presentation, never by whether one was sent.
 *
 * <ul>
 *   <li>{@link #required(String, String)}: a KB-JWT must be present, signed by the
 *       credential's {@code cnf.jwk} key, with this {@code aud} and {@code nonce}, a fresh
 *       {@code iat} and an {@code sd_hash} over exactly what was presented.</li>
 *   <li>{@link #optional()}: none is required; one that is present is checked in full, except
 *       that {@code aud} and {@code nonce} need only be strings.</li>
 *   <li>{@link #forbidden()}: for a holder receiving an issued SD-JWT, which never carries one
 *       (RFC 9901 §7.2); a KB-JWT is {@code MALFORMED}.</li>
 * </ul>
 *
 * @since 0.1
 */
public sealed interface KeyBinding permits KeyBinding.Required, KeyBinding.IfPresent, KeyBinding.Forbidden {

    /** A KB-JWT for {@code audience} answering {@code nonce} is required. */
    static KeyBinding required(String audience, String nonce) {
        return new Required(audience, nonce);
    }

    /** No KB-JWT is required; one that is present must still verify. */
    static KeyBinding optional() {
        return new IfPresent();
    }

    /** A KB-JWT must not be present (a holder checking what its issuer sent). */
    static KeyBinding forbidden() {
        return new Forbidden();
    }

    /**
     * A KB-JWT is required.
     *
     * @param audience the {@code aud} it must carry: this verifier's identifier
     * @param nonce    the {@code nonce} this verifier issued for the transaction
     */
    record Required(String audience, String nonce) implements KeyBinding {
        /** Both values are required and non-empty. */
        public Required {
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(nonce, "nonce");
            if (audience.isEmpty() || nonce.isEmpty()) {
                throw new IllegalArgumentException("audience and nonce must not be empty");
            }
        }
    }

    /** A KB-JWT is not required, but one that is present must verify. */
    record IfPresent() implements KeyBinding {
    }

    /** A KB-JWT must not be present. */
    record Forbidden() implements KeyBinding {
    }
}
