package org.staffpass.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.staffpass.rules.BankMatcher;
import org.staffpass.rules.Decision;
import org.staffpass.rules.Outcome;
import org.staffpass.rules.Policy;
import org.staffpass.rules.Shift;

/**
 * One shift against a synthetic bank of {@code workers} (126,000: the NHSP bank's size) under
 * the regional example policy, three ways in one run:
 *
 * <ul>
 *   <li>{@code match}: {@link BankMatcher#match} (index, then evaluation of the workers it
 *       cannot rule out); each invocation takes the next of 16 seeded shifts, so no one lucky
 *       shift decides the figure;
 *   <li>{@code baselineEvaluateAll}: the naive answer, {@link Policy#evaluate} for every worker
 *       and the same shifts (the ratio is the index's saving);
 *   <li>{@code buildIndex}: {@link BankMatcher#of} over the pool.
 * </ul>
 *
 * Setup checks that match and the naive answer agree on the first shift and that it matches
 * someone. Single-shot: one invocation is a whole answer (milliseconds to seconds).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 16)
@Measurement(iterations = 32)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class BankMatcherBenchmark {
    @Param("126000")
    public int workers;

    private Policy policy;
    private List<BankMatcher.Worker> pool;
    private List<Shift> shifts;
    private BankMatcher matcher;
    private int next;

    @Setup(Level.Trial)
    public void setup() {
        policy = SyntheticBank.policy();
        pool = SyntheticBank.workers(workers, 42);
        shifts = SyntheticBank.shifts(16, 7);
        matcher = BankMatcher.of(policy, pool);
        List<BankMatcher.Match> fast = matcher.match(shifts.get(0), SyntheticBank.AT);
        int naive = 0;
        for (BankMatcher.Worker w : pool) {
            if (policy.evaluate(w.facts(), shifts.get(0), w.history(), SyntheticBank.AT).outcome() != Outcome.INELIGIBLE) {
                naive++;
            }
        }
        if (fast.isEmpty() || fast.size() != naive) {
            throw new IllegalStateException("matcher found " + fast.size() + ", full evaluation " + naive);
        }
    }

    private Shift nextShift() {
        Shift s = shifts.get(next);
        next = (next + 1) % shifts.size();
        return s;
    }

    @Benchmark
    public List<BankMatcher.Match> match() {
        return matcher.match(nextShift(), SyntheticBank.AT);
    }

    @Benchmark
    @Warmup(iterations = 2)
    @Measurement(iterations = 4)
    public void baselineEvaluateAll(Blackhole bh) {
        Shift s = nextShift();
        for (BankMatcher.Worker w : pool) {
            Decision d = policy.evaluate(w.facts(), s, w.history(), SyntheticBank.AT);
            if (d.outcome() != Outcome.INELIGIBLE) {
                bh.consume(d);
            }
        }
    }

    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public BankMatcher buildIndex() {
        return BankMatcher.of(policy, pool);
    }
}
