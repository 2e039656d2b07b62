package org.staffpass.rules.internal.calc;

/**
 * The values (no evidence) of the working-time figures for one candidate shift against one
 * history, in whole seconds, as {@link QuickWorkingTime#evaluate} computes them. Each field equals
 * the corresponding value of {@link WorkingTimeCalculator#evaluate(java.util.List, ShiftTime)} for
 * the same shifts; a judge needing the evidence text asks that calculator instead. Immutable.
 *
 * @param candidateSeconds              {@link WorkingTimeFigures#candidateLength()}
 * @param hasRestBefore                 {@link WorkingTimeFigures#restBefore()} is present
 * @param restBeforeSeconds             its value (negative when the shifts overlap); 0 when absent
 * @param hasRestAfter                  {@link WorkingTimeFigures#restAfter()} is present
 * @param restAfterSeconds              its value; 0 when absent
 * @param maxInRollingWindowSeconds     {@link WorkingTimeFigures#maxHoursInRollingWindow()}'s value
 * @param totalInReferencePeriodSeconds {@link WorkingTimeFigures#totalInReferencePeriod()}'s value
 * @param consecutiveShifts             {@link WorkingTimeFigures#consecutiveShifts()}'s value
 * @param consecutiveLongShifts         {@link WorkingTimeFigures#consecutiveLongShifts()}'s value
 * @param consecutiveNights             {@link WorkingTimeFigures#consecutiveNights()}'s value
 * @param hasRestAfterNights            {@link WorkingTimeFigures#restAfterNights()} is present
 * @param restAfterNightsSeconds        its value; 0 when absent
 * @param weekendsWorked                {@link WorkingTimeFigures.WeekendFrequency#worked()}
 * @param weekendsTotal                 {@link WorkingTimeFigures.WeekendFrequency#total()} (at least 1)
 * @param candidateOnWeekend            the candidate is in the weekend evidence (meets a weekend of
 *                                      its reference period)
 * @param candidateOverlaps             some pair in {@link WorkingTimeFigures#overlaps()} holds the
 *                                      candidate: another shift shares positive time with it
 */
public record QuickFigures(
        long candidateSeconds,
        boolean hasRestBefore,
        long restBeforeSeconds,
        boolean hasRestAfter,
        long restAfterSeconds,
        long maxInRollingWindowSeconds,
        long totalInReferencePeriodSeconds,
        int consecutiveShifts,
        int consecutiveLongShifts,
        int consecutiveNights,
        boolean hasRestAfterNights,
        long restAfterNightsSeconds,
        int weekendsWorked,
        int weekendsTotal,
        boolean candidateOnWeekend,
        boolean candidateOverlaps) {

    /**
     * Whether {@link WorkingTimeFigures#averageWeekly()} (the total divided by {@code weeks},
     * truncated to the nanosecond) is at most {@code limitSeconds}. With a whole-second total and
     * at most 52 weeks the truncation never crosses a whole second, so comparing
     * {@code total <= limit * weeks} gives exactly the same answer without division.
     */
    public boolean averageWeeklyAtMost(long limitSeconds, int weeks) {
        if (weeks < 1 || weeks > 52 || limitSeconds < 0) {
            throw new IllegalArgumentException("weeks must be 1 to 52 and the limit not negative");
        }
        return limitSeconds > Long.MAX_VALUE / 52 || totalInReferencePeriodSeconds <= limitSeconds * weeks;
    }
}
