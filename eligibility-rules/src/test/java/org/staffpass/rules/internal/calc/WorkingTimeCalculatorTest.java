package org.staffpass.rules.internal.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffpass.rules.internal.calc.ShiftTimeTest.local;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingTimeCalculatorTest {

    private static final WorkingTimeCalculator TCS = new WorkingTimeCalculator(WorkingTimeParameters.TCS_2016);

    @ParameterizedTest(name = "{0} -> {1}: length {2}, long={3}")
    @CsvSource({
        "2026-06-05T08:00, 2026-06-05T21:00, PT13H,    true",
        "2026-06-05T08:00, 2026-06-05T21:01, PT13H1M,  true",
        "2026-06-05T08:00, 2026-06-05T18:00, PT10H,    false",  // long means more than 10 h
        "2026-06-05T08:00, 2026-06-05T18:01, PT10H1M,  true",
        "2026-10-24T21:00, 2026-10-25T07:00, PT11H,    true",
        "2026-03-28T21:00, 2026-03-29T07:00, PT9H,     false",
    })
    void candidateLengthAndLongShift(String start, String end, Duration length, boolean isLong) {
        ShiftTime c = local(start, end);
        WorkingTimeFigures f = TCS.evaluate(List.of(), c);
        assertEquals(length, f.candidateLength());
        assertEquals(length, f.longestShift().value());
        assertEquals(List.of(c), f.longestShift().evidence());
        assertEquals(isLong ? 1 : 0, f.consecutiveLongShifts().value());
        assertTrue(f.restBefore().isEmpty());
        assertTrue(f.restAfter().isEmpty());
    }

    @ParameterizedTest(name = "previous ends {0}, candidate starts {1}: rest {2}")
    @CsvSource({
        "2026-06-04T20:00, 2026-06-05T07:00, PT11H",
        "2026-06-04T20:01, 2026-06-05T07:00, PT10H59M",
        // rest measured in real time across the clock changes
        "2026-03-28T21:00, 2026-03-29T08:00, PT10H",
        "2026-10-24T21:00, 2026-10-25T08:00, PT12H",
    })
    void restBeforeAndAfter(String previousEnd, String candidateStart, Duration rest) {
        LocalDate prevDay = LocalDate.parse(previousEnd.substring(0, 10));
        ShiftTime previous = local(prevDay + "T09:00", previousEnd);
        ShiftTime candidate = local(candidateStart, candidateStart.substring(0, 11) + "17:00");
        ShiftTime next = local(candidate.localEnd().toLocalDate().plusDays(1) + "T04:00",
                candidate.localEnd().toLocalDate().plusDays(1) + "T12:00");
        WorkingTimeFigures f = TCS.evaluate(List.of(next, previous), candidate);
        assertEquals(rest, f.restBefore().orElseThrow().value());
        assertEquals(List.of(previous, candidate), f.restBefore().orElseThrow().evidence());
        assertEquals(Duration.ofHours(11), f.restAfter().orElseThrow().value());
        assertEquals(List.of(candidate, next), f.restAfter().orElseThrow().evidence());
    }

    @Test
    void rollingWindowCountsPartOfAShiftThatStraddlesTheEdge() {
        ShiftTime a = local("2026-06-01T16:00", "2026-06-02T02:00"); // 10 h, straddles the window edge
        ShiftTime b = local("2026-06-03T08:00", "2026-06-03T20:00");
        ShiftTime c = local("2026-06-05T08:00", "2026-06-05T20:00");
        ShiftTime candidate = local("2026-06-08T08:00", "2026-06-08T20:00");
        WorkingTimeFigures f = TCS.evaluate(List.of(c, a, b), candidate);
        // window [06-01 16:00, 06-08 16:00): a 10 + b 12 + c 12 + candidate 8 = 42 h;
        // sliding later trades a's hours for the candidate's one for one until 20:00
        assertEquals(Duration.ofHours(42), f.maxHoursInRollingWindow().value());
        assertEquals(local("2026-06-01T16:00", "2026-06-01T17:00").start(), f.worstWindowStart());
        assertEquals(List.of(a, b, c, candidate), f.maxHoursInRollingWindow().evidence());
    }

    @Test
    void rollingWindowIsRealTimeAcrossTheAutumnChange() {
        // seven 11 h nights 19-25 October 2026, the last one 12 h of real time
        List<ShiftTime> history = new ArrayList<>();
        for (int d = 18; d <= 23; d++) {
            history.add(local("2026-10-" + d + "T20:00", "2026-10-" + (d + 1) + "T07:00"));
        }
        ShiftTime candidate = local("2026-10-24T20:00", "2026-10-25T07:00");
        WorkingTimeFigures f = TCS.evaluate(history, candidate);
        assertEquals(Duration.ofHours(12), f.candidateLength());
        // 168 h ending at the candidate's end reach back to 10-18 08:00 local: all 7 nights fit
        assertEquals(Duration.ofHours(6 * 11 + 12), f.maxHoursInRollingWindow().value());
        assertEquals(7, f.consecutiveShifts().value());
        assertEquals(7, f.consecutiveNights().value());
        assertEquals(7, f.consecutiveLongShifts().value());
    }

    @Test
    void averageWeeklyHoursOverReferencePeriodCountsOverlapOnly() {
        WorkingTimeCalculator oneWeek = new WorkingTimeCalculator(new WorkingTimeParameters(
                Duration.ofHours(10), NightDefinition.TCS_2016, 1, Duration.ofHours(168)));
        ShiftTime outside = local("2026-05-30T08:00", "2026-05-30T20:00");
        ShiftTime straddling = local("2026-06-01T14:00", "2026-06-01T22:00"); // 4 h inside
        ShiftTime candidate = local("2026-06-08T08:00", "2026-06-08T18:00");
        WorkingTimeFigures f = oneWeek.evaluate(List.of(outside, straddling), candidate);
        assertEquals(Duration.ofHours(14), f.totalInReferencePeriod().value());
        assertEquals(List.of(straddling, candidate), f.totalInReferencePeriod().evidence());
        assertEquals(Duration.ofHours(14), f.averageWeekly());

        WorkingTimeFigures f26 = TCS.evaluate(List.of(outside, straddling), candidate);
        assertEquals(Duration.ofHours(30), f26.totalInReferencePeriod().value());
        assertEquals(Duration.ofHours(30).dividedBy(26), f26.averageWeekly());
    }

    @Test
    void consecutiveRunsBreakOnADayOff() {
        List<ShiftTime> history = new ArrayList<>();
        for (int d = 1; d <= 5; d++) { // Mon-Fri 1-5 June 2026, 12.5 h long days
            history.add(local("2026-06-0" + d + "T08:00", "2026-06-0" + d + "T20:30"));
        }
        ShiftTime saturday = local("2026-06-06T08:00", "2026-06-06T20:30");
        WorkingTimeFigures f = TCS.evaluate(history, saturday);
        assertEquals(6, f.consecutiveLongShifts().value());
        assertEquals(6, f.consecutiveShifts().value());
        assertEquals(0, f.consecutiveNights().value());
        ShiftTime sundayAfterDayOff = local("2026-06-07T08:00", "2026-06-07T20:30");
        assertEquals(1, TCS.evaluate(history, sundayAfterDayOff).consecutiveLongShifts().value());
        assertEquals(List.of(sundayAfterDayOff), TCS.evaluate(history, sundayAfterDayOff).consecutiveShifts().evidence());
        // a short shift in the run counts for consecutive shifts but breaks long shifts
        List<ShiftTime> mixed = new ArrayList<>(history);
        mixed.set(2, local("2026-06-03T08:00", "2026-06-03T16:00"));
        WorkingTimeFigures g = TCS.evaluate(mixed, saturday);
        assertEquals(3, g.consecutiveLongShifts().value());
        assertEquals(6, g.consecutiveShifts().value());
    }

    @Test
    void nightsRunAndRestAfterNights() {
        List<ShiftTime> nights = new ArrayList<>();
        for (int d = 1; d <= 4; d++) { // Mon-Thu nights, last ends Fri 5 June 07:00
            nights.add(local("2026-06-0" + d + "T21:00", "2026-06-0" + (d + 1) + "T07:00"));
        }
        ShiftTime day46 = local("2026-06-07T05:00", "2026-06-07T15:00");
        WorkingTimeFigures f = TCS.evaluate(nights, day46);
        assertEquals(Duration.ofHours(46), f.restAfterNights().orElseThrow().value());
        List<ShiftTime> evidence = new ArrayList<>(nights);
        evidence.add(day46);
        assertEquals(evidence, f.restAfterNights().orElseThrow().evidence());

        ShiftTime fifthNight = local("2026-06-05T21:00", "2026-06-06T07:00");
        WorkingTimeFigures g = TCS.evaluate(nights, fifthNight);
        assertEquals(5, g.consecutiveNights().value());
        assertTrue(g.restAfterNights().isEmpty()); // nothing after the block yet

        List<ShiftTime> withDay = new ArrayList<>(nights.subList(0, 3));
        withDay.add(day46);
        ShiftTime thursdayNight = nights.get(3);
        WorkingTimeFigures h = TCS.evaluate(withDay, thursdayNight);
        assertEquals(4, h.consecutiveNights().value());
        assertEquals(Duration.ofHours(46), h.restAfterNights().orElseThrow().value());

        assertTrue(TCS.evaluate(List.of(), day46).restAfterNights().isEmpty());
    }

    @Test
    void weekendFrequencyOverReferencePeriod() {
        WorkingTimeCalculator fourWeeks = new WorkingTimeCalculator(new WorkingTimeParameters(
                Duration.ofHours(10), NightDefinition.TCS_2016, 4, Duration.ofHours(168)));
        // candidate ends Wed 1 July 2026 17:00; 4 weeks back is Wed 3 June 17:00 BST:
        // weekends 6, 13, 20, 27 June
        ShiftTime candidate = local("2026-07-01T08:00", "2026-07-01T17:00");
        ShiftTime sat13 = local("2026-06-13T08:00", "2026-06-13T20:00");
        ShiftTime friNight19 = local("2026-06-19T21:00", "2026-06-20T07:00"); // reaches Saturday
        ShiftTime fri26 = local("2026-06-26T08:00", "2026-06-26T20:00");     // not a weekend
        ShiftTime sat30May = local("2026-05-30T08:00", "2026-05-30T20:00");  // before the period
        WorkingTimeFigures f = fourWeeks.evaluate(List.of(sat13, friNight19, fri26, sat30May), candidate);
        WorkingTimeFigures.WeekendFrequency w = f.weekends();
        assertEquals(4, w.total());
        assertEquals(2, w.worked());
        assertEquals(List.of(LocalDate.parse("2026-06-13"), LocalDate.parse("2026-06-20")), w.workedSaturdays());
        assertEquals(List.of(sat13, friNight19), w.evidence());
        assertFalse(w.exceedsOneIn(2));
        assertTrue(w.exceedsOneIn(3));
    }

    @Test
    void overlappingShiftsAreReported() {
        ShiftTime a = local("2026-06-01T08:00", "2026-06-01T20:00");
        ShiftTime b = local("2026-06-01T18:00", "2026-06-02T02:00");
        ShiftTime candidate = local("2026-06-02T01:00", "2026-06-02T09:00");
        WorkingTimeFigures f = TCS.evaluate(List.of(b, a), candidate);
        assertEquals(List.of(new WorkingTimeFigures.Overlap(a, b, Duration.ofHours(2)),
                new WorkingTimeFigures.Overlap(b, candidate, Duration.ofHours(1))), f.overlaps());
        assertEquals(Duration.ofHours(-1), f.restBefore().orElseThrow().value());
        assertTrue(TCS.evaluate(List.of(a), candidate).overlaps().isEmpty());
    }

    /** Minute-by-minute reference for the rolling-window maximum. */
    private static Duration bruteForceMax(List<ShiftTime> all, ShiftTime candidate, Duration window) {
        Duration best = Duration.ZERO;
        for (Instant t = candidate.start().minus(window); !t.isAfter(candidate.end()); t = t.plusSeconds(60)) {
            Duration d = WorkingTimeCalculator.workedIn(all, t, t.plus(window));
            if (d.compareTo(best) > 0) {
                best = d;
            }
        }
        return best;
    }

    private static ShiftTime randomShift(Random r, Instant base, int spreadMinutes, int maxMinutes) {
        Instant s = base.plusSeconds(60L * r.nextInt(spreadMinutes));
        return new ShiftTime(s, s.plusSeconds(60L * (1 + r.nextInt(maxMinutes))));
    }

    @Test
    void rollingWindowMaximumMatchesBruteForce() {
        Random r = new Random(20260329L);
        Duration window = Duration.ofHours(24); // small window keeps the minute scan cheap
        WorkingTimeCalculator calc = new WorkingTimeCalculator(new WorkingTimeParameters(
                Duration.ofHours(10), NightDefinition.TCS_2016, 1, window));
        Instant base = Instant.parse("2026-10-22T00:00:00Z");
        for (int trial = 0; trial < 200; trial++) {
            List<ShiftTime> history = new ArrayList<>();
            int n = r.nextInt(6);
            for (int i = 0; i < n; i++) {
                history.add(randomShift(r, base, 4 * 24 * 60, 14 * 60));
            }
            ShiftTime candidate = randomShift(r, base.plus(Duration.ofDays(1)), 2 * 24 * 60, 14 * 60);
            List<ShiftTime> all = new ArrayList<>(history);
            all.add(candidate);
            WorkingTimeFigures f = calc.evaluate(history, candidate);
            assertEquals(bruteForceMax(all, candidate, window), f.maxHoursInRollingWindow().value(),
                    "trial " + trial);
            assertEquals(f.maxHoursInRollingWindow().value(),
                    WorkingTimeCalculator.workedIn(all, f.worstWindowStart(), f.worstWindowStart().plus(window)));
        }
    }

    @Test
    void rollingWindowMaximumMatchesBruteForceOver168Hours() {
        Random r = new Random(20261025L);
        Instant base = Instant.parse("2026-10-15T00:00:00Z");
        for (int trial = 0; trial < 25; trial++) {
            List<ShiftTime> history = new ArrayList<>();
            int n = r.nextInt(10);
            for (int i = 0; i < n; i++) {
                history.add(randomShift(r, base, 14 * 24 * 60, 13 * 60));
            }
            ShiftTime candidate = randomShift(r, base.plus(Duration.ofDays(6)), 3 * 24 * 60, 13 * 60);
            List<ShiftTime> all = new ArrayList<>(history);
            all.add(candidate);
            assertEquals(bruteForceMax(all, candidate, Duration.ofHours(168)),
                    TCS.evaluate(history, candidate).maxHoursInRollingWindow().value(), "trial " + trial);
        }
    }

    @Test
    void evaluationIsDeterministicAndIndependentOfHistoryOrder() {
        Random r = new Random(7L);
        Instant base = Instant.parse("2026-03-20T00:00:00Z");
        for (int trial = 0; trial < 100; trial++) {
            List<ShiftTime> history = new ArrayList<>();
            int n = r.nextInt(12);
            for (int i = 0; i < n; i++) {
                history.add(randomShift(r, base, 20 * 24 * 60, 13 * 60));
            }
            ShiftTime candidate = randomShift(r, base.plus(Duration.ofDays(8)), 4 * 24 * 60, 13 * 60);
            WorkingTimeFigures first = TCS.evaluate(history, candidate);
            List<ShiftTime> shuffled = new ArrayList<>(history);
            Collections.shuffle(shuffled, r);
            assertEquals(first, TCS.evaluate(shuffled, candidate), "trial " + trial);
            assertEquals(first, TCS.evaluate(history, candidate), "trial " + trial);
        }
    }
}
