package org.staffpass.rules.internal.calc;

import java.time.Duration;
import java.util.Objects;

/**
 * Definitions the working-time figures depend on (not the limits: the rule layer compares the
 * figures with its policy's limits). Defaults from DOMAIN.md section 6. Immutable.
 *
 * @param longShiftThreshold    a shift strictly longer than this is a long shift (2016 TCS: 10 h)
 * @param night                 night-shift test (2016 TCS: ≥ 3 h in 23:00–06:00)
 * @param referencePeriodWeeks  averaging and weekend reference period, ending at the candidate's
 *                              end (2016 TCS trainees: 26; WTR: 17); 1 to 52
 * @param rollingWindow         length of the rolling window (2016 TCS: 168 h)
 */
public record WorkingTimeParameters(Duration longShiftThreshold, NightDefinition night,
                                    int referencePeriodWeeks, Duration rollingWindow) {

    /** 2016 TCS defaults: long &gt; 10 h, night ≥ 3 h in 23:00–06:00, 26 weeks, 168 h. */
    public static final WorkingTimeParameters TCS_2016 = new WorkingTimeParameters(
            Duration.ofHours(10), NightDefinition.TCS_2016, 26, Duration.ofHours(168));

    public WorkingTimeParameters {
        Objects.requireNonNull(longShiftThreshold, "longShiftThreshold");
        Objects.requireNonNull(night, "night");
        Objects.requireNonNull(rollingWindow, "rollingWindow");
        if (longShiftThreshold.isNegative() || longShiftThreshold.isZero()) {
            throw new IllegalArgumentException("longShiftThreshold must be positive");
        }
        if (referencePeriodWeeks < 1 || referencePeriodWeeks > 52) {
            throw new IllegalArgumentException("referencePeriodWeeks must be 1 to 52");
        }
        if (rollingWindow.isNegative() || rollingWindow.isZero()) {
            throw new IllegalArgumentException("rollingWindow must be positive");
        }
    }

    /** True when the shift is longer than {@link #longShiftThreshold}. */
    public boolean isLong(ShiftTime shift) {
        return shift.elapsed().compareTo(longShiftThreshold) > 0;
    }
}
