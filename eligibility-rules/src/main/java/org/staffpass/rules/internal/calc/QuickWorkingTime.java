package org.staffpass.rules.internal.calc;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The working-time figures' values for one candidate shift against many workers' histories, in
 * whole seconds and without evidence: the fast path of the evaluator, which needs only to judge
 * pass or fail (the explaining path keeps {@link WorkingTimeCalculator}). Every field of the
 * {@link QuickFigures} it returns equals the value {@link WorkingTimeCalculator#evaluate} gives for
 * the same shifts; a differential property test holds the two together.
 *
 * <p>Everything that depends only on the candidate (its local date, night test, reference period
 * and weekends) is computed once by {@link #of}; {@link #evaluate} then allocates a few arrays per
 * call and no object per shift. Local dates and night tests of history shifts are computed only
 * for the shifts the consecutive runs actually walk over.
 *
 * <p>It refuses (empty) rather than approximates whatever it cannot do exactly in seconds: a
 * candidate or parameters with fractions of a second, or times outside {@link LondonTime}'s
 * table; callers then use the calculator. Immutable and thread-safe: share one per candidate.
 */
public final class QuickWorkingTime {

    /** Shift lengths fit in this many bits (48 h = 172,800 s &lt; 2^18), so one long sorts by (start, end). */
    private static final int LENGTH_BITS = 18;
    private static final long LENGTH_MASK = (1L << LENGTH_BITS) - 1;
    private static final long MAX_LENGTH = ShiftTime.MAX_LENGTH.getSeconds();

    private final long start;
    private final long end;
    private final long key;
    private final long day;
    private final boolean night;
    private final boolean isLong;
    private final long longThreshold;
    private final long window;
    private final NightDefinition nights;
    private final long periodStart;
    private final long[] weekendFrom; // the period's weekends, clipped to it, ascending and disjoint
    private final long[] weekendTo;
    private final boolean onWeekend;
    /**
     * Runs rarely reach beyond a fortnight either side of the candidate: when no clock change
     * falls in that span, local dates there are plain arithmetic with this offset (else
     * {@link LondonTime#NO_FIXED_OFFSET} and every date takes a table search).
     */
    private final long nearFrom;
    private final long nearTo;
    private final int nearOffset;

    private QuickWorkingTime(ShiftTime candidate, WorkingTimeParameters p, long periodStart,
            long[] weekendFrom, long[] weekendTo) {
        this.start = candidate.start().getEpochSecond();
        this.end = candidate.end().getEpochSecond();
        this.key = pack(start, end);
        this.day = LondonTime.localEpochDay(start);
        this.nearFrom = start - 14 * 86_400L;
        this.nearTo = end + 14 * 86_400L;
        this.nearOffset = LondonTime.covers(nearFrom) && LondonTime.covers(nearTo)
                ? LondonTime.fixedOffset(nearFrom, nearTo) : LondonTime.NO_FIXED_OFFSET;
        this.nights = p.night();
        this.night = nights.isNight(start, end);
        this.longThreshold = p.longShiftThreshold().getSeconds();
        this.isLong = end - start > longThreshold;
        this.window = p.rollingWindow().getSeconds();
        this.periodStart = periodStart;
        this.weekendFrom = weekendFrom;
        this.weekendTo = weekendTo;
        boolean on = false;
        for (int k = 0; k < weekendFrom.length; k++) {
            on |= Math.max(start, weekendFrom[k]) < Math.min(end, weekendTo[k]);
        }
        this.onWeekend = on;
    }

    /**
     * The fast path for {@code candidate} under {@code parameters}, or empty when it cannot give
     * exact answers: the candidate, long-shift threshold, rolling window or night definition has
     * fractions of a second, or the candidate, its reference period or its rolling windows reach
     * outside {@link LondonTime#covers}.
     */
    public static Optional<QuickWorkingTime> of(WorkingTimeParameters parameters, ShiftTime candidate) {
        return of(parameters, candidate, null);
    }

    /**
     * As {@link #of(WorkingTimeParameters, ShiftTime)}, with the weekends of the candidate's
     * reference period already computed ({@link WorkingTimeCalculator#weekendsFor}).
     *
     * @throws IllegalArgumentException if {@code weekends} is for another reference period
     */
    public static Optional<QuickWorkingTime> of(WorkingTimeParameters parameters, ShiftTime candidate,
            WorkingTimeCalculator.Weekends weekends) {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(candidate, "candidate");
        if (candidate.start().getNano() != 0 || candidate.end().getNano() != 0
                || parameters.longShiftThreshold().getNano() != 0 || parameters.rollingWindow().getNano() != 0
                || !parameters.night().wholeSeconds()) {
            return Optional.empty();
        }
        long s = candidate.start().getEpochSecond();
        long e = candidate.end().getEpochSecond();
        long w = parameters.rollingWindow().getSeconds();
        long periodStart = e - 7L * 86_400L * parameters.referencePeriodWeeks();
        // the window bound first, so that s - w cannot overflow
        if (!LondonTime.covers(s) || !LondonTime.covers(e) || !LondonTime.covers(periodStart)
                || w > LondonTime.END_COVERED - LondonTime.FIRST_COVERED || !LondonTime.covers(s - w)
                || !LondonTime.covers(e + w)) {
            return Optional.empty();
        }
        // Weekends come from the calculator itself, so both paths agree on them by construction.
        WorkingTimeCalculator.Weekends period = weekends != null
                ? weekends.check(Instant.ofEpochSecond(periodStart), candidate.end())
                : new WorkingTimeCalculator(parameters).weekendsFor(candidate);
        List<WorkingTimeCalculator.Weekend> list = period.weekends();
        long[] from = new long[list.size()];
        long[] to = new long[list.size()];
        for (int k = 0; k < from.length; k++) {
            Instant a = list.get(k).from();
            Instant b = list.get(k).to();
            if (a.getNano() != 0 || b.getNano() != 0) {
                return Optional.empty();
            }
            from[k] = a.getEpochSecond();
            to[k] = b.getEpochSecond();
        }
        return Optional.of(new QuickWorkingTime(candidate, parameters, periodStart, from, to));
    }

    /**
     * The figures' values for the candidate given the first {@code count} shifts of
     * {@code historyStarts}/{@code historyEnds} (epoch seconds, any order, not including the
     * candidate; an identical shift counts as another shift, as in the calculator). The arrays
     * are only read. Empty when a time lies outside {@link LondonTime#covers}.
     *
     * @throws IllegalArgumentException if {@code count} is negative, above
     *                                  {@link WorkingTimeCalculator#MAX_HISTORY} or beyond an array, or a
     *                                  shift is not a valid {@link ShiftTime} (end after start, at most 48 h)
     */
    public Optional<QuickFigures> evaluate(long[] historyStarts, long[] historyEnds, int count) {
        Objects.requireNonNull(historyStarts, "historyStarts");
        Objects.requireNonNull(historyEnds, "historyEnds");
        if (count < 0 || count > WorkingTimeCalculator.MAX_HISTORY || count > historyStarts.length
                || count > historyEnds.length) {
            throw new IllegalArgumentException("count must be 0 to " + WorkingTimeCalculator.MAX_HISTORY
                    + " and within both arrays");
        }
        int n = count + 1;
        long[] keys = new long[n];
        boolean covered = true;
        for (int i = 0; i < count; i++) {
            long s = historyStarts[i];
            long e = historyEnds[i];
            if (e <= s || e - s > MAX_LENGTH) {
                throw new IllegalArgumentException("history shift " + i + ": end must be after start, at most "
                        + ShiftTime.MAX_LENGTH);
            }
            covered &= LondonTime.covers(s) & LondonTime.covers(e);
            keys[i] = pack(s, e);
        }
        if (!covered) {
            return Optional.empty();
        }
        // The calculator sorts history + candidate stably by (start, end), the candidate last:
        // it comes after every history shift equal to it.
        Arrays.sort(keys, 0, count);
        int c = upperBound(keys, count, key);
        System.arraycopy(keys, c, keys, c + 1, count - c);
        keys[c] = key;
        return Optional.of(figures(keys, c));
    }

    private QuickFigures figures(long[] keys, int c) {
        int n = keys.length;
        boolean hasBefore = false;
        long latestEndBefore = Long.MIN_VALUE;
        boolean hasAfter = false;
        long firstStartAfter = 0;
        boolean overlaps = false;
        long total = 0;
        for (int i = 0; i < n; i++) {
            long s = startOf(keys[i]);
            long e = endOf(keys[i]);
            total += ShiftTime.overlapSeconds(s, e, periodStart, end);
            if (i == c) {
                continue;
            }
            if (s <= start) {
                // the calculator's "previous" is the first with the greatest end: only its end matters here
                hasBefore = true;
                latestEndBefore = Math.max(latestEndBefore, e);
            } else if (!hasAfter) {
                hasAfter = true; // sorted by start: the first later start is the next shift
                firstStartAfter = s;
            }
            overlaps |= Math.max(s, start) < Math.min(e, end);
        }

        int first = c;
        while (first > 0 && consecutive(keys, first - 1, c)) {
            first--;
        }
        int last = c;
        while (last + 1 < n && consecutive(keys, last, c)) {
            last++;
        }
        int shifts = last - first + 1;

        int longs = 0;
        if (isLong) {
            first = c;
            while (first > 0 && isLong(keys[first - 1]) && consecutive(keys, first - 1, c)) {
                first--;
            }
            last = c;
            while (last + 1 < n && isLong(keys[last + 1]) && consecutive(keys, last, c)) {
                last++;
            }
            longs = last - first + 1;
        }

        int nightRun = 0;
        int blockEnd = -1;
        if (night) {
            first = c;
            while (first > 0 && consecutive(keys, first - 1, c) && nightAt(keys, first - 1, c)) {
                first--;
            }
            last = c;
            while (last + 1 < n && consecutive(keys, last, c) && nightAt(keys, last + 1, c)) {
                last++;
            }
            nightRun = last - first + 1;
            blockEnd = last;
        } else if (c > 0 && nightAt(keys, c - 1, c)) {
            blockEnd = c - 1; // as the calculator: the shift just before, consecutive or not
        }
        boolean hasAfterNights = blockEnd >= 0 && blockEnd + 1 < n;
        long afterNights = hasAfterNights ? startOf(keys[blockEnd + 1]) - endOf(keys[blockEnd]) : 0;

        return new QuickFigures(end - start,
                hasBefore, hasBefore ? start - latestEndBefore : 0,
                hasAfter, hasAfter ? firstStartAfter - end : 0,
                rollingMaximum(keys),
                total,
                shifts, longs, nightRun,
                hasAfterNights, afterNights,
                weekendsWorked(keys), Math.max(weekendFrom.length, 1), onWeekend,
                overlaps);
    }

    /**
     * Maximum over {@code t} in {@code [start - window, end]} of the time worked in
     * {@code [t, t + window)}: the calculator's value without its point set. That time is
     * continuous and piecewise linear in {@code t}; each shift {@code [s, e)} changes its slope by
     * +1 at {@code s - window}, -1 at {@code e - window}, -1 at {@code s} and +1 at {@code e}. So
     * one merge of those four sorted streams, keeping the running value, visits every kink and both
     * range ends (the candidate's own {@code s - window} and {@code e}), where the maximum lies.
     */
    private long rollingMaximum(long[] keys) {
        long from = start - window;
        long to = end;
        // only shifts meeting [from, to + window) can count in a window starting in range; none
        // starting more than the longest shift before it can reach it
        int lo = upperBound(keys, keys.length, pack(from - MAX_LENGTH, 0) - 1);
        int m = 0;
        for (int i = lo; i < keys.length; i++) {
            long k = keys[i];
            if (startOf(k) >= to + window) {
                break;
            }
            if (endOf(k) > from) {
                m++;
            }
        }
        long[] starts = new long[m];
        long[] ends = new long[m];
        int j = 0;
        for (int i = lo; i < keys.length; i++) {
            long k = keys[i];
            if (j == m) {
                break;
            }
            if (endOf(k) > from && startOf(k) < to + window) {
                starts[j] = startOf(k);
                ends[j] = endOf(k);
                j++;
            }
        }
        Arrays.sort(ends); // starts are already sorted
        int a = 0; // starts - window: +1
        int b = 0; // ends - window:   -1
        int p = 0; // starts:          -1
        int q = 0; // ends:            +1
        long worked = 0;
        long slope = 0;
        long at = m > 0 ? starts[0] - window : from; // the earliest event; worked is 0 up to it
        long best = 0;
        while (true) {
            long next = Long.MAX_VALUE;
            int stream = -1;
            if (a < m && starts[a] - window < next) {
                next = starts[a] - window;
                stream = 0;
            }
            if (b < m && ends[b] - window < next) {
                next = ends[b] - window;
                stream = 1;
            }
            if (p < m && starts[p] < next) {
                next = starts[p];
                stream = 2;
            }
            if (q < m && ends[q] < next) {
                next = ends[q];
                stream = 3;
            }
            if (stream < 0 || next > to) {
                break;
            }
            worked += slope * (next - at);
            at = next;
            if (next >= from && worked > best) {
                best = worked;
            }
            if (stream == 0) {
                slope++;
                a++;
            } else if (stream == 1) {
                slope--;
                b++;
            } else if (stream == 2) {
                slope--;
                p++;
            } else {
                slope++;
                q++;
            }
        }
        return best;
    }

    /** Weekends with any shift in them: one pass, as both weekends and shifts are in start order. */
    private int weekendsWorked(long[] keys) {
        int worked = 0;
        int i = 0;
        long latestEnd = Long.MIN_VALUE; // of the shifts starting before the weekend's end
        // Weekends ending by the first shift's start have none in them: start after them.
        int k = keys.length == 0 ? weekendFrom.length : upperBound(weekendTo, weekendTo.length, startOf(keys[0]));
        for (; k < weekendFrom.length; k++) {
            while (i < keys.length && startOf(keys[i]) < weekendTo[k]) {
                latestEnd = Math.max(latestEnd, endOf(keys[i]));
                i++;
            }
            if (latestEnd > weekendFrom[k]) {
                worked++;
            } else if (i == keys.length) {
                break; // every shift is counted and ends before this weekend, so before all later ones
            }
        }
        return worked;
    }

    private boolean isLong(long k) {
        return (k & LENGTH_MASK) > longThreshold;
    }

    /**
     * Shift {@code i + 1} starts on the same or the next local date as shift {@code i}. Dates and
     * night tests are worked out only for the shifts a run reaches (most of a long history is never
     * looked at), and not kept: near the candidate a date is one division ({@link #nearOffset}).
     */
    private boolean consecutive(long[] keys, int i, int c) {
        return dayAt(keys, i + 1, c) <= dayAt(keys, i, c) + 1;
    }

    private long dayAt(long[] keys, int i, int c) {
        if (i == c) {
            return day;
        }
        long t = startOf(keys[i]);
        return nearOffset != LondonTime.NO_FIXED_OFFSET && t >= nearFrom && t <= nearTo
                ? Math.floorDiv(t + nearOffset, 86_400L) : LondonTime.localEpochDay(t);
    }

    private boolean nightAt(long[] keys, int i, int c) {
        return i == c ? night : nights.isNight(startOf(keys[i]), endOf(keys[i]));
    }

    private static long pack(long start, long end) {
        return (start << LENGTH_BITS) | (end - start); // start within +-2^34: no overflow; sorts as (start, end)
    }

    private static long startOf(long k) {
        return k >> LENGTH_BITS;
    }

    private static long endOf(long k) {
        return (k >> LENGTH_BITS) + (k & LENGTH_MASK);
    }

    /** Number of the first {@code count} (ascending) values that are at most {@code k}: the index of the first above it. */
    private static int upperBound(long[] keys, int count, long k) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] <= k) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
