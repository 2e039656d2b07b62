package org.staffpass.rules.internal.calc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffpass.rules.internal.calc.ShiftTimeTest.local;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.staffpass.testing.Property;

class QuickWorkingTimeTest {

    private static final WorkingTimeParameters TCS = WorkingTimeParameters.TCS_2016;

    // ---- the reference: values read off the calculator's figures ----

    private static long seconds(Duration d) {
        assertEquals(0, d.getNano(), () -> "not whole seconds: " + d);
        return d.getSeconds();
    }

    static QuickFigures expected(WorkingTimeParameters p, List<ShiftTime> history, ShiftTime candidate) {
        WorkingTimeFigures f = new WorkingTimeCalculator(p).evaluate(history, candidate);
        return new QuickFigures(
                seconds(f.candidateLength()),
                f.restBefore().isPresent(), f.restBefore().map(r -> seconds(r.value())).orElse(0L),
                f.restAfter().isPresent(), f.restAfter().map(r -> seconds(r.value())).orElse(0L),
                seconds(f.maxHoursInRollingWindow().value()),
                seconds(f.totalInReferencePeriod().value()),
                f.consecutiveShifts().value(), f.consecutiveLongShifts().value(), f.consecutiveNights().value(),
                f.restAfterNights().isPresent(), f.restAfterNights().map(r -> seconds(r.value())).orElse(0L),
                f.weekends().worked(), f.weekends().total(),
                f.weekends().evidence().contains(candidate), // as the evaluator asks it
                f.overlaps().stream().anyMatch(o -> o.first() == candidate || o.second() == candidate));
    }

    static QuickFigures quick(WorkingTimeParameters p, List<ShiftTime> history, ShiftTime candidate) {
        long[] starts = new long[history.size()];
        long[] ends = new long[history.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = history.get(i).start().getEpochSecond();
            ends[i] = history.get(i).end().getEpochSecond();
        }
        return QuickWorkingTime.of(p, candidate).orElseThrow().evaluate(starts, ends, starts.length).orElseThrow();
    }

    /** Checks the quick values against the calculator and returns them for explicit checks. */
    private static QuickFigures same(WorkingTimeParameters p, List<ShiftTime> history, ShiftTime candidate) {
        QuickFigures q = quick(p, history, candidate);
        assertEquals(expected(p, history, candidate), q);
        return q;
    }

    private static QuickFigures same(List<ShiftTime> history, ShiftTime candidate) {
        return same(TCS, history, candidate);
    }

    // ---- table cases at the boundaries ----

    @Test
    void emptyHistory() {
        ShiftTime c = local("2026-06-03T08:00", "2026-06-03T21:00"); // a Wednesday, 13 h
        QuickFigures q = same(List.of(), c);
        assertEquals(13 * 3600, q.candidateSeconds());
        assertFalse(q.hasRestBefore());
        assertFalse(q.hasRestAfter());
        assertEquals(13 * 3600, q.maxInRollingWindowSeconds());
        assertEquals(13 * 3600, q.totalInReferencePeriodSeconds());
        assertEquals(1, q.consecutiveShifts());
        assertEquals(1, q.consecutiveLongShifts());
        assertEquals(0, q.consecutiveNights());
        assertFalse(q.hasRestAfterNights());
        assertEquals(0, q.weekendsWorked());
        assertEquals(26, q.weekendsTotal());
        assertFalse(q.candidateOnWeekend());
        assertFalse(q.candidateOverlaps());
    }

    @Test
    void restOfExactlyElevenHoursEitherSide() {
        ShiftTime before = local("2026-06-02T08:00", "2026-06-02T20:00");
        ShiftTime c = local("2026-06-03T07:00", "2026-06-03T17:00");
        ShiftTime after = local("2026-06-04T04:00", "2026-06-04T12:00");
        QuickFigures q = same(List.of(after, before), c);
        assertEquals(11 * 3600, q.restBeforeSeconds());
        assertEquals(11 * 3600, q.restAfterSeconds());
        assertEquals(3, q.consecutiveShifts());
    }

