package org.staffpass.cli.demo.region;

import java.time.LocalDateTime;
import java.util.Objects;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.SpecialtyCode;

/**
 * One vacant shift a trust offers through the bank in the demo month, in rota (Europe/London
 * wall-clock) time. The offered rate is given relative to the policy's card rate for the
 * shift, so one plan suits any rate card. Immutable.
 *
 * @param id                 {@code S0001} ...
 * @param trust              ODS code of the offering trust
 * @param department         ward or department
 * @param specialty          the shift's specialty
 * @param minGrade           most junior grade accepted
 * @param maxGrade           most senior grade accepted
 * @param start              local start
 * @param end                local end
 * @param kind               day, long day, evening or night
 * @param agency             whether it is offered to agencies rather than the bank
 * @param ratePercentOfCard  offered rate as a percentage of the card rate (100 = at the card)
 * @param breakGlass         whether a senior manager recorded a break-glass approval for a rate above the cap
 */
public record ShiftPlan(String id, String trust, String department, SpecialtyCode specialty, GradeCode minGrade,
        GradeCode maxGrade, LocalDateTime start, LocalDateTime end, Kind kind, boolean agency, int ratePercentOfCard,
        boolean breakGlass) {
    public ShiftPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(specialty, "specialty");
        Objects.requireNonNull(minGrade, "minGrade");
        Objects.requireNonNull(maxGrade, "maxGrade");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(kind, "kind");
    }

    /** Shift patterns, with local start time and length in minutes as the rota writes them. */
    public enum Kind {
        /** 08:00 to 17:00. */
        DAY(8, 0, 540),
        /** 08:00 to 20:30. */
        LONG_DAY(8, 0, 750),
        /** 17:00 to 00:00. */
        EVENING(17, 0, 420),
        /** 20:30 to 09:00 the next day (wall clock: 11.5 or 13.5 h real time across a clock change). */
        NIGHT(20, 30, 750);

        final int hour;
        final int minute;
        final int wallMinutes;

        Kind(int hour, int minute, int wallMinutes) {
            this.hour = hour;
            this.minute = minute;
            this.wallMinutes = wallMinutes;
        }
    }
}
