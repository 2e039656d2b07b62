package org.staffpass.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Offers above every tier or above the price cap: blocked unless a recorded break glass by the policy's role. */
class BreakGlassTest {
    static final Policy POLICY = FamiliesTest.POLICY;
    static final Instant AT = FamiliesTest.AT;
    static final BreakGlass CEO = new BreakGlass("chief-executive", "E1234", "no cover for the resus team",
            AT.minusSeconds(3600));

    static Shift offer(String rate) {
        return Workers.dayShift().withOfferedHourlyRate(new BigDecimal(rate));
    }

    static Finding only(Decision d, RuleCode code) {
        List<Finding> fs = d.findings().stream().filter(f -> f.code() == code).toList();
        assertEquals(1, fs.size(), code.toString());
        return fs.get(0);
    }

    @Test
    void aboveTheCapIsIneligibleWithoutBreakGlass() {
        Decision d = POLICY.evaluate(Workers.st4(), offer("300.01"), WorkHistory.empty(), AT);
        assertEquals(Outcome.INELIGIBLE, d.outcome());
        assertFalse(only(d, RuleCode.RATE_ABOVE_CAP).passed());
        assertTrue(only(d, RuleCode.RATE_ABOVE_CAP).actual().contains("no break-glass approval recorded"));
        assertEquals(List.of(), d.approvals());
    }

    @Test
    void aboveTheCapWithBreakGlassNeedsApprovalAndCarriesTheRecord() {
        Decision d = POLICY.evaluate(Workers.st4(), offer("300.01"), WorkHistory.empty(), AT, CEO);
        assertEquals(Outcome.NEEDS_APPROVAL, d.outcome());
        assertEquals(List.of(new Approval("chief-executive", "/rules/rates/breakGlassRole", RuleCode.RATE_ABOVE_CAP,
                Optional.of(CEO))), d.approvals());
        assertEquals(List.of("chief-executive"), d.approvalsRequired());
        assertFalse(only(d, RuleCode.RATE_ABOVE_CAP).passed(), "the finding still says the cap was exceeded");
        assertTrue(only(d, RuleCode.RATE_ABOVE_CAP).actual().contains("E1234"));
        assertEquals(Optional.of(new BigDecimal("2700.09")), d.totalPay()); // 9 h at 300.01
    }

    @Test
    void aboveEveryTierBelowTheCapAlsoNeedsBreakGlass() {
        Decision without = POLICY.evaluate(Workers.st4(), offer("144.16"), WorkHistory.empty(), AT);
        assertEquals(Outcome.INELIGIBLE, without.outcome());
        Decision with = POLICY.evaluate(Workers.st4(), offer("144.16"), WorkHistory.empty(), AT, CEO);
        assertEquals(Outcome.NEEDS_APPROVAL, with.outcome());
        assertEquals(RuleCode.RATE_ABOVE_TIERS, with.approvals().get(0).code());
        assertEquals(1, with.approvals().size());
    }

    @Test
    void theWrongRoleIsRefused() {
        BreakGlass director = new BreakGlass("divisional-director", "D1", "short staffed", AT.minusSeconds(60));
        Decision d = POLICY.evaluate(Workers.st4(), offer("300.01"), WorkHistory.empty(), AT, director);
        assertEquals(Outcome.INELIGIBLE, d.outcome());
        assertTrue(only(d, RuleCode.RATE_ABOVE_CAP).actual().contains("refused: the policy allows chief-executive"));
    }

    @Test
    void anApprovalRecordedAfterTheDecisionIsRefused() {
        BreakGlass late = new BreakGlass("chief-executive", "E1234", "late", AT.plusSeconds(1));
        assertEquals(Outcome.INELIGIBLE, POLICY.evaluate(Workers.st4(), offer("300.01"), WorkHistory.empty(), AT, late).outcome());
        BreakGlass onTime = new BreakGlass("chief-executive", "E1234", "on time", AT);
        assertEquals(Outcome.NEEDS_APPROVAL,
                POLICY.evaluate(Workers.st4(), offer("300.01"), WorkHistory.empty(), AT, onTime).outcome());
    }

    @Test
    void aPolicyWithoutABreakGlassRoleAllowsNone() {
        Policy none = FamiliesTest.variant(",\n      \"breakGlassRole\": \"chief-executive\"", "");
        Decision d = none.evaluate(Workers.st4(), offer("300.01"), WorkHistory.empty(), AT, CEO);
        assertEquals(Outcome.INELIGIBLE, d.outcome());
        assertTrue(only(d, RuleCode.RATE_ABOVE_CAP).actual().contains("the policy allows no break glass"));
    }

    @Test
    void breakGlassCoversOnlyTheRate() {
        Decision d = POLICY.evaluate(Workers.with(Workers.grade("ST6")), offer("300.01"), WorkHistory.empty(), AT, CEO);
        assertEquals(Outcome.INELIGIBLE, d.outcome());
        assertEquals(List.of(), d.approvals());
        Decision unneeded = POLICY.evaluate(Workers.st4(), offer("93.00"), WorkHistory.empty(), AT, CEO);
        assertEquals(Outcome.ELIGIBLE, unneeded.outcome());
        assertEquals(List.of(), unneeded.approvals(), "an approval nobody needed is not carried");
    }

    @Test
    void aBreakGlassRecordNamesItsFields() {
        assertThrows(IllegalArgumentException.class, () -> new BreakGlass("", "E1", "r", AT));
        assertThrows(IllegalArgumentException.class, () -> new BreakGlass("ceo", "E1\n", "r", AT));
        assertThrows(NullPointerException.class, () -> new BreakGlass("ceo", "E1", "r", null));
    }
}
