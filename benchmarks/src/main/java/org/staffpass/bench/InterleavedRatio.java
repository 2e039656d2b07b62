package org.staffpass.bench;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A cross-check of the JMH ratios for a busy machine: times {@code oursJws} and {@code bcRaw}
 * of {@link SignatureVerifyBenchmark} in short alternating blocks (A B B A ...) in one JVM,
 * and reports the median of the per-round ratios.
 *
 * <p>JMH measures one benchmark after the other, so when other processes come and go the two
 * sides of a ratio are timed under different load, and on a shared 2-core machine the
 * ratio of two JMH scores can swing by ±30%. Adjacent blocks a fraction of a second apart
 * see the same load, so their ratio stays put. It is not a replacement for the JMH suite:
 * it uses the same setup and the same methods (so the same checks that each path says
 * "valid"), but none of JMH's protections beyond that, so read it beside the JMH figures.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.staffpass.bench.InterleavedRatio [rounds, default 60]
 * </pre>
 */
public final class InterleavedRatio {
    private static final long BLOCK_NANOS = 100_000_000L;
    private static final long WARMUP_NANOS = 5_000_000_000L;

    private InterleavedRatio() {
    }

    public static void main(String[] args) throws GeneralSecurityException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        for (String alg : new String[] {"ES256", "EdDSA"}) {
            SignatureVerifyBenchmark bench = new SignatureVerifyBenchmark();
            bench.alg = alg;
            bench.setUp();
            long sink = 0;

            long warmupEnd = System.nanoTime() + WARMUP_NANOS;
            long warmupOps = 0;
            while (System.nanoTime() < warmupEnd) {
                sink += ours(bench, 100) + bc(bench, 100);
                warmupOps += 100;
            }
            // Ops per block so that one block of the slower side lasts about BLOCK_NANOS.
            int ops = (int) Math.max(50, warmupOps * 2 * BLOCK_NANOS / WARMUP_NANOS);

            double[] ratios = new double[rounds];
            double[] oursMicros = new double[rounds];
            double[] bcMicros = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                long oursNanos;
                long bcNanos;
                // Alternate the order each round so a steady drift in load cancels out.
                if (round % 2 == 0) {
                    long t0 = System.nanoTime();
                    sink += ours(bench, ops);
                    long t1 = System.nanoTime();
                    sink += bc(bench, ops);
                    long t2 = System.nanoTime();
                    oursNanos = t1 - t0;
                    bcNanos = t2 - t1;
                } else {
                    long t0 = System.nanoTime();
                    sink += bc(bench, ops);
                    long t1 = System.nanoTime();
                    sink += ours(bench, ops);
                    long t2 = System.nanoTime();
                    bcNanos = t1 - t0;
                    oursNanos = t2 - t1;
                }
                ratios[round] = (double) oursNanos / bcNanos;
                oursMicros[round] = oursNanos / 1000.0 / ops;
                bcMicros[round] = bcNanos / 1000.0 / ops;
            }
            if (sink != (long) rounds * ops * 2 + warmupOps * 2) {
                throw new IllegalStateException("a path said invalid during the run");
            }
            System.out.printf(Locale.ROOT,
                    "%-6s rounds=%d ops/block=%d  ours p50 %.2f us  bcRaw p50 %.2f us  ours/bcRaw p50 %.3f (p25 %.3f, p75 %.3f)%n",
                    alg, rounds, ops, percentile(oursMicros, 50), percentile(bcMicros, 50),
                    percentile(ratios, 50), percentile(ratios, 25), percentile(ratios, 75));
        }
    }

    private static long ours(SignatureVerifyBenchmark bench, int ops) {
        long valid = 0;
        for (int i = 0; i < ops; i++) {
            valid += bench.oursJws().isAccepted() ? 1 : 0;
        }
        return valid;
    }

    private static long bc(SignatureVerifyBenchmark bench, int ops) {
        long valid = 0;
        for (int i = 0; i < ops; i++) {
            valid += bench.bcRaw() ? 1 : 0;
        }
        return valid;
    }

    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
    }
}
