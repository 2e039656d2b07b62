package org.staffpass.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The benchmarks' own setup checks, run as tests so a change in {@code crypto} that breaks a
 * benchmark path shows up in the build, not halfway through a JMH run. No timing here.
 */
class BenchmarkSetupTest {

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "EdDSA"})
    void everySignaturePathAcceptsTheBenchmarkToken(String alg) throws Exception {
        SignatureVerifyBenchmark bench = new SignatureVerifyBenchmark();
        bench.alg = alg;
        bench.setUp();

        assertTrue(bench.jdkRaw());
        assertTrue(bench.bcRaw());
        assertTrue(bench.oursJws().isAccepted());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "EdDSA"})
    void overheadStagesRunOnTheSameToken(String alg) throws Exception {
        JwsOverheadBenchmark bench = new JwsOverheadBenchmark();
        bench.alg = alg;
        bench.setUp();

        assertTrue(bench.oursJws().isAccepted());
        assertTrue(bench.canonicalCheck());
        assertEquals(SignedToken.credentialPayload().length(), bench.payloadDecode().length);
        assertEquals(64, bench.signatureDecode().length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "EdDSA"})
    void tokenIsAboutOneAndAHalfKilobytesAndTheSameEveryTime(String alg) {
        SignedToken token = SignedToken.create(alg);

        assertTrue(Math.abs(token.compact.length() - SignedToken.TARGET_LENGTH) <= SignedToken.LENGTH_TOLERANCE,
                "length " + token.compact.length());
        assertEquals(token.compact, SignedToken.create(alg).compact);
    }
}
