package org.staffpass.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.ParseException;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.staffpass.crypto.JwsVerifier;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerifiedJws;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.StrictJson;

/**
 * Where {@link JwsVerifier#verify(String)} spends the time that is not signature arithmetic,
 * on the same ~1.5 KB token as {@link SignatureVerifyBenchmark}.
 *
 * <ul>
 *   <li>{@code oursJws}: the whole verification, for reference in the same run;
 *   <li>{@code oursUpToSignature}: the whole verification of the same token with a 63-byte
 *       signature, which {@code JwsVerifier} refuses just before the arithmetic: every stage
 *       but the signature check and the payload decode (plus one rejection message);
 *   <li>the stages one by one, as {@code JwsVerifier} runs them: {@code canonicalCheck} (the
 *       three segments), {@code headerDecodeAndJson} (strict base64url + strict JSON),
 *       {@code nimbusHeaderParse} (tree to map, then {@code JWSHeader.parse}),
 *       {@code signingInputBytes}, {@code signatureDecode}, {@code payloadDecode};
 *   <li>{@code wholeTokenBytes}: one copy of the whole token, the cheaper way to the signing
 *       input that {@code docs/performance.md} proposes;
 *   <li>{@code sha256SigningInput}: the digest ES256 needs, which {@code bcRaw} also pays, for
 *       scale.
 * </ul>
 *
 * <p>Stages use {@code org.staffpass.crypto.internal} classes, reachable here because the
 * benchmarks run on the class path; they are measured, not re-implemented.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JwsOverheadBenchmark {

    @Param({"ES256", "EdDSA"})
    public String alg;

    private String compact;
    private String shortSignatureCompact;
    private int firstDot;
    private int secondDot;
    private ObjectNode header;
    private String headerSegment;
    private byte[] signingInput;
    private MessageDigest sha256;
    private JwsVerifier ours;

    @Setup
    public void setUp() throws GeneralSecurityException {
        SignedToken token = SignedToken.create(alg);
        compact = token.compact;
        firstDot = compact.indexOf('.');
        secondDot = compact.indexOf('.', firstDot + 1);
        headerSegment = compact.substring(0, firstDot);
        signingInput = token.signingInput;
        sha256 = MessageDigest.getInstance("SHA-256");
        ours = JwsVerifier.builder().key(token.verificationKey).expectedType(SignedToken.TYPE).build();

        byte[] shortSignature = new byte[63];
        System.arraycopy(token.signature, 0, shortSignature, 0, shortSignature.length);
        shortSignatureCompact = compact.substring(0, secondDot + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(shortSignature);

        if (!ours.verify(compact).isAccepted()) {
            throw new IllegalStateException("oursJws must accept the benchmark token");
        }
        Verification<VerifiedJws> cutShort = ours.verify(shortSignatureCompact);
        if (!(cutShort instanceof Verification.Rejected<VerifiedJws> r
                && r.reason() == ReasonCode.SIGNATURE_INVALID && r.message().contains("63 bytes"))) {
            throw new IllegalStateException("oursUpToSignature must stop at the signature length check, got " + cutShort);
        }
        header = headerDecodeAndJson().value();
        if (!(canonicalCheck() && nimbusHeaderParse() != null)) {
            throw new IllegalStateException("stages must succeed on the benchmark token");
        }
    }

    @Benchmark
    public Verification<VerifiedJws> oursJws() {
        return ours.verify(compact);
    }

    @Benchmark
    public Verification<VerifiedJws> oursUpToSignature() {
        return ours.verify(shortSignatureCompact);
    }

    /** The verifier's path: one Latin-1 copy of the token, each segment checked and decoded in one pass. */
    @Benchmark
    public boolean canonicalCheck() {
        byte[] ascii = compact.getBytes(StandardCharsets.ISO_8859_1);
        return Base64Url.decodeRange(ascii, 0, firstDot).isPresent()
                & Base64Url.decodeRange(ascii, firstDot + 1, secondDot).isPresent()
                & Base64Url.decodeRange(ascii, secondDot + 1, ascii.length).isPresent();
    }

    /** The earlier path, for comparison: a separate canonical scan of every segment before decoding. */
    @Benchmark
    public boolean separateScan() {
        return Base64Url.isCanonical(compact, 0, firstDot)
                & Base64Url.isCanonical(compact, firstDot + 1, secondDot)
                & Base64Url.isCanonical(compact, secondDot + 1, compact.length());
    }

    @Benchmark
    public Verification<ObjectNode> headerDecodeAndJson() {
        return StrictJson.parseObject(Base64Url.decodeChecked(compact, 0, firstDot), "JWS header");
    }

    @Benchmark
    public JWSHeader nimbusHeaderParse() {
        try {
            return JWSHeader.parse(StrictJson.toMap(header), new Base64URL(headerSegment));
        } catch (ParseException e) {
            throw new IllegalStateException("the benchmark header is valid", e);
        }
    }

    @Benchmark
    public byte[] signingInputBytes() {
        return compact.substring(0, secondDot).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The alternative to {@code signingInputBytes}: once the canonical check has proved the
     * token ASCII, one Latin-1 copy of the whole token serves as signing input (the signature
     * check takes a length) and as the source of every segment decode.
     */
    @Benchmark
    public byte[] wholeTokenBytes() {
        return compact.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Benchmark
    public byte[] signatureDecode() {
        return Base64Url.decodeChecked(compact, secondDot + 1, compact.length());
    }

    @Benchmark
    public byte[] payloadDecode() {
        return Base64Url.decodeChecked(compact, firstDot + 1, secondDot);
    }

    @Benchmark
    public byte[] sha256SigningInput() {
        return sha256.digest(signingInput);
    }
}
