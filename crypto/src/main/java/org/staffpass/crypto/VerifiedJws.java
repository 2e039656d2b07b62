package org.staffpass.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A JWS whose signature verified with {@link #key()}; only {@link JwsVerifier} makes one.
 *
 * <p>Holds the header values a caller may still need and the payload bytes. Immutable.
 *
 * @since 0.1
 */
public final class VerifiedJws {
    private final VerificationKey key;
    private final Optional<String> typ;
    private final Optional<String> kid;
    private final byte[] payload;

    VerifiedJws(VerificationKey key, Optional<String> typ, Optional<String> kid, byte[] payload) {
        this.key = Objects.requireNonNull(key);
        this.typ = typ;
        this.kid = kid;
        this.payload = payload;
    }

    /** The key that verified the signature (its algorithm is the header's). */
    public VerificationKey key() {
        return key;
    }

    /** The header {@code typ}, as written. */
    public Optional<String> typ() {
        return typ;
    }

    /** The header {@code kid}, as written. */
    public Optional<String> kid() {
        return kid;
    }

    /** A copy of the payload bytes. */
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload decoded as UTF-8 (JSON payloads are UTF-8 by RFC 8259). */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "VerifiedJws[" + key.algorithm().jwsName() + ", typ=" + typ.orElse("(none)") + ", kid=" + kid.orElse("(none)")
                + ", " + payload.length + " payload bytes]";
    }
}
