package org.staffpass.bench;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.staffpass.crypto.JwsVerifier;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerifiedJws;

/**
 * Verifying one ~1.5 KB compact JWS three ways, side by side in one run, for the same key,
 * token and signing input:
 *
 * <ul>
 *   <li>{@code jdkRaw}: the JDK 17 provider ({@code SHA256withECDSAinP1363Format} /
 *       {@code Ed25519}); one {@link Signature} per thread, reused, with
 *       {@code initVerify + update + verify} on every call;
 *   <li>{@code bcRaw}: Bouncy Castle's lightweight primitive, the fastest correct one on the
 *       JVM: SHA-256 (the JDK's, SHA-NI intrinsic) then {@link ECDSASigner} on the
 *       {@code CustomNamedCurves} secp256r1 domain, or
 *       {@link Ed25519PublicKeyParameters#verify}; signer, digest and key made once per thread;
 *   <li>{@code oursJws}: {@link JwsVerifier#verify(String)} on the compact token: length and
 *       segment checks, strict base64url, header JSON and its checks, Nimbus header parse, key
 *       selection, signature, payload decode. The verifier is built once.
 * </ul>
 *
 * <p>Raw paths start from the signing-input bytes and raw signature; ours starts from the
 * string, so everything between the wire and the arithmetic is charged to ours. Setup checks
 * that every path says "valid" for the token and "invalid" for a one-bit-flipped signature,
 * so a broken path fails the run instead of timing a shortcut.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignatureVerifyBenchmark {

    @Param({"ES256", "EdDSA"})
    public String alg;

    private SignedToken token;
    private boolean es256;
    private String compact;
    private byte[] signingInput;
    private byte[] signature;

    private Signature jdkSignature;
    private PublicKey jdkKey;

    private MessageDigest sha256;
    private ECDSASigner bcEcdsa;
    private Ed25519PublicKeyParameters bcEd25519;

    private JwsVerifier ours;

    @Setup
    public void setUp() throws GeneralSecurityException {
        token = SignedToken.create(alg);
        es256 = "ES256".equals(alg);
        compact = token.compact;
        signingInput = token.signingInput;
        signature = token.signature;

        jdkSignature = Signature.getInstance(token.jdkSignatureName());
        jdkKey = token.jdkPublicKey();

        sha256 = MessageDigest.getInstance("SHA-256");
        if (es256) {
            X9ECParameters curve = CustomNamedCurves.getByName("secp256r1");
            ECDomainParameters domain = new ECDomainParameters(curve);
            ECPublicKeyParameters publicKey = new ECPublicKeyParameters(domain.validatePublicPoint(
                    curve.getCurve().createPoint(new BigInteger(1, token.x), new BigInteger(1, token.y))), domain);
            bcEcdsa = new ECDSASigner();
            bcEcdsa.init(false, publicKey);
        } else {
            bcEd25519 = new Ed25519PublicKeyParameters(token.x, 0);
        }

        ours = JwsVerifier.builder().key(token.verificationKey).expectedType(SignedToken.TYPE).build();

        requireVerdict("jdkRaw", true, jdk(signature));
        requireVerdict("bcRaw", true, bc(signature));
        requireVerdict("oursJws", true, ours.verify(compact).isAccepted());
        requireVerdict("jdkRaw", false, jdk(token.tamperedSignature()));
        requireVerdict("bcRaw", false, bc(token.tamperedSignature()));
        requireVerdict("oursJws", false, ours.verify(token.tamperedCompact()).isAccepted());
    }

    @Benchmark
    public boolean jdkRaw() throws GeneralSecurityException {
        return jdk(signature);
    }

    @Benchmark
    public boolean bcRaw() {
        return bc(signature);
    }

    @Benchmark
    public Verification<VerifiedJws> oursJws() {
        return ours.verify(compact);
    }

    private boolean jdk(byte[] sig) throws GeneralSecurityException {
        jdkSignature.initVerify(jdkKey);
        jdkSignature.update(signingInput);
        return jdkSignature.verify(sig);
    }

    private boolean bc(byte[] sig) {
        if (es256) {
            byte[] hash = sha256.digest(signingInput);
            BigInteger r = new BigInteger(1, sig, 0, 32);
            BigInteger s = new BigInteger(1, sig, 32, 32);
            // verifySignature itself refuses r or s outside [1, n-1].
            return bcEcdsa.verifySignature(hash, r, s);
        }
        return bcEd25519.verify(Ed25519.Algorithm.Ed25519, null, signingInput, 0, signingInput.length, sig, 0);
    }

    private void requireVerdict(String path, boolean expected, boolean actual) {
        if (actual != expected) {
            throw new IllegalStateException(path + " for " + alg + " said " + (actual ? "valid" : "invalid")
                    + " where it must say " + (expected ? "valid" : "invalid") + ": this benchmark would time the wrong thing");
        }
    }
}
