package org.staffpass.rules.internal.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShiftTimeTest {

    static ShiftTime local(String start, String end) {
        ShiftTime.Resolution r = ShiftTime.ofLocal(LocalDateTime.parse(start), LocalDateTime.parse(end));
        assertTrue(r.isResolved(), () -> "unresolved: " + r);
        return ((ShiftTime.Resolved) r).shift();
    }

    @ParameterizedTest(name = "{0} -> {1} lasts {2}")
    @CsvSource({
        // ordinary night: 10 h
        "2026-06-05T21:00, 2026-06-06T07:00, PT10H",
        // 29 March 2026: 01:00 GMT -> 02:00 BST, the night loses an hour
        "2026-03-28T21:00, 2026-03-29T07:00, PT9H",
        // 25 October 2026: 02:00 BST -> 01:00 GMT, the night gains an hour
        "2026-10-24T21:00, 2026-10-25T07:00, PT11H",
        // DOMAIN.md section 8: a 20:00-08:00 night lasts 11 h or 13 h
        "2026-03-28T20:00, 2026-03-29T08:00, PT11H",
        "2026-10-24T20:00, 2026-10-25T08:00, PT13H",
        // day shifts on the change days themselves
        "2026-03-29T00:00, 2026-03-30T00:00, PT23H",
        "2026-10-25T00:00, 2026-10-26T00:00, PT25H",
        "2026-06-05T08:00, 2026-06-05T21:00, PT13H",
        "2026-06-05T08:00, 2026-06-05T21:01, PT13H1M",
    })
    void elapsedIsRealTime(String start, String end, Duration expected) {
        assertEquals(expected, local(start, end).elapsed());
    }

    @Test
    void startInSpringGapIsRejectedByDefault() {
        ShiftTime.Resolution r = ShiftTime.ofLocal(
                LocalDateTime.parse("2026-03-29T01:30"), LocalDateTime.parse("2026-03-29T09:00"));
        assertEquals(ShiftTime.Problem.START_IN_DST_GAP, ((ShiftTime.Unresolvable) r).problem());
        assertFalse(r.isResolved());
    }

    @Test
    void endInSpringGapIsRejectedByDefault() {
        ShiftTime.Resolution r = ShiftTime.ofLocal(
                LocalDateTime.parse("2026-03-28T21:00"), LocalDateTime.parse("2026-03-29T01:00"));
        assertEquals(ShiftTime.Problem.END_IN_DST_GAP, ((ShiftTime.Unresolvable) r).problem());
    }

    @Test
    void springGapShiftsForwardWhenAsked() {
        ShiftTime.Resolution r = ShiftTime.ofLocal(LocalDateTime.parse("2026-03-29T01:30"),
                LocalDateTime.parse("2026-03-29T09:00"), ShiftTime.GapRule.SHIFT_FORWARD,
                ShiftTime.OverlapRule.EARLIER_OFFSET);
        ShiftTime s = ((ShiftTime.Resolved) r).shift();
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), s.start()); // 02:30 BST
        assertEquals(Duration.ofMinutes(6 * 60 + 30), s.elapsed());
    }

    @Test
    void autumnOverlapTakesEarlierOffsetUnlessToldOtherwise() {
        LocalDateTime ambiguous = LocalDateTime.parse("2026-10-25T01:30");
        LocalDateTime end = LocalDateTime.parse("2026-10-25T09:00");
        ShiftTime early = ((ShiftTime.Resolved) ShiftTime.ofLocal(ambiguous, end)).shift();
        ShiftTime late = ((ShiftTime.Resolved) ShiftTime.ofLocal(ambiguous, end, ShiftTime.GapRule.REJECT,
                ShiftTime.OverlapRule.LATER_OFFSET)).shift();
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), early.start());
        assertEquals(Instant.parse("2026-10-25T01:30:00Z"), late.start());
        assertEquals(Duration.ofMinutes(8 * 60 + 30), early.elapsed());
        assertEquals(Duration.ofMinutes(7 * 60 + 30), late.elapsed());
    }

    @Test
    void endNotAfterStartIsRejected() {
        ShiftTime.Resolution r = ShiftTime.ofLocal(
                LocalDateTime.parse("2026-06-05T08:00"), LocalDateTime.parse("2026-06-05T08:00"));
        assertEquals(ShiftTime.Problem.END_NOT_AFTER_START, ((ShiftTime.Unresolvable) r).problem());
        // 01:30 later offset (01:30Z) then 01:10 earlier offset (00:10Z): ends before it starts
        ShiftTime.Resolution r2 = ShiftTime.ofLocal(LocalDateTime.parse("2026-10-25T01:30"),
                LocalDateTime.parse("2026-10-25T01:10"), ShiftTime.GapRule.REJECT, ShiftTime.OverlapRule.LATER_OFFSET);
        assertEquals(ShiftTime.Problem.END_NOT_AFTER_START, ((ShiftTime.Unresolvable) r2).problem());
    }

    @Test
    void overlongShiftIsRejected() {
        ShiftTime.Resolution r = ShiftTime.ofLocal(
                LocalDateTime.parse("2026-06-01T08:00"), LocalDateTime.parse("2026-06-03T08:01"));
        assertEquals(ShiftTime.Problem.TOO_LONG, ((ShiftTime.Unresolvable) r).problem());
        assertTrue(ShiftTime.ofLocal(LocalDateTime.parse("2026-06-01T08:00"),
                LocalDateTime.parse("2026-06-03T08:00")).isResolved());
    }

    @Test
    void constructorRefusesProgrammerError() {
        Instant t = Instant.parse("2026-06-01T08:00:00Z");
        assertThrows(IllegalArgumentException.class, () -> new ShiftTime(t, t));
        assertThrows(NullPointerException.class, () -> new ShiftTime(null, t));
        assertThrows(IllegalArgumentException.class, () -> new ShiftTime(t, t.plus(Duration.ofHours(49))));
    }

    @Test
    void overlapMeasuresSharedTimeOnly() {
        ShiftTime a = local("2026-06-05T08:00", "2026-06-05T20:00");
        ShiftTime b = local("2026-06-05T19:00", "2026-06-06T07:00");
        ShiftTime c = local("2026-06-05T20:00", "2026-06-06T07:00");
        assertTrue(a.overlaps(b));
        assertFalse(a.overlaps(c)); // touching ends do not overlap
        assertEquals(Duration.ofHours(1), a.overlap(b.start(), b.end()));
    }
}