    @Test
    void thirteenHoursAgainstThirteenHoursAndAMinute() {
        ShiftTime exactly = local("2026-06-05T08:00", "2026-06-05T21:00");
        ShiftTime over = local("2026-06-05T08:00", "2026-06-05T21:01");
        assertEquals(13 * 3600, same(List.of(), exactly).candidateSeconds());
        assertEquals(13 * 3600 + 60, same(List.of(), over).candidateSeconds());
        // long means more than 10 h: 10 h is not long, 10 h 1 min is
        ShiftTime ten = local("2026-06-04T08:00", "2026-06-04T18:00");
        ShiftTime tenAndAMinute = local("2026-06-04T08:00", "2026-06-04T18:01");
        assertEquals(1, same(List.of(ten), exactly).consecutiveLongShifts());
        assertEquals(2, same(List.of(tenAndAMinute), exactly).consecutiveLongShifts());
    }

    @Test
    void nightsAcrossTheSpringChange() {
        // 21:00-07:00 local: 9 h of real time on the night of 28-29 March 2026, 10 h otherwise
        ShiftTime n1 = local("2026-03-27T21:00", "2026-03-28T07:00");
        ShiftTime c = local("2026-03-28T21:00", "2026-03-29T07:00");
        ShiftTime n3 = local("2026-03-29T21:00", "2026-03-30T07:00");
        ShiftTime day = local("2026-04-01T09:00", "2026-04-01T17:00");
        QuickFigures q = same(List.of(day, n3, n1), c);
        assertEquals(9 * 3600, q.candidateSeconds());
        assertEquals(3, q.consecutiveNights());
        assertTrue(q.hasRestAfterNights());
        assertEquals((2 * 24 + 2) * 3600, q.restAfterNightsSeconds()); // 30 March 07:00 to 1 April 09:00
        assertEquals(3, q.consecutiveShifts()); // the day shift is two dates later: not consecutive
    }

    @Test
    void nightsAcrossTheAutumnChange() {
        ShiftTime n1 = local("2026-10-23T21:00", "2026-10-24T07:00");
        ShiftTime n2 = local("2026-10-24T21:00", "2026-10-25T07:00"); // 11 h of real time
        ShiftTime c = local("2026-10-25T12:00", "2026-10-25T20:00"); // not a night, after the block
        QuickFigures q = same(List.of(n2, n1), c);
        assertEquals(0, q.consecutiveNights());
        assertTrue(q.hasRestAfterNights());
        assertEquals(5 * 3600, q.restAfterNightsSeconds());
        assertEquals(5 * 3600, q.restBeforeSeconds());
        assertEquals(2, same(List.of(n1), n2).consecutiveNights());
        assertEquals(11 * 3600, same(List.of(n1), n2).candidateSeconds());
    }

    @Test
    void weekendStartsAtSaturdayMidnightLocal() {
        ShiftTime c = local("2026-06-10T08:00", "2026-06-10T16:00"); // Wednesday
        ShiftTime endsAtMidnight = local("2026-06-05T16:00", "2026-06-06T00:00"); // Friday into Saturday 00:00
        ShiftTime endsAMinuteLater = local("2026-06-05T16:00", "2026-06-06T00:01");
        ShiftTime startsMondayMidnight = local("2026-06-08T00:00", "2026-06-08T08:00");
        assertEquals(0, same(List.of(endsAtMidnight, startsMondayMidnight), c).weekendsWorked());
        assertEquals(1, same(List.of(endsAMinuteLater), c).weekendsWorked());
        // the candidate itself on the Saturday edge, in summer time
        ShiftTime saturday = local("2026-06-06T00:00", "2026-06-06T08:00");
        QuickFigures q = same(List.of(endsAtMidnight), saturday);
        assertTrue(q.candidateOnWeekend());
        assertEquals(1, q.weekendsWorked());
        assertFalse(same(List.of(), local("2026-06-05T16:00", "2026-06-06T00:00")).candidateOnWeekend());
    }

