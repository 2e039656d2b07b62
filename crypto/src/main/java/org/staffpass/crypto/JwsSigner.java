package org.staffpass.crypto;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.StrictJson;

/**
 * Signs compact JWS (RFC 7515 §7.1) with one {@link SigningKey}.
 *
 * <p>The header holds only {@code alg} (fixed by the key), {@code kid} (the key's) and, when
 * given, {@code typ}: nothing a verifier could be tricked by. Output is deterministic for the
 * same key, type and payload, byte for byte: the header is written here with its members in
 * sorted order ({@code alg}, {@code kid}, {@code typ}), not by a library whose member order
 * could change between versions, and both algorithms sign deterministically. Immutable and
 * thread-safe.
 *
 * @since 0.1
 */
public final class JwsSigner {
    private final SigningKey key;

    private JwsSigner(SigningKey key) {
        this.key = key;
    }

    /** A signer for {@code key}. */
    public static JwsSigner of(SigningKey key) {
        return new JwsSigner(Objects.requireNonNull(key, "key"));
    }

    /** The key this signer uses. */
    public SigningKey key() {
        return key;
    }

    /** Signs {@code payload} under a header with {@code typ} (for example {@code statuslist+jwt}). */
    public String sign(String typ, byte[] payload) {
        Objects.requireNonNull(typ, "typ");
        return signWithHeader(header(typ), payload);
    }

    /** Signs {@code payload} under a header without {@code typ}. */
    public String sign(byte[] payload) {
        return signWithHeader(header(null), payload);
    }

    private String header(String typ) {
        // Members added in sorted order; StrictJson writes them in insertion order.
        ObjectNode header = StrictJson.object().put("alg", key.algorithm().jwsName()).put("kid", key.kid());
        if (typ != null) {
            header.put("typ", typ);
        }
        return Base64Url.encode(StrictJson.write(header).getBytes(StandardCharsets.UTF_8));
    }

    private String signWithHeader(String encodedHeader, byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        String signingInput = encodedHeader + "." + Base64Url.encode(payload);
        byte[] signature = key.signRaw(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64Url.encode(signature);
    }
}
