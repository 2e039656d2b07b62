package org.staffpass.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.staffpass.rules.Decision;
import org.staffpass.rules.Finding;
import org.staffpass.rules.Outcome;
import org.staffpass.rules.RuleCode;

/** Deferred findings are written once, and never explain a verdict other than the one decided. */
class DeferredFindingsTest {
    private static final Finding FAILED = new Finding("/effective", false, RuleCode.POLICY_NOT_EFFECTIVE,
            "shift starts on or after 2026-04-01", "starts 2026-03-01", List.of());

    private static Decision explained(Outcome outcome, Optional<BigDecimal> pay) {
        return new Decision(outcome, List.of(FAILED), pay, List.of(), List.of(), "digest", Optional.empty(),
                List.of(), new org.staffpass.passport.DisclosureRequest(java.util.Map.of()));
    }

    @Test
    void writtenOnceWhenFirstRead() {
        AtomicInteger runs = new AtomicInteger();
        DeferredFindings findings = new DeferredFindings(() -> {
            runs.incrementAndGet();
            return explained(Outcome.INELIGIBLE, Optional.empty());
        }, Outcome.INELIGIBLE, List.of(), List.of(), Optional.empty(), Optional.empty());
        assertEquals(0, runs.get());
        assertEquals(List.of(FAILED), findings);
        assertEquals(1, findings.size());
        assertEquals(1, runs.get());
    }

    @Test
    void anExplanationWithAnotherOutcomeIsRefusedLoudly() {
        DeferredFindings findings = new DeferredFindings(() -> explained(Outcome.INELIGIBLE, Optional.empty()),
                Outcome.ELIGIBLE, List.of(), List.of(), Optional.empty(), Optional.empty());
        IllegalStateException e = assertThrows(IllegalStateException.class, findings::size);
        assertEquals("explaining the decision reached another verdict: ELIGIBLE decided, INELIGIBLE explained",
                e.getMessage());
    }

    @Test
    void anExplanationWithOtherPayIsRefusedLoudly() {
        DeferredFindings findings = new DeferredFindings(
                () -> explained(Outcome.INELIGIBLE, Optional.of(new BigDecimal("61.00"))),
                Outcome.INELIGIBLE, List.of(), List.of(), Optional.of(new BigDecimal("62.00")), Optional.empty());
        assertThrows(IllegalStateException.class, () -> findings.get(0));
    }
}