    @Test
    void duplicatesOfTheCandidateInTheHistory() {
        ShiftTime c = local("2026-06-06T08:00", "2026-06-06T20:00");
        ShiftTime twin = local("2026-06-06T08:00", "2026-06-06T20:00");
        ShiftTime next = local("2026-06-07T08:00", "2026-06-07T20:00");
        QuickFigures q = same(List.of(next, twin, twin), c);
        assertTrue(q.candidateOverlaps());
        assertEquals(-12 * 3600, q.restBeforeSeconds());
        assertEquals(12 * 3600, q.restAfterSeconds());
        assertEquals(4, q.consecutiveShifts());
        assertEquals(12 * 3600 * 4, q.maxInRollingWindowSeconds());
    }

    @Test
    void overlapsAndTouchingShifts() {
        ShiftTime c = local("2026-06-03T08:00", "2026-06-03T16:00");
        assertFalse(same(List.of(local("2026-06-03T00:00", "2026-06-03T08:00"),
                local("2026-06-03T16:00", "2026-06-03T20:00")), c).candidateOverlaps());
        QuickFigures q = same(List.of(local("2026-06-03T15:59", "2026-06-03T20:00")), c);
        assertTrue(q.candidateOverlaps());
        assertEquals(12 * 3600 + 60, q.maxInRollingWindowSeconds()); // both in full: 8 h + 4 h 1 min
        // a longer shift starting with the candidate counts as before it (negative rest), not after
        QuickFigures sameStart = same(List.of(local("2026-06-03T08:00", "2026-06-03T18:00")), c);
        assertTrue(sameStart.hasRestBefore());
        assertFalse(sameStart.hasRestAfter());
        assertEquals(-10 * 3600, sameStart.restBeforeSeconds());
    }

    // ---- what it refuses ----

    @Test
    void refusesFractionsAndTimesOutsideTheTable() {
        ShiftTime c = local("2026-06-03T08:00", "2026-06-03T16:00");
        assertTrue(QuickWorkingTime.of(TCS, c).isPresent());
        assertTrue(QuickWorkingTime.of(TCS, new ShiftTime(c.start().plusMillis(1), c.end())).isEmpty());
        assertTrue(QuickWorkingTime.of(new WorkingTimeParameters(Duration.ofMillis(36_000_001), TCS.night(), 26,
                TCS.rollingWindow()), c).isEmpty());
        assertTrue(QuickWorkingTime.of(new WorkingTimeParameters(TCS.longShiftThreshold(), TCS.night(), 26,
                Duration.ofHours(168).plusNanos(1)), c).isEmpty());
        assertTrue(QuickWorkingTime.of(new WorkingTimeParameters(TCS.longShiftThreshold(),
                new NightDefinition(LocalTime.of(23, 0), LocalTime.of(6, 0), Duration.ofMillis(1)), 26,
                TCS.rollingWindow()), c).isEmpty());
        assertTrue(QuickWorkingTime.of(new WorkingTimeParameters(TCS.longShiftThreshold(), TCS.night(), 26,
                Duration.ofSeconds(Long.MAX_VALUE)), c).isEmpty());
        assertTrue(QuickWorkingTime.of(TCS, local("2299-12-31T20:00", "2300-01-01T04:00")).isEmpty());
        assertTrue(QuickWorkingTime.of(TCS, local("1900-01-01T08:00", "1900-01-01T16:00")).isEmpty()); // period before 1900
        assertTrue(QuickWorkingTime.of(TCS, local("1900-07-02T08:00", "1900-07-02T16:00")).isPresent());

        QuickWorkingTime q = QuickWorkingTime.of(TCS, c).orElseThrow();
        long far = Instant.parse("2300-01-01T00:00:00Z").getEpochSecond();
        assertTrue(q.evaluate(new long[] {far}, new long[] {far + 3600}, 1).isEmpty());
        assertTrue(q.evaluate(new long[] {far}, new long[] {far + 3600}, 0).isPresent()); // beyond count: unread
        long s = c.start().getEpochSecond();
        assertThrows(IllegalArgumentException.class, () -> q.evaluate(new long[] {s}, new long[] {s}, 1));
        assertThrows(IllegalArgumentException.class, () -> q.evaluate(new long[] {s}, new long[] {s + 48 * 3600 + 1}, 1));
        assertThrows(IllegalArgumentException.class, () -> q.evaluate(new long[] {s}, new long[] {s + 1}, 2));
        assertThrows(IllegalArgumentException.class, () -> q.evaluate(new long[0], new long[0], -1));
        int tooMany = WorkingTimeCalculator.MAX_HISTORY + 1;
        assertThrows(IllegalArgumentException.class, () -> q.evaluate(new long[tooMany], new long[tooMany], tooMany));
    }

