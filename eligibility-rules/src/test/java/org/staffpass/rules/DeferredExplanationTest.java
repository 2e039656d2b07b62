package org.staffpass.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.staffpass.rules.internal.Evaluator;
import org.staffpass.testing.Property;

/**
 * A decision reaches its verdict without writing findings and writes them when first read. On
 * random workers, shifts, histories and break glass near every family's edges, the deferred
 * decision equals the one whose findings were written while judging, component by component
 * (so the counting that decides agrees with the findings that explain), and a prepared shift
 * gives the same decisions as {@link Policy#evaluate}.
 */
class DeferredExplanationTest {

    record Case(Policy policy, PassportFacts facts, Shift shift, WorkHistory history, Instant at,
            Optional<BreakGlass> breakGlass) {
    }

    static Case randomCase(Random random) {
        Policy policy = BankMatcherTest.pick(random, BankMatcherTest.POLICIES);
        Shift shift = BankMatcherTest.shift(random);
        Optional<BreakGlass> glass = random.nextInt(4) == 0 ? Optional.of(BreakGlassTest.CEO) : Optional.empty();
        return new Case(policy, BankMatcherTest.worker(random, shift), shift, BankMatcherTest.history(random, shift),
                BankMatcherTest.AT, glass);
    }

    static Decision decide(Case c) {
        return c.breakGlass().isPresent()
                ? c.policy().evaluate(c.facts(), c.shift(), c.history(), c.at(), c.breakGlass().get())
                : c.policy().evaluate(c.facts(), c.shift(), c.history(), c.at());
    }

    @Test
    void deferredFindingsEqualTheFindingsWrittenWhileJudging() {
        AtomicInteger[] outcomes = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
        Property.forAll("deferred = explained", Property.scaled(BankMatcherTest.POLICIES.size() * 400), DeferredExplanationTest::randomCase,
                c -> {
                    Decision deferred = decide(c);
                    Decision explained = Evaluator.explained(new Evaluator.ShiftPlan(c.policy(), c.shift(), false),
                            c.facts(), c.history(), c.at(), c.breakGlass());
                    assertEquals(explained.outcome(), deferred.outcome());
                    assertEquals(explained.approvals(), deferred.approvals());
                    assertEquals(explained.disclosureRequest(), deferred.disclosureRequest());
                    assertEquals(explained.hourlyPay(), deferred.hourlyPay());
                    assertEquals(explained.totalPay(), deferred.totalPay());
                    assertEquals(explained.findings(), deferred.findings());
                    assertEquals(explained, deferred);
                    outcomes[deferred.outcome().ordinal()].incrementAndGet();
                });
        // The generator reaches every outcome, so the agreement above is not vacuous for any.
        for (Outcome o : Outcome.values()) {
            assertTrue(outcomes[o.ordinal()].get() > 0, o + " never reached");
        }
    }

    @Test
    void aPreparedShiftDecidesAsThePolicyDoes() {
        Property.forAll("prepared = evaluate", Property.scaled(600), DeferredExplanationTest::randomCase, c -> {
            PreparedShift prepared = c.policy().prepare(c.shift());
            Decision viaPrepared = c.breakGlass().isPresent()
                    ? prepared.evaluate(c.facts(), c.history(), c.at(), c.breakGlass().get())
                    : prepared.evaluate(c.facts(), c.history(), c.at());
            assertEquals(decide(c), viaPrepared);
            assertEquals(c.policy().disclosureRequest(c.shift()), prepared.disclosureRequest());
            assertEquals(viaPrepared.shiftRequest(), prepared.disclosureRequest());
        });
    }

    @Test
    void findingsFirstReadOnAnotherThreadAreTheSame() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            Case c = randomCase(random);
            Decision d = decide(c);
            List<Finding> read = CompletableFuture.supplyAsync(() -> List.copyOf(d.findings())).get();
            assertEquals(read, decide(c).findings());
            assertFalse(read.isEmpty());
        }
    }
}
