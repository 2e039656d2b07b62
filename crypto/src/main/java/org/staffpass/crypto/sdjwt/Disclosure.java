package org.staffpass.crypto.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One disclosure of an SD-JWT (RFC 9901 §4.2) with what it discloses: the claim's path in the
 * processed payload, its name (absent for an array element) and its value.
 *
 * <p>Only {@link SdJwtIssuer} and {@link SdJwtVerifier} make these, so the digest always
 * matches the encoded text. Immutable: {@link #value()} returns a copy. {@link #toString()}
 * shows the path only, never the salt or value.
 *
 * @since 0.1
 */
public final class Disclosure {
    private final String encoded;
    private final String digest;
    private final ClaimPath path;
    private final Optional<String> name;
    private final JsonNode value;

    Disclosure(String encoded, String digest, ClaimPath path, Optional<String> name, JsonNode value) {
        this.encoded = Objects.requireNonNull(encoded);
        this.digest = Objects.requireNonNull(digest);
        this.path = Objects.requireNonNull(path);
        this.name = Objects.requireNonNull(name);
        this.value = value.deepCopy();
    }

    /** The disclosure as it travels: base64url of the JSON array. */
    public String encoded() {
        return encoded;
    }

    /** The base64url digest of {@link #encoded()} under the SD-JWT's {@code _sd_alg}. */
    public String digest() {
        return digest;
    }

    /** Where the disclosed claim sits in the processed payload. */
    public ClaimPath path() {
        return path;
    }

    /** The claim name for an object member; empty for an array element. */
    public Optional<String> name() {
        return name;
    }

    /** A copy of the disclosed value, as written in the disclosure (digests inside it not yet resolved). */
    public JsonNode value() {
        return value.deepCopy();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Disclosure that && encoded.equals(that.encoded) && path.equals(that.path);
    }

    @Override
    public int hashCode() {
        return encoded.hashCode();
    }

    @Override
    public String toString() {
        return "Disclosure[" + path + "]";
    }
}