    // ---- the differential property ----

    record Case(WorkingTimeParameters parameters, ShiftTime candidate, List<ShiftTime> history) {
    }

    private static final long SPRING = Instant.parse("2026-03-29T01:00:00Z").getEpochSecond();
    private static final long AUTUMN = Instant.parse("2026-10-25T01:00:00Z").getEpochSecond();
    private static final long SATURDAY = Instant.parse("2026-06-05T23:00:00Z").getEpochSecond(); // 00:00 BST

    @Test
    void everyFieldEqualsTheCalculatorOnRandomHistories() {
        // how often each situation came up, so the generator cannot quietly stop producing it
        int[] seen = new int[7];
        Property.forAll("QuickWorkingTime equals WorkingTimeCalculator", Property.scaled(3_000), QuickWorkingTimeTest::randomCase, c -> {
            long[] starts = new long[c.history().size() + 3]; // longer than count: the rest must be ignored
            long[] ends = new long[starts.length];
            for (int i = 0; i < c.history().size(); i++) {
                starts[i] = c.history().get(i).start().getEpochSecond();
                ends[i] = c.history().get(i).end().getEpochSecond();
            }
            long[] startsBefore = starts.clone();
            long[] endsBefore = ends.clone();
            QuickFigures q = QuickWorkingTime.of(c.parameters(), c.candidate()).orElseThrow()
                    .evaluate(starts, ends, c.history().size()).orElseThrow();
            assertEquals(expected(c.parameters(), c.history(), c.candidate()), q);
            assertArrayEquals(startsBefore, starts);
            assertArrayEquals(endsBefore, ends);
            Duration average = new WorkingTimeCalculator(c.parameters()).evaluate(c.history(), c.candidate())
                    .averageWeekly();
            for (long limit : new long[] {average.getSeconds() - 1, average.getSeconds(), average.getSeconds() + 1}) {
                if (limit >= 0) {
                    assertEquals(average.compareTo(Duration.ofSeconds(limit)) <= 0,
                            q.averageWeeklyAtMost(limit, c.parameters().referencePeriodWeeks()), "average " + limit);
                }
            }
            seen[0] += c.history().isEmpty() ? 0 : 1;
            seen[1] += q.consecutiveNights() > 1 ? 1 : 0;
            seen[2] += q.hasRestAfterNights() ? 1 : 0;
            seen[3] += q.consecutiveLongShifts() > 1 ? 1 : 0;
            seen[4] += q.candidateOnWeekend() && q.weekendsWorked() > 1 ? 1 : 0;
            seen[5] += q.candidateOverlaps() ? 1 : 0;
            long s = c.candidate().start().getEpochSecond();
            seen[6] += Math.abs(s - SPRING) < 86_400 || Math.abs(s - AUTUMN) < 86_400 ? 1 : 0;
        });
        assertTrue(seen[0] > 2_000, "cases with a history: " + seen[0]);
        for (int k = 1; k < seen.length; k++) {
            assertTrue(seen[k] > 100, "situation " + k + " seen " + seen[k] + " times");
        }
    }

