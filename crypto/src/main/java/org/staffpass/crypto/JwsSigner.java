package org.staffpass.crypto;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.staffpass.crypto.internal.Base64Url;

/**
 * Signs compact JWS (RFC 7515 §7.1) with one {@link SigningKey}.
 *
 * <p>The header holds only {@code alg} (fixed by the key), {@code kid} (the key's) and, when
 * given, {@code typ}: nothing a verifier could be tricked by. Output is deterministic for the
 * same key, type and payload. Immutable and thread-safe.
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
        return sign(header(typ), payload);
    }

    /** Signs {@code payload} under a header without {@code typ}. */
    public String sign(byte[] payload) {
        return sign(header(null), payload);
    }

    private JWSHeader header(String typ) {
        JWSHeader.Builder builder = new JWSHeader.Builder(new JWSAlgorithm(key.algorithm().jwsName())).keyID(key.kid());
        if (typ != null) {
            builder.type(new JOSEObjectType(typ));
        }
        return builder.build();
    }

    private String sign(JWSHeader header, byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        String signingInput = header.toBase64URL() + "." + Base64Url.encode(payload);
        byte[] signature = key.signRaw(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64Url.encode(signature);
    }
}
