package org.staffpass.crypto.sdjwt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.staffpass.crypto.VerificationKey;

/**
 * An SD-JWT (or SD-JWT+KB) that passed every check of {@link SdJwtVerifier}; only the verifier
 * makes one.
 *
 * <p>{@link #claims()} is the processed payload of RFC 9901 §7.1: disclosed claims in place;
 * {@code _sd}, {@code _sd_alg}, undisclosed and decoy digests and {@code {"...": digest}}
 * placeholders removed; every other claim ({@code iss}, {@code iat}, {@code exp},
 * {@code cnf}, {@code vct}, {@code status} ...) kept as signed. Immutable: accessors return
 * copies. Thread-safe.
 *
 * @since 0.1
 */
public final class VerifiedSdJwt {
    private final ObjectNode claims;
    private final List<Disclosure> disclosures;
    private final VerificationKey issuerKey;
    private final Optional<String> typ;
    private final Optional<String> kid;
    private final SdHashAlgorithm hashAlgorithm;
    private final Optional<VerificationKey> holderKey;
    private final Optional<VerifiedKeyBinding> keyBinding;
    private final String issuerSignedJwt;

    VerifiedSdJwt(ObjectNode claims, List<Disclosure> disclosures, VerificationKey issuerKey, Optional<String> typ,
                  Optional<String> kid, SdHashAlgorithm hashAlgorithm, Optional<VerificationKey> holderKey,
                  Optional<VerifiedKeyBinding> keyBinding, String issuerSignedJwt) {
        // Only SdJwtVerifier calls this, with a tree it built for this object alone and keeps no
        // reference to; claims() still hands out copies.
        this.claims = Objects.requireNonNull(claims);
        this.disclosures = List.copyOf(disclosures);
        this.issuerKey = Objects.requireNonNull(issuerKey);
        this.typ = typ;
        this.kid = kid;
        this.hashAlgorithm = hashAlgorithm;
        this.holderKey = holderKey;
        this.keyBinding = keyBinding;
        this.issuerSignedJwt = issuerSignedJwt;
    }

    /** A copy of the processed payload. */
    public ObjectNode claims() {
        return claims.deepCopy();
    }

    /** The disclosures presented, in the order presented, each with the path of its claim in {@link #claims()}. */
    public List<Disclosure> disclosures() {
        return disclosures;
    }

    /** The key that verified the issuer's signature. */
    public VerificationKey issuerKey() {
        return issuerKey;
    }

    /** The issuer-signed JWT's header {@code typ}, as written. */
    public Optional<String> typ() {
        return typ;
    }

    /** The issuer-signed JWT's header {@code kid}, as written. */
    public Optional<String> kid() {
        return kid;
    }

    /** The {@code _sd_alg} of the credential (SHA-256 when absent). */
    public SdHashAlgorithm hashAlgorithm() {
        return hashAlgorithm;
    }

    /** The holder's key from {@code cnf.jwk}, if the credential carries a usable one. */
    public Optional<VerificationKey> holderKey() {
        return holderKey;
    }

    /** What the key-binding JWT proved, if one was presented (and so verified). */
    public Optional<VerifiedKeyBinding> keyBinding() {
        return keyBinding;
    }

    /** The issuer-signed JWT as presented (for a holder making presentations from it). */
    public String issuerSignedJwt() {
        return issuerSignedJwt;
    }

    @Override
    public String toString() {
        return "VerifiedSdJwt[typ=" + typ.orElse("(none)") + ", " + disclosures.size() + " disclosures, "
                + (keyBinding.isPresent() ? "key-bound" : "no key binding") + "]";
    }
}
