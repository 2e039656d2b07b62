package org.staffpass.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.staffpass.testing.Property;

/**
 * The completion date that separates training still valid at a shift's end from lapsed
 * training, month-end clamping included (a refresher from 31 January falls due on 28 or 29
 * February).
 */
class EarliestCompletionTest {

    @Test
    void isTheExactEdgeForAnyDateAndRefresher() {
        Property.forAll("earliest completion", random -> new Object[] {
                LocalDate.of(2020, 1, 1).plusDays(random.nextInt(4000)), 1 + random.nextInt(60)}, c -> {
                    LocalDate due = (LocalDate) c[0];
                    int months = (Integer) c[1];
                    LocalDate edge = Evaluator.ShiftPlan.earliestCompletion(due, months);
                    assertFalse(edge.plusMonths(months).isBefore(due), "edge itself is still valid");
                    assertTrue(edge.minusDays(1).plusMonths(months).isBefore(due), "the day before has lapsed");
                });
    }

    @Test
    void monthEndsClamp() {
        // Completed 28, 29, 30 or 31 January 2026: a 1-month refresher falls due 28 February.
        assertEquals(LocalDate.of(2026, 1, 28), Evaluator.ShiftPlan.earliestCompletion(LocalDate.of(2026, 2, 28), 1));
        // Due 1 March: only completions from 1 February qualify (31 January + 1 month = 28 February).
        assertEquals(LocalDate.of(2026, 2, 1), Evaluator.ShiftPlan.earliestCompletion(LocalDate.of(2026, 3, 1), 1));
        // Leap year: 29 February 2028 + 12 months = 28 February 2029.
        assertEquals(LocalDate.of(2028, 2, 28), Evaluator.ShiftPlan.earliestCompletion(LocalDate.of(2029, 2, 28), 12));
    }
}
