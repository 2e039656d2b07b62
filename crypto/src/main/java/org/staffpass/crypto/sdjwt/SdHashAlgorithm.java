package org.staffpass.crypto.sdjwt;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The hash functions accepted for {@code _sd_alg} (RFC 9901 §4.1.1), named as in the IANA
 * "Named Information Hash Algorithm" registry. The same function computes disclosure digests
 * and the key-binding JWT's {@code sd_hash}. Nothing weaker or truncated is ever accepted.
 *
 * @since 0.1
 */
public enum SdHashAlgorithm {
    /** SHA-256, the default when {@code _sd_alg} is absent. */
    SHA_256("sha-256", "SHA-256"),
    /** SHA-384. */
    SHA_384("sha-384", "SHA-384"),
    /** SHA-512. */
    SHA_512("sha-512", "SHA-512");

    private final String ianaName;
    private final String jcaName;

    SdHashAlgorithm(String ianaName, String jcaName) {
        this.ianaName = ianaName;
        this.jcaName = jcaName;
    }

    /** The {@code _sd_alg} value, for example {@code sha-256}. */
    public String ianaName() {
        return ianaName;
    }

    /** The algorithm an {@code _sd_alg} value names (exact, case-sensitive), if it is one we accept. */
    public static Optional<SdHashAlgorithm> fromIanaName(String name) {
        for (SdHashAlgorithm algorithm : values()) {
            if (algorithm.ianaName.equals(name)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** The digest of {@code input}. */
    public byte[] digest(byte[] input) {
        return newDigest().digest(input);
    }

    /** A fresh digest instance (MessageDigest is not thread-safe). */
    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides " + jcaName, e);
        }
    }
}
