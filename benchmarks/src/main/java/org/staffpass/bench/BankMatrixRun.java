package org.staffpass.bench;

import java.util.List;
import org.staffpass.rules.BankMatcher;
import org.staffpass.rules.Policy;
import org.staffpass.rules.Shift;

/**
 * The bank's whole matrix, measured once (too slow for JMH iterations): a synthetic pool of
 * 126,000 workers against 1,000 shifts on 2 threads with {@link BankMatcher#matchEach}, each
 * shift's decisions counted and dropped (all of them would not fit in memory). A
 * warm-up pass over 50 other shifts runs first. With a shift count below 1,000 it measures
 * that fraction and prints the extrapolation to 1,000, marked as such.
 *
 * <pre>
 * java -Xmx6g -cp benchmarks/target/benchmarks.jar org.staffpass.bench.BankMatrixRun [workers=126000] [shifts=1000] [threads=2]
 * </pre>
 */
public final class BankMatrixRun {
    private BankMatrixRun() {
    }

    public static void main(String[] args) {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 126_000;
        int shiftCount = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Policy policy = SyntheticBank.policy();
        List<BankMatcher.Worker> pool = SyntheticBank.workers(workers, 42);
        long t0 = System.nanoTime();
        BankMatcher matcher = BankMatcher.of(policy, pool);
        long t1 = System.nanoTime();
        matcher.matchEach(SyntheticBank.shifts(50, 99), SyntheticBank.AT, threads, m -> { });
        List<Shift> shifts = SyntheticBank.shifts(shiftCount, 7);
        long[] matches = new long[1];
        long t2 = System.nanoTime();
        // Millions of decisions do not fit in memory: each shift's answer is counted, then dropped.
        matcher.matchEach(shifts, SyntheticBank.AT, threads, m -> matches[0] += m.size());
        long t3 = System.nanoTime();
        double seconds = (t3 - t2) / 1e9;
        System.out.printf("index of %d workers built in %.2f s%n", workers, (t1 - t0) / 1e9);
        System.out.printf("%d workers x %d shifts on %d threads: %.2f s (%.1f ms a shift), %d matches (%.0f a shift)%n",
                workers, shiftCount, threads, seconds, seconds * 1000 / shiftCount, matches[0],
                (double) matches[0] / shiftCount);
        if (shiftCount != 1_000) {
            System.out.printf("EXTRAPOLATED to 1,000 shifts: %.1f s%n", seconds * 1_000 / shiftCount);
        }
    }
}
