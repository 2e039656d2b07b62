package org.staffpass.crypto.internal;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.staffpass.crypto.SignatureAlgorithm;

/**
 * A public key ready for Bouncy Castle's lightweight verifiers: decoded and validated once,
 * when the key is imported, so that each verification only does the signature arithmetic.
 * Immutable and thread-safe.
 */
public sealed interface PublicKeyMaterial permits PublicKeyMaterial.Es256, PublicKeyMaterial.Ed25519Key {

    /** What a signature check found; {@link #VALID} only when the arithmetic holds. */
    enum SignatureCheck {
        VALID, WRONG_LENGTH, OUT_OF_RANGE, MISMATCH
    }

    SignatureAlgorithm algorithm();

    /** Checks {@code signature} over {@code input[0, length)}; never throws for bad signatures. */
    SignatureCheck check(byte[] input, int length, byte[] signature);

    /** P-256 public key. */
    record Es256(ECPublicKeyParameters parameters) implements PublicKeyMaterial {
        @Override
        public SignatureAlgorithm algorithm() {
            return SignatureAlgorithm.ES256;
        }

        @Override
        public SignatureCheck check(byte[] input, int length, byte[] signature) {
            if (signature.length != 2 * P256.SIZE) {
                return SignatureCheck.WRONG_LENGTH;
            }
            BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 0, P256.SIZE));
            BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, P256.SIZE, 2 * P256.SIZE));
            BigInteger n = P256.order();
            if (r.signum() == 0 || s.signum() == 0 || r.compareTo(n) >= 0 || s.compareTo(n) >= 0) {
                return SignatureCheck.OUT_OF_RANGE;
            }
            MessageDigest sha256 = sha256();
            sha256.update(input, 0, length);
            // ECDSASigner keeps state between init and verify: one per call keeps this thread-safe.
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, parameters);
            return verifier.verifySignature(sha256.digest(), r, s) ? SignatureCheck.VALID : SignatureCheck.MISMATCH;
        }
    }

    /** Ed25519 public key (pure EdDSA, no context, RFC 8032 §5.1). */
    record Ed25519Key(Ed25519PublicKeyParameters parameters) implements PublicKeyMaterial {
        @Override
        public SignatureAlgorithm algorithm() {
            return SignatureAlgorithm.EDDSA;
        }

        @Override
        public SignatureCheck check(byte[] input, int length, byte[] signature) {
            if (signature.length != Ed25519.SIGNATURE_SIZE) {
                return SignatureCheck.WRONG_LENGTH;
            }
            // Bouncy Castle rejects S >= L and non-canonical point encodings (Wycheproof checks both).
            boolean valid = parameters.verify(Ed25519.Algorithm.Ed25519, null, input, 0, length, signature, 0);
            return valid ? SignatureCheck.VALID : SignatureCheck.MISMATCH;
        }
    }

    /** A fresh SHA-256 digest; the JDK's is intrinsic-accelerated and available everywhere. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
