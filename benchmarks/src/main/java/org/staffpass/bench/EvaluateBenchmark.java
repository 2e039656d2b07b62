package org.staffpass.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.Grade;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.rules.Decision;
import org.staffpass.rules.Outcome;
import org.staffpass.rules.PassportFacts;
import org.staffpass.rules.Policy;
import org.staffpass.rules.PreparedShift;
import org.staffpass.rules.Shift;
import org.staffpass.rules.WorkHistory;
import org.staffpass.rules.internal.calc.NightDefinition;
import org.staffpass.rules.internal.calc.QuickFigures;
import org.staffpass.rules.internal.calc.QuickWorkingTime;
import org.staffpass.rules.internal.calc.ShiftTime;
import org.staffpass.rules.internal.calc.WorkingTimeCalculator;
import org.staffpass.rules.internal.calc.WorkingTimeFigures;
import org.staffpass.rules.internal.calc.WorkingTimeParameters;

/**
 * Deciding one worker for one shift by the regional example policy (every family), for one
 * eligible ST4 with 20 shifts of history and one day shift, four ways and against two baselines
 * in the same run:
 *
 * <ul>
 *   <li>{@code evaluatePrepared}: {@link PreparedShift#evaluate}, the shift prepared once (as a
 *       bank deciding a shift's applicants, and the matcher, do); the decision's outcome,
 *       approvals, pay and disclosure request, its findings not read;
 *   <li>{@code evaluate}: {@link Policy#evaluate}, preparing the shift for this one worker;
 *   <li>{@code evaluateAndExplain} / {@code evaluatePreparedAndExplain}: the same, then every
 *       finding read (their texts and evidence are written on that first read);
 *   <li>{@code baselineFactCheck}: the same facts through the cheapest check a matcher could
 *       make without explaining anything (every required credential present and in date at
 *       the shift's end, grade on the ladder within the shift's range); the floor of a
 *       per-worker decision;
 *   <li>{@code baselineWorkingTime}: the working-time calculator alone on the same 20-shift
 *       history, with its evidence (the arithmetic an explained decision cannot skip);
 *   <li>{@code quickWorkingTime}: the same figures' values without evidence, as deciding
 *       computes them (the share of working time in {@code evaluatePrepared}).
 * </ul>
 *
 * Setup checks all decisions are equal and ELIGIBLE, so a broken policy or fixture fails the run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EvaluateBenchmark {
    private Policy policy;
    private PassportFacts facts;
    private Shift shift;
    private WorkHistory history;
    private WorkingTimeCalculator calculator;
    private List<CredentialType> required;
    private List<GradeCode> ladder;
    private PreparedShift prepared;
    private QuickWorkingTime quick;

    @Setup
    public void setup() {
        policy = SyntheticBank.policy();
        facts = SyntheticBank.eligibleWorker();
        shift = SyntheticBank.dayShift();
        history = SyntheticBank.history20();
        Decision d = policy.evaluate(facts, shift, history, SyntheticBank.AT);
        if (d.outcome() != Outcome.ELIGIBLE) {
            throw new IllegalStateException("fixture not eligible: " + d.findings());
        }
        prepared = policy.prepare(shift);
        if (!d.equals(evaluatePrepared()) || !d.findings().equals(List.copyOf(evaluatePrepared().findings()))) {
            throw new IllegalStateException("the prepared shift changes the decision");
        }
        Policy.WorkingTimeRules wt = policy.rules().workingTime().orElseThrow();
        calculator = new WorkingTimeCalculator(new WorkingTimeParameters(Duration.ofHours(10), NightDefinition.TCS_2016,
                wt.referenceWeeks(), Duration.ofHours(168)));
        quick = QuickWorkingTime.of(calculator.parameters(), new ShiftTime(shift.start(), shift.end())).orElseThrow();
        required = policy.rules().credentials().orElseThrow().required();
        ladder = policy.vocabularies().gradeLadder();
        if (!baselineFactCheck()) {
            throw new IllegalStateException("baseline check refuses the fixture");
        }
    }

    @Benchmark
    public Decision evaluate() {
        return policy.evaluate(facts, shift, history, SyntheticBank.AT);
    }

    @Benchmark
    public Decision evaluatePrepared() {
        return prepared.evaluate(facts, history, SyntheticBank.AT);
    }

    @Benchmark
    public int evaluateAndExplain() {
        return policy.evaluate(facts, shift, history, SyntheticBank.AT).findings().size();
    }

    @Benchmark
    public int evaluatePreparedAndExplain() {
        return prepared.evaluate(facts, history, SyntheticBank.AT).findings().size();
    }

    @Benchmark
    public boolean baselineFactCheck() {
        for (CredentialType type : required) {
            PassportFacts.CredentialFacts f = facts.credentials().get(type);
            if (f == null || f.expiresAt().isBefore(shift.end())) {
                return false;
            }
        }
        Grade g = (Grade) facts.credentials().get(CredentialType.GRADE).credential();
        int rank = ladder.indexOf(g.grade());
        return rank >= ladder.indexOf(shift.minGrade()) && rank <= ladder.indexOf(shift.maxGrade());
    }

    /** The working-time values alone, as deciding computes them (no evidence, whole seconds). */
    @Benchmark
    public QuickFigures quickWorkingTime() {
        List<WorkHistory.Entry> entries = history.entries();
        long[] starts = new long[entries.size()];
        long[] ends = new long[entries.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = entries.get(i).start().getEpochSecond();
            ends[i] = entries.get(i).end().getEpochSecond();
        }
        return quick.evaluate(starts, ends, starts.length).orElseThrow();
    }

    @Benchmark
    public WorkingTimeFigures baselineWorkingTime() {
        List<ShiftTime> past = new ArrayList<>(history.entries().size());
        for (WorkHistory.Entry e : history.entries()) {
            past.add(new ShiftTime(e.start(), e.end()));
        }
        return calculator.evaluate(past, new ShiftTime(shift.start(), shift.end()));
    }
}
