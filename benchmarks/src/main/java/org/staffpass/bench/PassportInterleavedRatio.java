package org.staffpass.bench;

import java.util.Arrays;
import java.util.Locale;
import org.staffpass.passport.VerifiedPassport;

/**
 * The cross-check of {@link InterleavedRatio}, for issue 4's passport case: times
 * {@code verifyPresentation} and {@code rawSignatures} of {@link PassportVerifyBenchmark} in
 * short alternating blocks (A B, then B A, ...) in one JVM, and reports the median of the
 * per-round ratios for ES256 and EdDSA.
 *
 * <p>Same setup and same methods as the JMH benchmark (so the presentation verifies with its 8
 * credentials and all 16 raw signatures check, or the run fails), none of JMH's other
 * protections: read it beside the JMH figures, not instead of them.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.staffpass.bench.PassportInterleavedRatio [rounds, default 60]
 * </pre>
 */
public final class PassportInterleavedRatio {
    private static final long BLOCK_NANOS = 200_000_000L;
    private static final long WARMUP_NANOS = 8_000_000_000L;

    private PassportInterleavedRatio() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        String[] algorithms = args.length > 1 ? Arrays.copyOfRange(args, 1, args.length) : new String[] {"ES256", "EdDSA"};
        for (String alg : algorithms) {
            PassportVerifyBenchmark bench = new PassportVerifyBenchmark();
            bench.alg = alg;
            bench.setUp();
            long sink = 0;

            long warmupEnd = System.nanoTime() + WARMUP_NANOS;
            long warmupOps = 0;
            while (System.nanoTime() < warmupEnd) {
                sink += ours(bench, 10) + raw(bench, 10);
                warmupOps += 10;
            }
            // Ops per block so that one block of either side lasts about BLOCK_NANOS.
            int ops = (int) Math.max(10, warmupOps * 2 * BLOCK_NANOS / WARMUP_NANOS);

            double[] ratios = new double[rounds];
            double[] oursMicros = new double[rounds];
            double[] rawMicros = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                long oursNanos;
                long rawNanos;
                // Alternate the order each round so a steady drift in load cancels out.
                if (round % 2 == 0) {
                    long t0 = System.nanoTime();
                    sink += ours(bench, ops);
                    long t1 = System.nanoTime();
                    sink += raw(bench, ops);
                    long t2 = System.nanoTime();
                    oursNanos = t1 - t0;
                    rawNanos = t2 - t1;
                } else {
                    long t0 = System.nanoTime();
                    sink += raw(bench, ops);
                    long t1 = System.nanoTime();
                    sink += ours(bench, ops);
                    long t2 = System.nanoTime();
                    rawNanos = t1 - t0;
                    oursNanos = t2 - t1;
                }
                ratios[round] = (double) oursNanos / rawNanos;
                oursMicros[round] = oursNanos / 1000.0 / ops;
                rawMicros[round] = rawNanos / 1000.0 / ops;
            }
            if (sink != (long) rounds * ops * 2 + warmupOps * 2) {
                throw new IllegalStateException("a path said invalid during the run");
            }
            System.out.printf(Locale.ROOT,
                    "%-6s rounds=%d ops/block=%d  verifyPresentation p50 %.1f us  rawSignatures p50 %.1f us"
                            + "  ours/raw p50 %.3f (p25 %.3f, p75 %.3f)%n",
                    alg, rounds, ops, percentile(oursMicros, 50), percentile(rawMicros, 50),
                    percentile(ratios, 50), percentile(ratios, 25), percentile(ratios, 75));
        }
    }

    private static long ours(PassportVerifyBenchmark bench, int ops) {
        long valid = 0;
        for (int i = 0; i < ops; i++) {
            valid += bench.verifyPresentation() instanceof VerifiedPassport ? 1 : 0;
        }
        return valid;
    }

    private static long raw(PassportVerifyBenchmark bench, int ops) {
        long valid = 0;
        for (int i = 0; i < ops; i++) {
            valid += bench.rawSignatures() ? 1 : 0;
        }
        return valid;
    }

    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
    }
}
