package org.staffpass.rules.internal.calc;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When a shift counts as a night: at least {@code minimumInWindow} of real elapsed time inside
 * a local wall-clock window that crosses midnight (default 2016 TCS: at least 3 h between
 * 23:00 and 06:00, DOMAIN.md section 6, "verify wording"). The window is placed on local time
 * each day, so on 25 October 2026 the 23:00–06:00 window lasts 8 h and on 29 March 2026 6 h.
 * Immutable and thread-safe.
 *
 * @param windowStart     local time the night window opens (e.g. 23:00)
 * @param windowEnd       local time it closes on the next day (e.g. 06:00); before windowStart
 * @param minimumInWindow time in the window that makes a night; positive
 */
public record NightDefinition(LocalTime windowStart, LocalTime windowEnd, Duration minimumInWindow) {

    /** 2016 TCS: ≥ 3 h of work between 23:00 and 06:00 local (wording to verify, DOMAIN.md §6). */
    public static final NightDefinition TCS_2016 =
            new NightDefinition(LocalTime.of(23, 0), LocalTime.of(6, 0), Duration.ofHours(3));

    public NightDefinition {
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(minimumInWindow, "minimumInWindow");
        if (!windowEnd.isBefore(windowStart)) {
            throw new IllegalArgumentException("windowEnd must be before windowStart (window crosses midnight)");
        }
        if (minimumInWindow.isNegative() || minimumInWindow.isZero()) {
            throw new IllegalArgumentException("minimumInWindow must be positive");
        }
    }

    /** Real elapsed time the shift spends inside night windows. */
    public Duration timeInWindow(ShiftTime shift) {
        Duration total = Duration.ZERO;
        LocalDate last = shift.end().atZone(ShiftTime.ZONE).toLocalDate();
        for (LocalDate d = shift.localStartDate().minusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            Instant open = ZonedDateTime.of(d, windowStart, ShiftTime.ZONE).toInstant();
            Instant close = ZonedDateTime.of(d.plusDays(1), windowEnd, ShiftTime.ZONE).toInstant();
            total = total.plus(shift.overlap(open, close));
        }
        return total;
    }

    /** True when the shift is a night under this definition. */
    public boolean isNight(ShiftTime shift) {
        return timeInWindow(shift).compareTo(minimumInWindow) >= 0;
    }

    /**
     * True when the window times and the minimum are whole seconds, the condition for
     * {@link #isNight(long, long)}: with whole-second shifts every window edge and overlap is then
     * a whole number of seconds, so integer arithmetic gives exactly {@link #isNight(ShiftTime)}.
     */
    public boolean wholeSeconds() {
        return windowStart.getNano() == 0 && windowEnd.getNano() == 0 && minimumInWindow.getNano() == 0;
    }

    /**
     * {@link #isNight(ShiftTime)} for the shift {@code [startSecond, endSecond)} in epoch seconds,
     * without allocating: the same windows (one per local date from the day before the start's
     * to the end's), placed with the Europe/London table instead of {@code ZonedDateTime}.
     * Callers check {@link #wholeSeconds()} and {@code LondonTime.covers} first (the fast
     * working-time path does, and falls back to the ShiftTime form otherwise).
     *
     * @throws IllegalStateException    if this definition is not {@link #wholeSeconds()}
     * @throws IllegalArgumentException if the shift is empty, longer than {@link ShiftTime#MAX_LENGTH}
     *                                  or outside the Europe/London table
     */
    public boolean isNight(long startSecond, long endSecond) {
        if (!wholeSeconds()) {
            throw new IllegalStateException("night definition has fractions of a second; use isNight(ShiftTime)");
        }
        if (endSecond <= startSecond || endSecond - startSecond > ShiftTime.MAX_LENGTH.getSeconds()) {
            throw new IllegalArgumentException("shift must be positive and at most " + ShiftTime.MAX_LENGTH);
        }
        if (!LondonTime.covers(startSecond) || !LondonTime.covers(endSecond)) {
            throw new IllegalArgumentException("shift outside the Europe/London table");
        }
        long minimum = minimumInWindow.getSeconds();
        long open = windowStart.toSecondOfDay();
        long close = windowEnd.toSecondOfDay() + 86_400L; // on the next local date
        // Every window edge used lies within about a day and a half of the shift; three days of
        // margin keep ambiguous and skipped local times well away, so a single offset is exact.
        int offset = LondonTime.fixedOffset(startSecond - 3 * 86_400L, endSecond + 3 * 86_400L);
        long total = 0;
        if (offset != LondonTime.NO_FIXED_OFFSET) {
            long first = Math.floorDiv(startSecond + offset, 86_400L) - 1;
            long last = Math.floorDiv(endSecond + offset, 86_400L);
            for (long d = first; d <= last; d++) {
                total += ShiftTime.overlapSeconds(startSecond, endSecond, d * 86_400L + open - offset, d * 86_400L + close - offset);
                if (total >= minimum) {
                    return true;
                }
            }
            return false;
        }
        long first = LondonTime.localEpochDay(startSecond) - 1;
        long last = LondonTime.localEpochDay(endSecond);
        for (long d = first; d <= last; d++) {
            total += ShiftTime.overlapSeconds(startSecond, endSecond, LondonTime.instantOf(d * 86_400L + open),
                    LondonTime.instantOf(d * 86_400L + close));
            if (total >= minimum) {
                return true;
            }
        }
        return false;
    }
}
