package org.staffpass.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * <p>Two ratios per round: wall time, and this thread's CPU time plus the collectors' pause
 * time during the block. The second does not grow while the thread waits for a core another
 * process holds, so on a loaded machine it is the steadier of the two; it still counts the
 * garbage each side makes (as collection time), which the thread's CPU time alone would hide.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.staffpass.bench.PassportInterleavedRatio [rounds, default 60]
 * </pre>
 */
public final class PassportInterleavedRatio {
    private static final long BLOCK_NANOS = 200_000_000L;
    private static final long WARMUP_NANOS = 10_000_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

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

            // Warm up by this thread's CPU time, not the clock's: on a loaded machine a wall-clock
            // warm-up can end before the JIT has compiled the longer of the two paths.
            long warmupStart = THREADS.getCurrentThreadCpuTime();
            long warmupOps = 0;
            while (THREADS.getCurrentThreadCpuTime() - warmupStart < WARMUP_NANOS) {
                sink += ours(bench, 10) + raw(bench, 10);
                warmupOps += 10;
            }
            // Ops per block so that one block of either side takes about BLOCK_NANOS of CPU.
            int ops = (int) Math.max(10, warmupOps * 2 * BLOCK_NANOS / WARMUP_NANOS);

            double[] ratios = new double[rounds];
            double[] cpuRatios = new double[rounds];
            double[] oursMicros = new double[rounds];
            double[] rawMicros = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                Block first;
                Block second;
                // Alternate the order each round so a steady drift in load cancels out.
                boolean oursFirst = round % 2 == 0;
                first = time(bench, ops, oursFirst);
                second = time(bench, ops, !oursFirst);
                Block ours = oursFirst ? first : second;
                Block raw = oursFirst ? second : first;
                sink += ours.valid() + raw.valid();
                ratios[round] = (double) ours.wallNanos() / raw.wallNanos();
                cpuRatios[round] = (double) ours.cpuAndGcNanos() / raw.cpuAndGcNanos();
                oursMicros[round] = ours.wallNanos() / 1000.0 / ops;
                rawMicros[round] = raw.wallNanos() / 1000.0 / ops;
            }
            if (sink != (long) rounds * ops * 2 + warmupOps * 2) {
                throw new IllegalStateException("a path said invalid during the run");
            }
            System.out.printf(Locale.ROOT,
                    "%-6s rounds=%d ops/block=%d  verifyPresentation p50 %.1f us  rawSignatures p50 %.1f us"
                            + "  ours/raw wall p50 %.3f (p25 %.3f, p75 %.3f)  cpu+gc p50 %.3f (p25 %.3f, p75 %.3f)%n",
                    alg, rounds, ops, percentile(oursMicros, 50), percentile(rawMicros, 50),
                    percentile(ratios, 50), percentile(ratios, 25), percentile(ratios, 75),
                    percentile(cpuRatios, 50), percentile(cpuRatios, 25), percentile(cpuRatios, 75));
        }
    }

    /** One timed block: wall time, this thread's CPU time plus the collectors' time, and how many said valid. */
    private record Block(long wallNanos, long cpuAndGcNanos, long valid) {
    }

    private static Block time(PassportVerifyBenchmark bench, int ops, boolean ours) {
        long gc0 = gcMillis();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long valid = ours ? ours(bench, ops) : raw(bench, ops);
        long t1 = System.nanoTime();
        long cpu1 = THREADS.getCurrentThreadCpuTime();
        long gc1 = gcMillis();
        return new Block(t1 - t0, cpu1 - cpu0 + (gc1 - gc0) * 1_000_000L, valid);
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, collector.getCollectionTime());
        }
        return total;
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
