package org.staffpass.crypto;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import org.staffpass.crypto.internal.JwkCodec;
import org.staffpass.crypto.internal.PublicKeyMaterial;
import org.staffpass.crypto.internal.StrictJson;

/**
 * A public key that verifies signatures with exactly one {@link SignatureAlgorithm}.
 *
 * <p>Made only from a checked JWK (EC P-256 or OKP Ed25519, {@code use} and {@code key_ops}
 * allowing verification, no private material) or from a {@link SigningKey}. The key is
 * decoded and validated once; verifying with it is then only signature arithmetic.
 * Immutable, thread-safe; equal when algorithm, thumbprint and {@code kid} are equal.
 *
 * @since 0.1
 */
public final class VerificationKey {
    private final SignatureAlgorithm algorithm;
    private final Optional<String> kid;
    private final String thumbprint;
    private final PublicKeyMaterial material;
    private final ObjectNode publicJwk;

    VerificationKey(SignatureAlgorithm algorithm, Optional<String> kid, String thumbprint,
                    PublicKeyMaterial material, ObjectNode publicJwk) {
        this.algorithm = algorithm;
        this.kid = kid;
        this.thumbprint = thumbprint;
        this.material = material;
        this.publicJwk = publicJwk;
    }

    /** Reads a public JWK document (JSON text). */
    public static Verification<VerificationKey> fromJwk(String json) {
        Objects.requireNonNull(json, "json");
        return JwkCodec.readDocument(json).then(VerificationKey::fromJwk);
    }

    /** Reads a public JWK given as a parsed JSON object (for example one entry of a JWKS). */
    public static Verification<VerificationKey> fromJwk(ObjectNode jwk) {
        Objects.requireNonNull(jwk, "jwk");
        return JwkCodec.parse(jwk, JwkCodec.Purpose.VERIFY).map(parsed -> new VerificationKey(
                parsed.algorithm(), parsed.kid(), parsed.thumbprint(), parsed.publicMaterial(), parsed.publicJwk()));
    }

    /** The one algorithm this key verifies. */
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    /** The JWK's own {@code kid}, if it had one; generated keys use their thumbprint. */
    public Optional<String> kid() {
        return kid;
    }

    /** The RFC 7638 SHA-256 JWK thumbprint, base64url. */
    public String thumbprint() {
        return thumbprint;
    }

    /** The public JWK as compact JSON (kty, crv, x[, y], and kid, use, key_ops, alg if set). */
    public String toJwkJson() {
        return StrictJson.write(publicJwk);
    }

    /** The public JWK as a fresh JSON tree the caller may change. */
    public ObjectNode toJwk() {
        return publicJwk.deepCopy();
    }

    /** For the verifiers in this module only. */
    PublicKeyMaterial material() {
        return material;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerificationKey that
                && algorithm == that.algorithm
                && thumbprint.equals(that.thumbprint)
                && kid.equals(that.kid);
    }

    @Override
    public int hashCode() {
        return thumbprint.hashCode();
    }

    @Override
    public String toString() {
        return "VerificationKey[" + algorithm.jwsName() + ", kid=" + kid.orElse("(none)") + "]";
    }
}
