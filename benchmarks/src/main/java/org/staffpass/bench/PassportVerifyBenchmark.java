package org.staffpass.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.status.StatusList;
import org.staffpass.crypto.status.StatusListSigner;
import org.staffpass.crypto.status.StatusListStore;
import org.staffpass.crypto.status.StatusReference;
import org.staffpass.crypto.trust.TrustAnchors;
import org.staffpass.crypto.trust.TrustList;
import org.staffpass.crypto.trust.TrustedIssuer;
import org.staffpass.passport.DisclosureRequest;
import org.staffpass.passport.PassportIssuer;
import org.staffpass.passport.PassportVerification;
import org.staffpass.passport.PassportVerifier;
import org.staffpass.passport.VerifiedPassport;
import org.staffpass.passport.Wallet;
import org.staffpass.passport.credential.Credential;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.TestCredentials;

/**
 * One worker's passport of 8 credentials, every claim disclosed, verified by a trust:
 * {@code verifyPresentation} ({@link PassportVerifier#verify}: presentation JSON, 8 SD-JWTs
 * with their disclosures, 8 issuer signatures, 8 key-binding JWTs, trust-list resolution,
 * status lookups, claim parsing and Jakarta validation) beside {@code rawSignatures}: the
 * same 16 signatures (8 issuer + 8 KB-JWT) checked with Bouncy Castle's raw primitives over
 * the same signing inputs, in the same run. Also {@code issueOne} (sign one DBS check) and
 * {@code presentAll} (the wallet building the 8-credential presentation).
 *
 * <p>Our format carries one KB-JWT per credential (each SD-JWT is bound on its own, as
 * RFC 9901 defines), so the raw cost a presentation contains is 16 verifications, not 9.
 *
 * <p>The raw baseline keeps the issuer's key parameters across calls (a verifier holds the
 * trust list's keys) but decodes the holder key from its JWK bytes on every call, because a
 * verifier meets each worker's {@code cnf.jwk} fresh in each presentation: Bouncy Castle's
 * P-256 verify is about 1.8x slower on a key it has not seen (it builds a table for the
 * key that later calls would reuse). {@code rawSignaturesAllKeysCached} shows the lower
 * bound no verifier of fresh presentations reaches.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PassportVerifyBenchmark {
    private static final String ISSUER = "https://lead-employer.example";
    private static final String STATUS_URI = "https://lead-employer.example/status/1";
    private static final String AUDIENCE = "ODS:RTD-bank";
    private static final String NONCE = "bench-nonce-0001";

    @Param({"ES256", "EdDSA"})
    public String alg;

    private PassportVerifier verifier;
    private PassportIssuer issuer;
    private Wallet wallet;
    private DisclosureRequest everything;
    private Credential dbs;
    private VerificationKey holderPublic;
    private Instant validUntil;
    private String presentation;
    private final List<RawCheck> raw = new ArrayList<>();

    /**
     * One signature over one signing input, checked with the raw primitive; {@code fresh} keys
     * are decoded from {@code x}/{@code y} on every call.
     */
    private record RawCheck(byte[] signingInput, byte[] signature, Object key, byte[] x, byte[] y, boolean fresh) {
    }

    @Setup
    public void setUp() throws Exception {
        Clock clock = TestCredentials.clock();
        Instant now = clock.instant();
        SignatureAlgorithm algorithm = SignatureAlgorithm.fromName(alg).orElseThrow();
        SigningKey operator = SigningKey.generate(SignatureAlgorithm.ES256, seeded(1));
        SigningKey issuerKey = SigningKey.generate(algorithm, seeded(2));
        SigningKey holderKey = SigningKey.generate(algorithm, seeded(3));
        holderPublic = holderKey.verificationKey();

        TrustedIssuer.Builder listed = TrustedIssuer.builder().id(ISSUER).name("Lead employer").organisationCode("R0X1")
                .status(TrustedIssuer.Status.ACTIVE).validFrom(now.minus(Duration.ofDays(365)))
                .key(issuerKey.verificationKey());
        for (CredentialType type : CredentialType.values()) {
            listed.credentialType(type.vct());
        }
        TrustList list = TrustList.builder().operator("https://operator.example").sequence(1)
                .issuedAt(now.minus(Duration.ofHours(1))).expiresAt(now.plus(Duration.ofDays(30))).issuer(listed.build()).build();
        TrustAnchors anchors = TrustAnchors.load(list.sign(operator), List.of(operator.verificationKey()), clock).value();
        String statusToken = StatusListSigner.builder().key(issuerKey).clock(clock).build()
                .sign(STATUS_URI, StatusList.builder(1, 1024).build());
        StatusListStore store = StatusListStore.builder().trustedKeys(List.of(issuerKey.verificationKey())).clock(clock)
                .maxAge(Duration.ofDays(1)).build();
        if (!store.load("bench", statusToken).isStored()) {
            throw new IllegalStateException("status list must load");
        }

        issuer = PassportIssuer.builder().issuerId(ISSUER).signingKey(issuerKey).clock(clock).random(seeded(4))
                .validator(TestCredentials.validator()).build();
        validUntil = now.plus(Duration.ofDays(90));
        wallet = Wallet.create(holderKey, clock);
        List<Credential> credentials = TestCredentials.all().subList(0, 8);
        DisclosureRequest request = null;
        int index = 0;
        for (Credential credential : credentials) {
            String issued = issuer.issue(credential, holderPublic, validUntil, new StatusReference(STATUS_URI, index++))
                    .value().compact();
            if (!wallet.add(issued).isAccepted()) {
                throw new IllegalStateException("wallet must accept " + credential.credentialType());
            }
            CredentialType type = credential.credentialType();
            String[] pointers = type.selectivelyDisclosable().toArray(new String[0]);
            request = request == null ? DisclosureRequest.of(type, pointers) : request.and(type, pointers);
        }
        everything = request;
        dbs = credentials.stream().filter(c -> c.credentialType() == CredentialType.DBS_CHECK).findFirst().orElseThrow();
        presentation = wallet.present(AUDIENCE, NONCE, everything);
        verifier = PassportVerifier.builder().trustAnchors(anchors).statusLists(store).audience(AUDIENCE).clock(clock)
                .validator(TestCredentials.validator()).build();

        for (JsonNode sdJwt : JsonMapper.builder().build().readTree(presentation).get("presentation")) {
            String compact = sdJwt.textValue();
            raw.add(rawCheck(compact.substring(0, compact.indexOf('~')), issuerKey.verificationKey(), false));
            raw.add(rawCheck(compact.substring(compact.lastIndexOf('~') + 1), holderPublic, true));
        }
        if (!(verifyPresentation() instanceof VerifiedPassport passport) || passport.credentials().size() != 8) {
            throw new IllegalStateException("the presentation must verify with 8 credentials: " + verifyPresentation());
        }
        if (raw.size() != 16 || !rawSignatures() || !rawSignaturesAllKeysCached()) {
            throw new IllegalStateException("all 16 raw signatures must verify");
        }
    }

    @Benchmark
    public PassportVerification verifyPresentation() {
        return verifier.verify(presentation, NONCE);
    }

    @Benchmark
    public boolean rawSignatures() {
        boolean all = true;
        for (RawCheck check : raw) {
            all &= verifyRaw(check, check.fresh());
        }
        return all;
    }

    @Benchmark
    public boolean rawSignaturesAllKeysCached() {
        boolean all = true;
        for (RawCheck check : raw) {
            all &= verifyRaw(check, false);
        }
        return all;
    }

    @Benchmark
    public Object issueOne() {
        return issuer.issue(dbs, holderPublic, validUntil, new StatusReference(STATUS_URI, 100));
    }

    @Benchmark
    public String presentAll() {
        return wallet.present(AUDIENCE, NONCE, everything);
    }

    private static RawCheck rawCheck(String jws, VerificationKey key, boolean fresh) {
        int lastDot = jws.lastIndexOf('.');
        byte[] input = jws.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        byte[] signature = Base64.getUrlDecoder().decode(jws.substring(lastDot + 1));
        JsonNode jwk = key.toJwk();
        Base64.Decoder b64 = Base64.getUrlDecoder();
        byte[] x = b64.decode(jwk.get("x").textValue());
        byte[] y = jwk.has("y") ? b64.decode(jwk.get("y").textValue()) : null;
        return new RawCheck(input, signature, decode(x, y), x, y, fresh);
    }

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());

    /** Bouncy Castle key parameters from JWK coordinates (validated, as a verifier must). */
    private static Object decode(byte[] x, byte[] y) {
        if (y == null) {
            return new Ed25519PublicKeyParameters(x);
        }
        return new ECPublicKeyParameters(DOMAIN.validatePublicPoint(
                CURVE.getCurve().createPoint(new BigInteger(1, x), new BigInteger(1, y))), DOMAIN);
    }

    private static boolean verifyRaw(RawCheck check, boolean fresh) {
        Object key = fresh ? decode(check.x(), check.y()) : check.key();
        if (key instanceof Ed25519PublicKeyParameters ed) {
            return ed.verify(Ed25519.Algorithm.Ed25519, null, check.signingInput(), 0, check.signingInput().length,
                    check.signature(), 0);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(check.signingInput());
            ECDSASigner signer = new ECDSASigner();
            signer.init(false, (ECPublicKeyParameters) key);
            return signer.verifySignature(hash, new BigInteger(1, java.util.Arrays.copyOfRange(check.signature(), 0, 32)),
                    new BigInteger(1, java.util.Arrays.copyOfRange(check.signature(), 32, 64)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecureRandom seeded(long seed) throws NoSuchAlgorithmException {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(seed);
        return random;
    }
}
