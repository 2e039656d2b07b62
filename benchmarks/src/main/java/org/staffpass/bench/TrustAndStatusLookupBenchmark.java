package org.staffpass.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.status.StatusList;
import org.staffpass.crypto.status.StatusListSigner;
import org.staffpass.crypto.status.StatusListStore;
import org.staffpass.crypto.status.StatusLookup;
import org.staffpass.crypto.status.TokenStatus;
import org.staffpass.crypto.trust.ResolvedKey;
import org.staffpass.crypto.trust.TrustAnchors;
import org.staffpass.crypto.trust.TrustList;
import org.staffpass.crypto.trust.TrustedIssuer;

/**
 * The two lookups every credential check makes after parsing, against a plain
 * {@code HashMap.get} baseline measured in the same run:
 * <ul>
 *   <li>{@code trustResolve}: {@link TrustAnchors#resolve} of (issuer, kid, vct, time) on a list
 *       of 200 issuers with 2 keys and 3 types each;</li>
 *   <li>{@code statusLookup}: {@link StatusListStore#lookup} of one entry in a 2-bit list of
 *       2^20 entries (the store reads its clock on every lookup, as in production);</li>
 *   <li>{@code hashMapGet}: one {@code HashMap<String, Object>.get} of a 60-character key.</li>
 * </ul>
 * Target: both lookups sub-microsecond.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TrustAndStatusLookupBenchmark {
    private static final int ISSUERS = 200;
    private static final String STATUS_URI = "https://status.example/lists/1";
    private static final String VCT = "https://staffpass.example/vct/type-1/v1";

    private TrustAnchors anchors;
    private StatusListStore store;
    private Map<String, Object> baselineMap;
    private String issuerId;
    private String kid;
    private String baselineKey;
    private Instant at;
    private int index;

    @Setup
    public void setUp() {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        at = now;
        SigningKey operator = SigningKey.generate(SignatureAlgorithm.ES256);
        List<SigningKey> pool = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pool.add(SigningKey.generate(i % 2 == 0 ? SignatureAlgorithm.EDDSA : SignatureAlgorithm.ES256));
        }
        TrustList.Builder list = TrustList.builder().operator("https://operator.example").sequence(1)
                .issuedAt(now.minus(Duration.ofHours(1))).expiresAt(now.plus(Duration.ofDays(30)));
        baselineMap = new HashMap<>();
        for (int i = 0; i < ISSUERS; i++) {
            String id = "https://issuers.example/organisation-" + i + "/credentials";
            TrustedIssuer.Builder issuer = TrustedIssuer.builder().id(id).name("Issuer " + i).organisationCode("ORG" + i)
                    .status(TrustedIssuer.Status.ACTIVE).validFrom(now.minus(Duration.ofDays(365)));
            for (int t = 1; t <= 3; t++) {
                issuer.credentialType("https://staffpass.example/vct/type-" + t + "/v1");
            }
            // Each issuer lists two keys of the pool under its own kids.
            issuer.key(withKid(pool.get(i % pool.size()), "k" + i + "a"));
            issuer.key(withKid(pool.get((i + 1) % pool.size()), "k" + i + "b"));
            list.issuer(issuer.build());
            baselineMap.put(id, issuer);
        }
        anchors = TrustAnchors.load(list.build().sign(operator), List.of(operator.verificationKey()), clock).value();
        issuerId = "https://issuers.example/organisation-" + (ISSUERS / 2) + "/credentials";
        kid = "k" + (ISSUERS / 2) + "b";
        baselineKey = issuerId;

        StatusList.Builder statuses = StatusList.builder(2, 1 << 20);
        for (int i = 0; i < (1 << 20); i += 97) {
            statuses.set(i, TokenStatus.INVALID);
        }
        SigningKey statusKey = pool.get(0);
        String token = StatusListSigner.builder().key(statusKey).clock(clock).build().sign(STATUS_URI, statuses.build());
        store = StatusListStore.builder().trustedKeys(List.of(statusKey.verificationKey())).clock(clock)
                .maxAge(Duration.ofHours(24)).build();
        if (!store.load("benchmark", token).isStored()) {
            throw new IllegalStateException("the benchmark status list must load");
        }
        index = 123_457;
        if (!(trustResolve() instanceof Verification.Accepted) || !(statusLookup() instanceof StatusLookup.Known)) {
            throw new IllegalStateException("both lookups must succeed on the benchmark data");
        }
    }

    private static org.staffpass.crypto.VerificationKey withKid(SigningKey key, String kid) {
        com.fasterxml.jackson.databind.node.ObjectNode jwk = key.verificationKey().toJwk();
        jwk.put("kid", kid);
        return org.staffpass.crypto.VerificationKey.fromJwk(jwk).value();
    }

    @Benchmark
    public Verification<ResolvedKey> trustResolve() {
        return anchors.resolve(issuerId, kid, VCT, at);
    }

    @Benchmark
    public StatusLookup statusLookup() {
        return store.lookup(STATUS_URI, index);
    }

    @Benchmark
    public Object hashMapGet() {
        return baselineMap.get(baselineKey);
    }
}
