package org.staffpass.rules.internal.calc;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One worked shift as two instants. Durations (length, rest, rolling windows, averages) are
 * always computed from these instants, so they are real elapsed time whatever the clocks did;
 * local wall-clock time in {@link #ZONE} is used only for bands, dates and the night test.
 * Immutable and thread-safe.
 *
 * @param start first instant worked (inclusive)
 * @param end   instant the shift ends (exclusive), strictly after {@code start}, at most
 *              {@link #MAX_LENGTH} later
 */
public record ShiftTime(Instant start, Instant end) {

    /** Civil time of the NHS in England; never UTC or a fixed offset. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    /** Bound on one shift so that band splitting and window scans stay small. */
    public static final Duration MAX_LENGTH = Duration.ofHours(48);

    /** Throws for programmer error; untrusted local input goes through {@link #ofLocal}. */
    public ShiftTime {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start");
        }
        if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
            throw new IllegalArgumentException("shift longer than " + MAX_LENGTH);
        }
    }

    /** What to do with a local time that does not exist (spring-forward gap). */
    public enum GapRule {
        /** Refuse it: the rota names a time that never happens. The default. */
        REJECT,
        /** Move it forward by the length of the gap (01:30 becomes 02:30 BST), as java.time does. */
        SHIFT_FORWARD
    }

    /** Which instant an ambiguous local time (autumn overlap) means. */
    public enum OverlapRule {
        /** The first occurrence, still on summer time (BST). The default. */
        EARLIER_OFFSET,
        /** The second occurrence, already on GMT. */
        LATER_OFFSET
    }

    /** Why local times could not become a shift. */
    public enum Problem {
        /** The start names a local time in the spring-forward gap and the rule is REJECT. */
        START_IN_DST_GAP,
        /** The end names a local time in the spring-forward gap and the rule is REJECT. */
        END_IN_DST_GAP,
        /** After resolution the end is not after the start. */
        END_NOT_AFTER_START,
        /** The shift would last longer than {@link #MAX_LENGTH}. */
        TOO_LONG
    }

    /** Outcome of {@link #ofLocal}: a shift, or the problem that prevented one. */
    public sealed interface Resolution permits Resolved, Unresolvable {
        /** True for {@link Resolved}. */
        default boolean isResolved() {
            return this instanceof Resolved;
        }
    }

    /** Local times resolved to a shift. */
    public record Resolved(ShiftTime shift) implements Resolution {
        public Resolved {
            Objects.requireNonNull(shift, "shift");
        }
    }

    /** Local times that do not make a shift; the message names the field, not the data. */
    public record Unresolvable(Problem problem, String message) implements Resolution {
        public Unresolvable {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(message, "message");
        }
    }

    /** {@link #ofLocal(LocalDateTime, LocalDateTime, GapRule, OverlapRule)} with REJECT and EARLIER_OFFSET. */
    public static Resolution ofLocal(LocalDateTime start, LocalDateTime end) {
        return ofLocal(start, end, GapRule.REJECT, OverlapRule.EARLIER_OFFSET);
    }

    /**
     * Resolves Europe/London wall-clock times to a shift. A time in the spring gap is refused
     * or shifted forward by {@code gap}; an ambiguous autumn time takes the offset {@code overlap}
     * names. Never throws for bad times, only for null arguments.
     */
    public static Resolution ofLocal(LocalDateTime start, LocalDateTime end, GapRule gap, OverlapRule overlap) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(gap, "gap");
        Objects.requireNonNull(overlap, "overlap");
        Instant s = resolve(start, gap, overlap);
        if (s == null) {
            return new Unresolvable(Problem.START_IN_DST_GAP, "start: local time does not exist in " + ZONE);
        }
        Instant e = resolve(end, gap, overlap);
        if (e == null) {
            return new Unresolvable(Problem.END_IN_DST_GAP, "end: local time does not exist in " + ZONE);
        }
        if (!e.isAfter(s)) {
            return new Unresolvable(Problem.END_NOT_AFTER_START, "end: not after start");
        }
        if (Duration.between(s, e).compareTo(MAX_LENGTH) > 0) {
            return new Unresolvable(Problem.TOO_LONG, "end: shift longer than " + MAX_LENGTH.toHours() + " h");
        }
        return new Resolved(new ShiftTime(s, e));
    }

    private static Instant resolve(LocalDateTime local, GapRule gap, OverlapRule overlap) {
        List<?> offsets = ZONE.getRules().getValidOffsets(local);
        if (offsets.isEmpty() && gap == GapRule.REJECT) {
            return null;
        }
        ZonedDateTime zoned = ZonedDateTime.ofLocal(local, ZONE, null); // earlier offset; gap shifted forward
        if (overlap == OverlapRule.LATER_OFFSET) {
            zoned = zoned.withLaterOffsetAtOverlap();
        }
        return zoned.toInstant();
    }

    /** Real elapsed time, not wall-clock difference. */
    public Duration elapsed() {
        return Duration.between(start, end);
    }

    /** Elapsed time this shift shares with {@code [from, to)}; zero when they do not meet. */
    public Duration overlap(Instant from, Instant to) {
        Instant a = start.isAfter(from) ? start : from;
        Instant b = end.isBefore(to) ? end : to;
        return b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO;
    }

    /** {@link #overlap} in epoch seconds: what {@code [start, end)} shares with {@code [from, to)}, 0 when they do not meet. */
    static long overlapSeconds(long start, long end, long from, long to) {
        return Math.max(0, Math.min(end, to) - Math.max(start, from));
    }

    /** True when the two shifts share a positive stretch of time (touching ends do not). */
    public boolean overlaps(ShiftTime other) {
        return !overlap(other.start, other.end).isZero();
    }

    /** Local date on which the shift starts, in {@link #ZONE}. */
    public LocalDate localStartDate() {
        return start.atZone(ZONE).toLocalDate();
    }

    /** Local start time in {@link #ZONE}, for messages and evidence. */
    public ZonedDateTime localStart() {
        return start.atZone(ZONE);
    }

    /** Local end time in {@link #ZONE}, for messages and evidence. */
    public ZonedDateTime localEnd() {
        return end.atZone(ZONE);
    }
}
