package org.staffpass.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.SpecialtyCode;
import org.staffpass.rules.internal.calc.ShiftTime;

/**
 * A shift offered to a worker: where, what grade and specialty, when (real instants; labels
 * such as night or bank holiday are read on Europe/London wall-clock time), through which
 * channel and at what hourly rate. Immutable. The constructor throws for programmer error;
 * rota wall-clock times from outside go through {@link #ofLocal}, which never throws for bad
 * times.
 *
 * @param organisation      ODS code of the trust offering the shift
 * @param site              site within the trust
 * @param department        department or ward
 * @param specialty         the shift's specialty
 * @param minGrade          most junior grade accepted
 * @param maxGrade          most senior grade accepted
 * @param start             start, inclusive
 * @param end               end, exclusive; after start, at most 48 h later
 * @param channel           bank or agency
 * @param offeredHourlyRate offered pay per hour (GBP, at most 2 decimals, not negative)
 * @param bankReleaseAt     when the shift was published to the bank, if recorded (the agency
 *                          cascade counts from it)
 * @since 0.1
 */
public record Shift(String organisation, String site, String department, SpecialtyCode specialty,
        GradeCode minGrade, GradeCode maxGrade, Instant start, Instant end, Channel channel,
        BigDecimal offeredHourlyRate, Optional<Instant> bankReleaseAt) {

    /** Longest shift accepted: anything longer is a data error, not a shift. */
    public static final Duration MAX_LENGTH = ShiftTime.MAX_LENGTH;

    public Shift {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(specialty, "specialty");
        Objects.requireNonNull(minGrade, "minGrade");
        Objects.requireNonNull(maxGrade, "maxGrade");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(offeredHourlyRate, "offeredHourlyRate");
        new ShiftTime(start, end); // same checks as every shift the calculators see
        if (offeredHourlyRate.signum() < 0 || offeredHourlyRate.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("offeredHourlyRate must be >= 0 with at most 2 decimals");
        }
        Objects.requireNonNull(bankReleaseAt, "bankReleaseAt");
    }

    /** A shift with no recorded bank release time. */
    public Shift(String organisation, String site, String department, SpecialtyCode specialty, GradeCode minGrade,
            GradeCode maxGrade, Instant start, Instant end, Channel channel, BigDecimal offeredHourlyRate) {
        this(organisation, site, department, specialty, minGrade, maxGrade, start, end, channel, offeredHourlyRate,
                Optional.empty());
    }

    /** This shift, released to the bank at {@code releasedAt}. */
    public Shift withBankReleaseAt(Instant releasedAt) {
        return new Shift(organisation, site, department, specialty, minGrade, maxGrade, start, end, channel,
                offeredHourlyRate, Optional.of(Objects.requireNonNull(releasedAt, "releasedAt")));
    }

    /** This shift with another offered hourly rate. */
    public Shift withOfferedHourlyRate(BigDecimal rate) {
        return new Shift(organisation, site, department, specialty, minGrade, maxGrade, start, end, channel, rate,
                bankReleaseAt);
    }

    /** How the worker is engaged. */
    public enum Channel {
        /** Through the (collaborative) staff bank. */
        BANK,
        /** Through an agency. */
        AGENCY
    }

    /** Why local times could not become a shift. */
    public enum TimeProblem {
        /** The start is a local time skipped by the spring clock change. */
        START_IN_DST_GAP,
        /** The end is a local time skipped by the spring clock change. */
        END_IN_DST_GAP,
        /** The end is not after the start. */
        END_NOT_AFTER_START,
        /** Longer than {@link #MAX_LENGTH}. */
        TOO_LONG
    }

    /** Result of {@link #ofLocal}: a shift, or why the local times do not make one. */
    public sealed interface LocalResult permits Resolved, Unresolvable {
    }

    /** The local times named a shift. */
    public record Resolved(Shift shift) implements LocalResult {
        public Resolved {
            Objects.requireNonNull(shift, "shift");
        }
    }

    /** The local times did not name a shift. */
    public record Unresolvable(TimeProblem problem, String message) implements LocalResult {
        public Unresolvable {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A shift from Europe/London wall-clock times. A time in the spring gap is refused
     * ({@link TimeProblem#START_IN_DST_GAP} / {@link TimeProblem#END_IN_DST_GAP}); a time in the
     * autumn overlap means its first occurrence (BST). Never throws for bad times; throws for
     * null arguments or a bad rate (programmer error).
     */
    public static LocalResult ofLocal(String organisation, String site, String department, SpecialtyCode specialty,
            GradeCode minGrade, GradeCode maxGrade, LocalDateTime start, LocalDateTime end, Channel channel,
            BigDecimal offeredHourlyRate) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        ShiftTime.Resolution r = ShiftTime.ofLocal(start, end);
        if (r instanceof ShiftTime.Unresolvable u) {
            return new Unresolvable(TimeProblem.valueOf(u.problem().name()), u.message());
        }
        ShiftTime t = ((ShiftTime.Resolved) r).shift();
        return new Resolved(new Shift(organisation, site, department, specialty, minGrade, maxGrade,
                t.start(), t.end(), channel, offeredHourlyRate));
    }
}