    static Case randomCase(Random r) {
        WorkingTimeParameters p = r.nextInt(2) == 0 ? TCS : randomParameters(r);
        long anchor = switch (r.nextInt(5)) {
            case 0 -> SPRING;
            case 1 -> AUTUMN;
            case 2 -> SATURDAY;
            default -> Instant.parse("1960-01-01T00:00:00Z").getEpochSecond() + (long) r.nextInt(100_000) * 86_400;
        };
        long start = anchor + r.nextInt(4 * 86_400) - 2 * 86_400;
        if (r.nextInt(3) > 0) {
            start -= Math.floorMod(start, 1800); // half hours meet window and weekend edges exactly
        }
        ShiftTime candidate = shift(start, length(r));
        List<ShiftTime> history = new ArrayList<>();
        int count = r.nextInt(6) == 0 ? 0 : r.nextInt(41);
        while (history.size() < count) {
            long s = candidate.start().getEpochSecond();
            long e = candidate.end().getEpochSecond();
            switch (r.nextInt(10)) {
                case 0 -> history.add(shift(s, e - s)); // a twin of the candidate
                case 1 -> history.add(shift(e + (r.nextBoolean() ? 11 * 3600 : 0), length(r))); // exact rest or touching
                case 2 -> {
                    long len = length(r);
                    history.add(shift(s - len - (r.nextBoolean() ? 11 * 3600 : 0), len));
                }
                case 3, 4 -> { // a block on successive days at the same time, around the candidate
                    long first = s + (r.nextInt(9) - 6) * 86_400L + (r.nextInt(5) - 2) * 3600L;
                    long len = length(r);
                    for (int k = r.nextInt(6); k >= 0 && history.size() < count; k--) {
                        history.add(shift(first, len));
                        first += 86_400 + (r.nextInt(3) - 1) * 3600L * r.nextInt(6);
                    }
                }
                default -> { // anywhere from two reference periods before to a month after
                    long spread = switch (r.nextInt(3)) {
                        case 0 -> 3 * 86_400L;
                        case 1 -> 14 * 86_400L;
                        default -> 7 * 86_400L * p.referencePeriodWeeks() * 2;
                    };
                    long at = s + (long) (r.nextDouble() * (spread + 30 * 86_400L)) - spread;
                    if (r.nextBoolean()) {
                        at -= Math.floorMod(at, 3600);
                    }
                    history.add(shift(at, length(r)));
                }
            }
        }
        return new Case(p, candidate, List.copyOf(history));
    }

    private static long length(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> 60 + r.nextInt(48 * 3600 - 60 + 1); // 1 min to 48 h
            case 1 -> new long[] {8, 10, 12, 13}[r.nextInt(4)] * 3600L;
            case 2 -> 10 * 3600L + 60;
            case 3 -> 60 + r.nextInt(3600);
            default -> (4 + r.nextInt(11)) * 3600L;
        };
    }

    private static ShiftTime shift(long start, long length) {
        return new ShiftTime(Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + length));
    }

    private static WorkingTimeParameters randomParameters(Random r) {
        Duration threshold = r.nextBoolean() ? Duration.ofHours(4 + r.nextInt(10)) : Duration.ofSeconds(1 + r.nextInt(20 * 3600));
        NightDefinition night = r.nextBoolean() ? NightDefinition.TCS_2016
                : new NightDefinition(LocalTime.ofSecondOfDay(12 * 3600 + r.nextInt(12 * 3600)),
                        LocalTime.ofSecondOfDay(r.nextInt(12 * 3600)), Duration.ofSeconds(1 + r.nextInt(6 * 3600)));
        Duration window = r.nextBoolean() ? Duration.ofHours(24L * (1 + r.nextInt(14)))
                : Duration.ofSeconds(3600 + r.nextInt(400 * 3600));
        return new WorkingTimeParameters(threshold, night, 1 + r.nextInt(52), window);
    }
}
