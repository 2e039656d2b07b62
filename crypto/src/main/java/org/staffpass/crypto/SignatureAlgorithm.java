package org.staffpass.crypto;

import java.util.Optional;
import java.util.Set;

/**
 * The only signature algorithms Staffpass ever signs or verifies with.
 *
 * <p>The algorithm belongs to a key, never to a token: a verifier asks the key which
 * algorithm it is and refuses a header that names anything else.
 *
 * @since 0.1
 */
public enum SignatureAlgorithm {
    /** ECDSA on P-256 with SHA-256, signatures in the 64-byte IEEE P1363 form (RFC 7518 §3.4). */
    ES256("ES256", Set.of("ES256")),
    /**
     * EdDSA with Ed25519 (RFC 8037). Headers may name it {@code EdDSA} or by its
     * fully-specified name {@code Ed25519} (RFC 9864); we write {@code EdDSA}.
     */
    EDDSA("EdDSA", Set.of("EdDSA", "Ed25519"));

    private final String jwsName;
    private final Set<String> acceptedHeaderNames;

    SignatureAlgorithm(String jwsName, Set<String> acceptedHeaderNames) {
        this.jwsName = jwsName;
        this.acceptedHeaderNames = acceptedHeaderNames;
    }

    /** The {@code alg} value this algorithm writes into headers. */
    public String jwsName() {
        return jwsName;
    }

    /** Whether a header {@code alg} value names this algorithm (exact, case-sensitive). */
    public boolean acceptsHeaderAlg(String headerAlg) {
        return acceptedHeaderNames.contains(headerAlg);
    }

    /** The algorithm a command-line or configuration name stands for, if it is one of ours. */
    public static Optional<SignatureAlgorithm> fromName(String name) {
        for (SignatureAlgorithm algorithm : values()) {
            if (algorithm.acceptedHeaderNames.contains(name) || algorithm.name().equals(name)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
