package org.staffpass.rules.internal.calc;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every working-time figure for one candidate shift against a worker's history across all
 * trusts, each with its evidence. Durations are real elapsed time. Immutable.
 *
 * @param candidate               the shift being checked
 * @param candidateLength         its elapsed time
 * @param longestShift            longest shift (history or candidate) ending in the reference period
 * @param restBefore              gap from the latest earlier shift's end to the candidate's start
 *                                (negative if they overlap); empty if no earlier shift
 * @param restAfter               gap from the candidate's end to the next shift's start; empty if none
 * @param maxHoursInRollingWindow maximum over windows of {@code rollingWindow} that overlap the
 *                                candidate of the time worked inside the window (shifts partly
 *                                inside count their overlap); evidence: shifts in the worst window
 * @param worstWindowStart        start of a window achieving that maximum
 * @param totalInReferencePeriod  time worked in the reference period ending at the candidate's end
 * @param averageWeekly           total divided by the number of weeks (truncated to the nanosecond)
 * @param consecutiveShifts       run of consecutive shifts containing the candidate
 * @param consecutiveLongShifts   run of consecutive long shifts containing it (0 if it is not long)
 * @param consecutiveNights       run of consecutive nights containing it (0 if it is not a night)
 * @param restAfterNights         rest after the night block next to the candidate (evidence: the
 *                                block, then the following shift); empty if none applies
 * @param weekends                weekend frequency over the reference period
 * @param overlaps                pairs of shifts that overlap in time (data error or double booking)
 */
public record WorkingTimeFigures(
        ShiftTime candidate,
        Duration candidateLength,
        Figure<Duration> longestShift,
        Optional<Figure<Duration>> restBefore,
        Optional<Figure<Duration>> restAfter,
        Figure<Duration> maxHoursInRollingWindow,
        Instant worstWindowStart,
        Figure<Duration> totalInReferencePeriod,
        Duration averageWeekly,
        Figure<Integer> consecutiveShifts,
        Figure<Integer> consecutiveLongShifts,
        Figure<Integer> consecutiveNights,
        Optional<Figure<Duration>> restAfterNights,
        WeekendFrequency weekends,
        List<Overlap> overlaps) {

    public WorkingTimeFigures {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(candidateLength, "candidateLength");
        Objects.requireNonNull(longestShift, "longestShift");
        Objects.requireNonNull(restBefore, "restBefore");
        Objects.requireNonNull(restAfter, "restAfter");
        Objects.requireNonNull(maxHoursInRollingWindow, "maxHoursInRollingWindow");
        Objects.requireNonNull(worstWindowStart, "worstWindowStart");
        Objects.requireNonNull(totalInReferencePeriod, "totalInReferencePeriod");
        Objects.requireNonNull(averageWeekly, "averageWeekly");
        Objects.requireNonNull(consecutiveShifts, "consecutiveShifts");
        Objects.requireNonNull(consecutiveLongShifts, "consecutiveLongShifts");
        Objects.requireNonNull(consecutiveNights, "consecutiveNights");
        Objects.requireNonNull(restAfterNights, "restAfterNights");
        Objects.requireNonNull(weekends, "weekends");
        overlaps = List.copyOf(overlaps);
    }

    /** Two shifts sharing time; {@code first} starts no later than {@code second}. */
    public record Overlap(ShiftTime first, ShiftTime second, Duration shared) {
        public Overlap {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
            Objects.requireNonNull(shared, "shared");
        }
    }

    /**
     * Weekends (Saturday 00:00 to Monday 00:00 local) meeting the reference period, and those in
     * which any shift worked some time.
     *
     * @param worked         weekends with work
     * @param total          weekends meeting the reference period (at least 1)
     * @param workedSaturdays the Saturday of each worked weekend, ascending
     * @param evidence       shifts that fell in a weekend
     */
    public record WeekendFrequency(int worked, int total, List<LocalDate> workedSaturdays,
                                   List<ShiftTime> evidence) {
        public WeekendFrequency {
            if (total < 1 || worked < 0 || worked > total) {
                throw new IllegalArgumentException("need 0 <= worked <= total, total >= 1");
            }
            workedSaturdays = List.copyOf(workedSaturdays);
            evidence = List.copyOf(evidence);
        }

        /** True when the worked fraction exceeds one in {@code n} (e.g. n = 2 for "1 in 2"). */
        public boolean exceedsOneIn(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("n must be positive");
            }
            return (long) worked * n > total;
        }
    }
}
