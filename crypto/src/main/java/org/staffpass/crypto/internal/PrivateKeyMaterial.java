package org.staffpass.crypto.internal;

import java.math.BigInteger;
import java.security.MessageDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.staffpass.crypto.SignatureAlgorithm;

/**
 * A private key for Bouncy Castle's lightweight signers. Signatures are deterministic:
 * Ed25519 by construction, ECDSA through RFC 6979 nonces, so the same input always gives
 * the same bytes (decision records rely on it). Immutable and thread-safe.
 */
public sealed interface PrivateKeyMaterial permits PrivateKeyMaterial.Es256, PrivateKeyMaterial.Ed25519Key {

    SignatureAlgorithm algorithm();

    /** Signs {@code input}; ECDSA output is the 64-byte P1363 form r || s. */
    byte[] sign(byte[] input);

    /** P-256 private scalar. */
    record Es256(ECPrivateKeyParameters parameters) implements PrivateKeyMaterial {
        @Override
        public SignatureAlgorithm algorithm() {
            return SignatureAlgorithm.ES256;
        }

        @Override
        public byte[] sign(byte[] input) {
            MessageDigest sha256 = PublicKeyMaterial.sha256();
            ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            signer.init(true, parameters);
            BigInteger[] rs = signer.generateSignature(sha256.digest(input));
            byte[] out = new byte[2 * P256.SIZE];
            System.arraycopy(P256.fixedLength(rs[0]), 0, out, 0, P256.SIZE);
            System.arraycopy(P256.fixedLength(rs[1]), 0, out, P256.SIZE, P256.SIZE);
            return out;
        }
    }

    /** Ed25519 seed. */
    record Ed25519Key(Ed25519PrivateKeyParameters parameters) implements PrivateKeyMaterial {
        @Override
        public SignatureAlgorithm algorithm() {
            return SignatureAlgorithm.EDDSA;
        }

        @Override
        public byte[] sign(byte[] input) {
            byte[] out = new byte[Ed25519.SIGNATURE_SIZE];
            parameters.sign(Ed25519.Algorithm.Ed25519, null, input, 0, input.length, out, 0);
            return out;
        }
    }
}
