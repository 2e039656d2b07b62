package org.staffpass.crypto.sdjwt;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.staffpass.crypto.JwsSigner;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.crypto.internal.sdjwt.DisclosureProcessor;

/**
 * Makes presentations (RFC 9901 §7.2) from a credential the holder has verified (with
 * {@link KeyBinding#forbidden()}: what an issuer sends carries no KB-JWT).
 *
 * <p>The holder names the claims to reveal by path. A disclosure is included when its claim is
 * one of them, lies inside one of them (revealing {@code address} reveals all of it), or
 * contains one of them (revealing {@code address.region} needs the {@code address}
 * disclosure too, when {@code address} is itself selectively disclosable). Everything else
 * stays hidden; claims the issuer left in plain text are always visible. Disclosures keep
 * their original order.
 *
 * <p>With a holder key, a KB-JWT is appended: header {@code typ: kb+jwt}, and {@code nonce},
 * {@code aud}, {@code iat} from the injected clock, and {@code sd_hash} over exactly the
 * presented {@code <issuer-jwt>~<d1>~...~<dk>~}, hashed with the credential's
 * {@code _sd_alg}. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class SdJwtPresenter {
    private final Clock clock;

    private SdJwtPresenter(Clock clock) {
        this.clock = clock;
    }

    /** A presenter taking the KB-JWT's {@code iat} from {@code clock}. */
    public static SdJwtPresenter of(Clock clock) {
        return new SdJwtPresenter(Objects.requireNonNull(clock, "clock"));
    }

    /** An SD-JWT revealing the claims at {@code reveal} and their contents, without key binding. */
    public String present(VerifiedSdJwt credential, Collection<ClaimPath> reveal) {
        Objects.requireNonNull(credential, "credential");
        List<ClaimPath> paths = List.copyOf(Objects.requireNonNull(reveal, "reveal"));
        StringBuilder out = new StringBuilder(credential.issuerSignedJwt()).append('~');
        for (Disclosure disclosure : credential.disclosures()) {
            if (paths.stream().anyMatch(p -> p.startsWith(disclosure.path()) || disclosure.path().startsWith(p))) {
                out.append(disclosure.encoded()).append('~');
            }
        }
        return out.toString();
    }

    /**
     * An SD-JWT+KB revealing the claims at {@code reveal}, bound to this transaction.
     *
     * @throws IllegalArgumentException if {@code holderKey} is not the credential's {@code cnf.jwk} key
     */
    public String present(VerifiedSdJwt credential, Collection<ClaimPath> reveal, SigningKey holderKey,
                          String audience, String nonce) {
        Objects.requireNonNull(holderKey, "holderKey");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(nonce, "nonce");
        if (credential.holderKey().isEmpty()
                || !credential.holderKey().get().thumbprint().equals(holderKey.verificationKey().thumbprint())
                || credential.holderKey().get().algorithm() != holderKey.algorithm()) {
            throw new IllegalArgumentException("holderKey is not the key in the credential's cnf.jwk");
        }
        String sdJwt = present(credential, reveal);
        ObjectNode claims = JsonNodeFactory.instance.objectNode();
        claims.put("nonce", nonce);
        claims.put("aud", audience);
        claims.put("iat", clock.instant().getEpochSecond());
        claims.put("sd_hash", DisclosureProcessor.digest(credential.hashAlgorithm().newDigest(), sdJwt));
        return sdJwt + JwsSigner.of(holderKey).sign(SdJwtVerifier.KB_JWT_TYPE,
                StrictJson.write(claims).getBytes(StandardCharsets.UTF_8));
    }
}
