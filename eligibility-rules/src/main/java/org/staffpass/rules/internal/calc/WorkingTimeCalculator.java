package org.staffpass.rules.internal.calc;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Computes the working-time figures of the 2016 TCS for a candidate shift against a worker's
 * history of shifts at every trust. It measures, it does not judge: limits live in the policy.
 * Pure and deterministic (no clock, no state); immutable and thread-safe.
 *
 * <p>Definitions (docs/working-time-and-rates.md): durations are real elapsed time between
 * instants; two shifts are <em>consecutive</em> when the later one starts on the same or the
 * next local date as the earlier one (no whole local day off between them); overlapping shifts
 * are each counted in full and reported in {@link WorkingTimeFigures#overlaps()}.
 */
public final class WorkingTimeCalculator {

    /** Bound on history size, so one request cannot make evaluation quadratic in the millions. */
    public static final int MAX_HISTORY = 10_000;

    private static final Comparator<ShiftTime> ORDER =
            Comparator.comparing(ShiftTime::start).thenComparing(ShiftTime::end);

    private final WorkingTimeParameters parameters;

    /** A calculator using {@code parameters}. */
    public WorkingTimeCalculator(WorkingTimeParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /** Parameters in use. */
    public WorkingTimeParameters parameters() {
        return parameters;
    }

    /**
     * Every figure for {@code candidate} given {@code history} (which must not contain the
     * candidate itself; an identical shift is reported as an overlap).
     *
     * @throws IllegalArgumentException if history has more than {@link #MAX_HISTORY} shifts
     */
    public WorkingTimeFigures evaluate(List<ShiftTime> history, ShiftTime candidate) {
        return evaluate(history, candidate, null);
    }

    /**
     * As {@link #evaluate(List, ShiftTime)}, with the weekends of the candidate's reference
     * period already computed ({@link #weekendsFor}), as when one candidate is checked against
     * many histories.
     *
     * @throws IllegalArgumentException if {@code weekends} is for another candidate or period
     */
    public WorkingTimeFigures evaluate(List<ShiftTime> history, ShiftTime candidate, Weekends weekends) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(candidate, "candidate");
        if (history.size() > MAX_HISTORY) {
            throw new IllegalArgumentException("history longer than " + MAX_HISTORY);
        }
        List<ShiftTime> all = new ArrayList<>(history.size() + 1);
        for (ShiftTime s : history) {
            all.add(Objects.requireNonNull(s, "history element"));
        }
        all.add(candidate);
        all.sort(ORDER);
        int c = indexOfCandidate(all, candidate);
        List<ShiftTime> others = new ArrayList<>(all);
        others.remove(c);

        Instant periodEnd = candidate.end();
        Instant periodStart = periodEnd.minus(Duration.ofDays(7L * parameters.referencePeriodWeeks()));
        List<ShiftTime> inPeriod = within(all, periodStart, periodEnd);

        ShiftTime longest = candidate;
        for (ShiftTime s : inPeriod) {
            if (s.elapsed().compareTo(longest.elapsed()) > 0) {
                longest = s;
            }
        }
        Duration total = Duration.ZERO;
        for (ShiftTime s : inPeriod) {
            total = total.plus(s.overlap(periodStart, periodEnd));
        }
        Window worst = rollingWindowMaximum(all, candidate, parameters.rollingWindow());
        // Both night figures test the same shifts; each shift's night test is made once.
        java.util.Map<ShiftTime, Boolean> nights = new java.util.IdentityHashMap<>();
        Predicate<ShiftTime> night = s -> nights.computeIfAbsent(s, parameters.night()::isNight);

        return new WorkingTimeFigures(
                candidate,
                candidate.elapsed(),
                new Figure<>(longest.elapsed(), List.of(longest)),
                restBefore(others, candidate),
                restAfter(others, candidate),
                new Figure<>(worst.worked, worst.evidence),
                worst.start,
                new Figure<>(total, inPeriod),
                total.dividedBy(parameters.referencePeriodWeeks()),
                run(all, c, s -> true),
                run(all, c, parameters::isLong),
                run(all, c, night),
                restAfterNights(all, c, night),
                weekends(all, weekends != null ? weekends.check(periodStart, periodEnd)
                        : weekendsFor(candidate)),
                overlaps(all));
    }

    /** Result of the rolling-window search. */
    record Window(Instant start, Duration worked, List<ShiftTime> evidence) {
    }

    /**
     * Maximum time worked in any window {@code [t, t + length)} that overlaps the candidate.
     * The worked time is piecewise linear in {@code t} with kinks only where a window edge meets
     * a shift edge, so checking those points (and the range ends) finds the exact maximum.
     */
    static Window rollingWindowMaximum(List<ShiftTime> all, ShiftTime candidate, Duration length) {
        Instant from = candidate.start().minus(length);
        Instant to = candidate.end();
        List<ShiftTime> near = within(all, from, to.plus(length));
        TreeSet<Instant> points = new TreeSet<>();
        points.add(from);
        points.add(to);
        for (ShiftTime s : near) {
            for (Instant p : new Instant[] {s.start(), s.end(), s.start().minus(length), s.end().minus(length)}) {
                if (!p.isBefore(from) && !p.isAfter(to)) {
                    points.add(p);
                }
            }
        }
        Instant bestStart = from;
        Duration best = Duration.ofSeconds(-1);
        for (Instant t : points) {
            Duration worked = workedIn(near, t, t.plus(length));
            if (worked.compareTo(best) > 0) {
                best = worked;
                bestStart = t;
            }
        }
        return new Window(bestStart, best, within(near, bestStart, bestStart.plus(length)));
    }

    static Duration workedIn(List<ShiftTime> shifts, Instant from, Instant to) {
        Duration d = Duration.ZERO;
        for (ShiftTime s : shifts) {
            d = d.plus(s.overlap(from, to));
        }
        return d;
    }

    private static List<ShiftTime> within(List<ShiftTime> sorted, Instant from, Instant to) {
        List<ShiftTime> out = new ArrayList<>();
        for (ShiftTime s : sorted) {
            if (meets(s, from, to)) {
                out.add(s);
            }
        }
        return out;
    }

    /** {@code !s.overlap(from, to).isZero()} without making the Duration (this runs per shift per week). */
    private static boolean meets(ShiftTime s, Instant from, Instant to) {
        Instant a = s.start().isAfter(from) ? s.start() : from;
        Instant b = s.end().isBefore(to) ? s.end() : to;
        return b.isAfter(a);
    }

    private static int indexOfCandidate(List<ShiftTime> all, ShiftTime candidate) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == candidate) {
                return i;
            }
        }
        throw new IllegalStateException("candidate lost while sorting");
    }

    private static Optional<Figure<Duration>> restBefore(List<ShiftTime> others, ShiftTime candidate) {
        ShiftTime previous = null;
        for (ShiftTime s : others) {
            if (!s.start().isAfter(candidate.start()) && (previous == null || s.end().isAfter(previous.end()))) {
                previous = s;
            }
        }
        if (previous == null) {
            return Optional.empty();
        }
        return Optional.of(new Figure<>(Duration.between(previous.end(), candidate.start()), List.of(previous, candidate)));
    }

    private static Optional<Figure<Duration>> restAfter(List<ShiftTime> others, ShiftTime candidate) {
        for (ShiftTime s : others) { // sorted by start: the first later start is the next shift
            if (s.start().isAfter(candidate.start())) {
                return Optional.of(new Figure<>(Duration.between(candidate.end(), s.start()), List.of(candidate, s)));
            }
        }
        return Optional.empty();
    }

    private static boolean consecutive(ShiftTime earlier, ShiftTime later) {
        return !later.localStartDate().isAfter(earlier.localStartDate().plusDays(1));
    }

    /** Maximal run around index {@code c} of shifts meeting {@code p}, each consecutive to the next. */
    private static Figure<Integer> run(List<ShiftTime> all, int c, Predicate<ShiftTime> p) {
        if (!p.test(all.get(c))) {
            return new Figure<>(0, List.of());
        }
        int first = c;
        while (first > 0 && p.test(all.get(first - 1)) && consecutive(all.get(first - 1), all.get(first))) {
            first--;
        }
        int last = c;
        while (last + 1 < all.size() && p.test(all.get(last + 1)) && consecutive(all.get(last), all.get(last + 1))) {
            last++;
        }
        List<ShiftTime> evidence = all.subList(first, last + 1);
        return new Figure<>(evidence.size(), evidence);
    }

    /**
     * If the candidate is a night: rest from the end of its night block to the next shift. If
     * not and the shift just before it is a night: rest from that block's end to the candidate.
     */
    private static Optional<Figure<Duration>> restAfterNights(List<ShiftTime> all, int c, Predicate<ShiftTime> night) {
        int blockEnd;
        if (night.test(all.get(c))) {
            blockEnd = c;
            while (blockEnd + 1 < all.size() && night.test(all.get(blockEnd + 1))
                    && consecutive(all.get(blockEnd), all.get(blockEnd + 1))) {
                blockEnd++;
            }
        } else if (c > 0 && night.test(all.get(c - 1))) {
            blockEnd = c - 1;
        } else {
            return Optional.empty();
        }
        if (blockEnd + 1 >= all.size()) {
            return Optional.empty();
        }
        int blockStart = blockEnd;
        while (blockStart > 0 && night.test(all.get(blockStart - 1))
                && consecutive(all.get(blockStart - 1), all.get(blockStart))) {
            blockStart--;
        }
        ShiftTime next = all.get(blockEnd + 1);
        List<ShiftTime> evidence = new ArrayList<>(all.subList(blockStart, blockEnd + 1));
        evidence.add(next);
        return Optional.of(new Figure<>(Duration.between(all.get(blockEnd).end(), next.start()), evidence));
    }

    /**
     * The weekends (Saturday 00:00 to Monday 00:00, Europe/London) meeting the reference period
     * of {@code candidate} under these parameters, each clipped to the period. Immutable.
     */
    public Weekends weekendsFor(ShiftTime candidate) {
        Instant to = candidate.end();
        Instant from = to.minus(Duration.ofDays(7L * parameters.referencePeriodWeeks()));
        LocalDate saturday = from.atZone(ShiftTime.ZONE).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
        List<Weekend> out = new ArrayList<>();
        while (true) {
            Instant open = startOfDay(saturday);
            if (!open.isBefore(to)) {
                break;
            }
            Instant close = startOfDay(saturday.plusDays(2));
            Instant a = open.isAfter(from) ? open : from;
            Instant b = close.isBefore(to) ? close : to;
            if (b.isAfter(a)) {
                out.add(new Weekend(saturday, a, b));
            }
            saturday = saturday.plusWeeks(1);
        }
        return new Weekends(from, to, List.copyOf(out));
    }

    /**
     * Local midnight starting {@code day} in Europe/London, as {@code ZonedDateTime.of} resolves it:
     * from {@link LondonTime}'s table where it reaches (a binary search, not a zone-rules lookup
     * per call: a 26-week period has 27 weekends), else from java.time.
     */
    private static Instant startOfDay(LocalDate day) {
        long local = day.toEpochDay() * 86_400L;
        if (LondonTime.covers(local)) {
            return Instant.ofEpochSecond(LondonTime.instantOf(local));
        }
        return ZonedDateTime.of(day.atStartOfDay(), ShiftTime.ZONE).toInstant();
    }

    /** The weekends of one reference period ({@code from} to {@code to}). */
    public record Weekends(Instant from, Instant to, List<Weekend> weekends) {
        Weekends check(Instant periodStart, Instant periodEnd) {
            if (!from.equals(periodStart) || !to.equals(periodEnd)) {
                throw new IllegalArgumentException("weekends of another reference period");
            }
            return this;
        }
    }

    /** One weekend starting on {@code saturday}, clipped to a reference period as {@code [from, to)}. */
    public record Weekend(LocalDate saturday, Instant from, Instant to) {
    }

    private static WorkingTimeFigures.WeekendFrequency weekends(List<ShiftTime> all, Weekends period) {
        List<LocalDate> workedSaturdays = new ArrayList<>();
        List<ShiftTime> evidence = new ArrayList<>();
        java.util.Set<ShiftTime> seen = new java.util.HashSet<>(); // equal shifts once, as List.contains would
        for (Weekend w : period.weekends()) {
            boolean worked = false;
            for (ShiftTime s : all) {
                if (!s.start().isBefore(w.to())) {
                    break; // sorted by start: this and every later shift start after the weekend
                }
                if (meets(s, w.from(), w.to())) {
                    worked = true;
                    if (seen.add(s)) {
                        evidence.add(s);
                    }
                }
            }
            if (worked) {
                workedSaturdays.add(w.saturday());
            }
        }
        return new WorkingTimeFigures.WeekendFrequency(workedSaturdays.size(), Math.max(period.weekends().size(), 1),
                workedSaturdays, evidence);
    }

    private static List<WorkingTimeFigures.Overlap> overlaps(List<ShiftTime> sorted) {
        List<WorkingTimeFigures.Overlap> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            ShiftTime a = sorted.get(i);
            for (int j = i + 1; j < sorted.size() && sorted.get(j).start().isBefore(a.end()); j++) {
                ShiftTime b = sorted.get(j);
                out.add(new WorkingTimeFigures.Overlap(a, b, a.overlap(b.start(), b.end())));
            }
        }
        return out;
    }
}
