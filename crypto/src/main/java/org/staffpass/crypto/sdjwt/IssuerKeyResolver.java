package org.staffpass.crypto.sdjwt;

import java.util.Optional;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerificationKey;

/**
 * Finds the key an issuer signs with, from the unverified {@code iss} and {@code vct} claims and
 * header {@code kid} of an SD-JWT; the signature is then checked with the key returned, which
 * makes those values verified. A rejection (for example {@code UNKNOWN_ISSUER} or
 * {@code ISSUER_NOT_AUTHORISED_FOR_TYPE} from a trust list) becomes the verifier's answer, code
 * unchanged.
 *
 * <p>A trust list plugs in as
 * {@code (iss, kid, vct) -> anchors.resolve(iss, kid.orElse(""), vct.orElse(""), clock.instant()).map(ResolvedKey::key)}.
 * Implementations must be thread-safe if the verifier is shared, and must not throw for
 * unknown values: the arguments come from a stranger.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface IssuerKeyResolver {
    /**
     * The key for this issuer, key id and credential type, or why there is none.
     *
     * @param issuer the {@code iss} claim (a non-empty string)
     * @param kid    the issuer JWT's header {@code kid}, if any
     * @param vct    the {@code vct} claim, if it is a string
     */
    Verification<VerificationKey> resolve(String issuer, Optional<String> kid, Optional<String> vct);
}
