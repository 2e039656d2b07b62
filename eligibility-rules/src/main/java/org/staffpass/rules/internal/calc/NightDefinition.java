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
}
