package org.staffpass.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import org.staffpass.rules.Policy;
import org.staffpass.rules.PolicyResult;

/**
 * Parsing and compiling the regional example policy (strict JSON, every check, canonical form,
 * digest, 22 embedded examples with their passport facts) against Jackson's {@code readTree}
 * of the same bytes in the same run: the ratio is what validation and compilation cost over
 * reading the JSON at all.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolicyParseBenchmark {
    private byte[] bytes;
    private ObjectMapper mapper;

    @Setup
    public void setup() {
        bytes = SyntheticBank.policyBytes();
        mapper = new ObjectMapper();
        if (!(parseAndCompile() instanceof PolicyResult.Valid)) {
            throw new IllegalStateException("the example policy does not parse");
        }
    }

    @Benchmark
    public PolicyResult parseAndCompile() {
        return Policy.parse(bytes);
    }

    @Benchmark
    public JsonNode baselineJacksonReadTree() throws IOException {
        return mapper.readTree(bytes);
    }
}
