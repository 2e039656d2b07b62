package org.staffpass.crypto;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.JwkCodec;
import org.staffpass.crypto.internal.P256;
import org.staffpass.crypto.internal.PrivateKeyMaterial;
import org.staffpass.crypto.internal.PublicKeyMaterial;
import org.staffpass.crypto.internal.StrictJson;

/**
 * A private key that signs with exactly one {@link SignatureAlgorithm}, with its public half.
 *
 * <p>Signatures are deterministic (Ed25519, and ECDSA with RFC 6979 nonces), so the same
 * input signs to the same bytes. {@link #toString()} shows only the algorithm and
 * {@code kid}; private material leaves only through {@link #toPrivateJwkJson()}.
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class SigningKey {
    private final PrivateKeyMaterial material;
    private final VerificationKey verificationKey;
    private final String kid;

    private SigningKey(PrivateKeyMaterial material, VerificationKey verificationKey) {
        this.material = material;
        this.verificationKey = verificationKey;
        this.kid = verificationKey.kid().orElse(verificationKey.thumbprint());
    }

    /** A new key from the platform's strong random source; its {@code kid} is its thumbprint. */
    public static SigningKey generate(SignatureAlgorithm algorithm) {
        return generate(algorithm, new SecureRandom());
    }

    /** A new key from {@code random}; its {@code kid} is its RFC 7638 thumbprint. */
    public static SigningKey generate(SignatureAlgorithm algorithm, SecureRandom random) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(random, "random");
        if (algorithm == SignatureAlgorithm.EDDSA) {
            Ed25519PrivateKeyParameters privateParameters = new Ed25519PrivateKeyParameters(random);
            return fromMaterial(new PrivateKeyMaterial.Ed25519Key(privateParameters),
                    new PublicKeyMaterial.Ed25519Key(privateParameters.generatePublicKey()), Optional.empty());
        }
        BigInteger d;
        do {
            d = new BigInteger(P256.SIZE * 8, random);
        } while (d.signum() == 0 || d.compareTo(P256.order()) >= 0);
        return fromEcScalar(d, Optional.empty());
    }

    /** Reads a private JWK document (JSON text) with its {@code d} member. */
    public static Verification<SigningKey> fromJwk(String json) {
        Objects.requireNonNull(json, "json");
        return JwkCodec.readDocument(json).then(node -> JwkCodec.parse(node, JwkCodec.Purpose.SIGN)
                .map(parsed -> new SigningKey(parsed.privateMaterial().orElseThrow(), new VerificationKey(
                        parsed.algorithm(), Optional.of(parsed.kid().orElse(parsed.thumbprint())), parsed.thumbprint(),
                        parsed.publicMaterial(), withKid(parsed.publicJwk(), parsed.kid().orElse(parsed.thumbprint()))))));
    }

    /**
     * Reads a private key from a PKCS#12 keystore: the entry under {@code alias}, or the only
     * private-key entry when no alias is given. The key keeps its thumbprint as {@code kid}.
     */
    public static Verification<SigningKey> fromPkcs12(byte[] keystore, char[] password, Optional<String> alias) {
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(alias, "alias");
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(keystore), password);
        } catch (IOException | GeneralSecurityException e) {
            return Verification.rejected(ReasonCode.KEY_MALFORMED, "PKCS#12 keystore cannot be opened: corrupt, or wrong password");
        }
        try {
            String chosen;
            if (alias.isPresent()) {
                chosen = alias.get();
                if (!store.isKeyEntry(chosen)) {
                    return Verification.rejected(ReasonCode.KEY_MALFORMED, "PKCS#12 keystore has no private-key entry '" + chosen + "'");
                }
            } else {
                List<String> keyAliases = new ArrayList<>();
                for (String candidate : Collections.list(store.aliases())) {
                    if (store.isKeyEntry(candidate)) {
                        keyAliases.add(candidate);
                    }
                }
                if (keyAliases.size() != 1) {
                    return Verification.rejected(ReasonCode.KEY_MALFORMED,
                            "PKCS#12 keystore has " + keyAliases.size() + " private-key entries; name one with an alias");
                }
                chosen = keyAliases.get(0);
            }
            Key key = store.getKey(chosen, password);
            return fromJcaPrivateKey(key);
        } catch (GeneralSecurityException e) {
            return Verification.rejected(ReasonCode.KEY_MALFORMED, "PKCS#12 entry cannot be read with this password");
        }
    }

    private static Verification<SigningKey> fromJcaPrivateKey(Key key) {
        if (key instanceof ECPrivateKey ec) {
            java.security.spec.ECParameterSpec spec = ec.getParams();
            boolean p256 = spec.getOrder().equals(P256.order())
                    && spec.getCurve().getField().getFieldSize() == 256
                    && spec.getGenerator().getAffineX().equals(P256.DOMAIN.getG().normalize().getAffineXCoord().toBigInteger());
            if (!p256) {
                return Verification.rejected(ReasonCode.KEY_UNSUPPORTED, "PKCS#12 EC key is not on P-256");
            }
            BigInteger d = ec.getS();
            if (d.signum() <= 0 || d.compareTo(P256.order()) >= 0) {
                // Bouncy Castle would throw deriving the public point; a keystore is input, not code.
                return Verification.rejected(ReasonCode.KEY_MALFORMED, "PKCS#12 EC private scalar is outside [1, n-1]");
            }
            return Verification.accepted(fromEcScalar(d, Optional.empty()));
        }
        if (key instanceof EdECPrivateKey ed) {
            if (!"Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
                return Verification.rejected(ReasonCode.KEY_UNSUPPORTED, "PKCS#12 EdDSA key is not Ed25519");
            }
            Optional<byte[]> seed = ed.getBytes();
            if (seed.isEmpty() || seed.get().length != Ed25519PrivateKeyParameters.KEY_SIZE) {
                return Verification.rejected(ReasonCode.KEY_MALFORMED, "PKCS#12 Ed25519 key has no exportable 32-byte seed");
            }
            Ed25519PrivateKeyParameters privateParameters = new Ed25519PrivateKeyParameters(seed.get());
            return Verification.accepted(fromMaterial(new PrivateKeyMaterial.Ed25519Key(privateParameters),
                    new PublicKeyMaterial.Ed25519Key(privateParameters.generatePublicKey()), Optional.empty()));
        }
        return Verification.rejected(ReasonCode.KEY_UNSUPPORTED,
                "PKCS#12 entry holds a " + (key == null ? "missing" : key.getAlgorithm()) + " key, not EC P-256 or Ed25519");
    }

    private static SigningKey fromEcScalar(BigInteger d, Optional<String> kid) {
        ECPublicKeyParameters publicParameters = new ECPublicKeyParameters(
                new FixedPointCombMultiplier().multiply(P256.DOMAIN.getG(), d).normalize(), P256.DOMAIN);
        return fromMaterial(new PrivateKeyMaterial.Es256(new ECPrivateKeyParameters(d, P256.DOMAIN)),
                new PublicKeyMaterial.Es256(publicParameters), kid);
    }

    private static SigningKey fromMaterial(PrivateKeyMaterial privateMaterial, PublicKeyMaterial publicMaterial,
                                           Optional<String> kid) {
        String thumbprint = JwkCodec.thumbprint(publicMaterial);
        String effectiveKid = kid.orElse(thumbprint);
        ObjectNode jwk = JwkCodec.publicJwk(publicMaterial);
        jwk.put("kid", effectiveKid).put("use", "sig").put("alg", privateMaterial.algorithm().jwsName());
        return new SigningKey(privateMaterial, new VerificationKey(privateMaterial.algorithm(), Optional.of(effectiveKid),
                thumbprint, publicMaterial, jwk));
    }

    private static ObjectNode withKid(ObjectNode jwk, String kid) {
        ObjectNode copy = jwk.deepCopy();
        copy.put("kid", kid);
        return copy;
    }

    /** The algorithm this key signs with. */
    public SignatureAlgorithm algorithm() {
        return material.algorithm();
    }

    /** The {@code kid} written into the headers this key signs: its JWK's, or its thumbprint. */
    public String kid() {
        return kid;
    }

    /** The public half, for verifiers and trust lists. */
    public VerificationKey verificationKey() {
        return verificationKey;
    }

    /** The private JWK (public members plus {@code d}) as JSON. Treat the result as a secret. */
    public String toPrivateJwkJson() {
        ObjectNode jwk = verificationKey.toJwk();
        if (material instanceof PrivateKeyMaterial.Es256 ec) {
            jwk.put("d", Base64Url.encode(P256.fixedLength(ec.parameters().getD())));
        } else {
            jwk.put("d", Base64Url.encode(((PrivateKeyMaterial.Ed25519Key) material).parameters().getEncoded()));
        }
        return StrictJson.write(jwk);
    }

    /** For the signers in this module only. */
    byte[] signRaw(byte[] input) {
        return material.sign(input);
    }

    @Override
    public String toString() {
        return "SigningKey[" + algorithm().jwsName() + ", kid=" + kid + "]";
    }
}
