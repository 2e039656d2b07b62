package org.staffpass.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkRatiosTest {

    private static String result(String method, String alg, double score, String error) {
        return "{\"benchmark\":\"org.staffpass.bench.SignatureVerifyBenchmark." + method + "\",\"mode\":\"avgt\","
                + "\"params\":{\"alg\":\"" + alg + "\"},\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":" + error
                + ",\"scoreUnit\":\"us/op\",\"scorePercentiles\":{\"50.0\":" + score + "}}}";
    }

    @Test
    void dividesOursByEachRawBaselinePerAlgorithmAndJudgesOnlyBcRaw(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("result.json");
        Files.writeString(json, "[" + String.join(",",
                result("bcRaw", "ES256", 100.0, "10.0"),
                result("jdkRaw", "ES256", 1000.0, "\"NaN\""),
                result("oursJws", "ES256", 110.0, "0.0"),
                result("bcRaw", "EdDSA", 50.0, "60.0"),
                result("oursJws", "EdDSA", 60.0, "1.0")) + "]");

        String out = run(json.toString());

        assertTrue(out.contains("ours/bcRaw = 1.100 [1.000 .. 1.222]  target <= 1.15: met"), out);
        assertTrue(out.contains("ours/jdkRaw = 0.110" + System.lineSeparator()), out);
        assertTrue(out.contains("ours/bcRaw = 1.200 [0.536 .. unbounded]  target <= 1.15: MISSED"), out);
        assertTrue(out.contains("by p50: ours/bcRaw = 1.100"), out);
    }

    private static String run(String... args) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            BenchmarkRatios.main(args);
        } finally {
            System.setOut(saved);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
