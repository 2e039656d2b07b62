package org.staffpass.rules.internal.calc;

import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;

/**
 * Europe/London ({@link ShiftTime#ZONE}) as a table of offset transitions in epoch seconds, so
 * the fast working-time path converts between instants and local wall-clock seconds with a
 * binary search instead of building {@code ZonedDateTime}s. Built once from the zone's own
 * {@link ZoneRules} by walking {@link ZoneRules#nextTransition}; its answers equal java.time's
 * for every instant the table {@link #covers} (1900-01-01T00:00Z inclusive to
 * 2300-01-01T00:00Z exclusive). Outside that range the methods refuse rather than guess: callers
 * test {@link #covers} and fall back to java.time. Static, immutable (the arrays are written only
 * by the class initializer) and thread-safe; not instantiable.
 */
final class LondonTime {

    /** First covered instant: 1900-01-01T00:00:00Z. */
    static final long FIRST_COVERED = -2_208_988_800L;

    /** First instant after the covered range: 2300-01-01T00:00:00Z. */
    static final long END_COVERED = 10_413_792_000L;

    /**
     * How far beyond the covered range the methods still answer exactly: a caller that has tested
     * {@link #covers} for a shift's ends may look a few local days either side (night windows).
     */
    static final long SLACK = 7 * 86_400L;

    /** Table range: a year either side of the covered range, so every answer inside SLACK is exact. */
    private static final long TABLE_FROM = FIRST_COVERED - 366 * 86_400L;
    private static final long TABLE_TO = END_COVERED + 366 * 86_400L;

    private static final long[] TRANSITION;     // epoch second of transition k, ascending
    private static final int[] OFFSET_BEFORE;   // offset in force just before it
    private static final int[] OFFSET_AFTER;    // offset from it on (the transition instant itself uses this)
    private static final long[] LOCAL_BEFORE;   // TRANSITION[k] + OFFSET_BEFORE[k]: first local second it affects
    private static final int INITIAL_OFFSET;    // offset before TRANSITION[0]

    /** Marker of {@link #fixedOffset}: the offset changes inside the range asked about. */
    static final int NO_FIXED_OFFSET = Integer.MIN_VALUE;

    static {
        ZoneRules rules = ShiftTime.ZONE.getRules();
        Instant from = Instant.ofEpochSecond(TABLE_FROM);
        long[] t = new long[1024];
        int[] before = new int[1024];
        int[] after = new int[1024];
        int n = 0;
        for (ZoneOffsetTransition z = rules.nextTransition(from);
                z != null && z.toEpochSecond() < TABLE_TO; z = rules.nextTransition(z.getInstant())) {
            if (n == t.length) {
                t = Arrays.copyOf(t, 2 * n);
                before = Arrays.copyOf(before, 2 * n);
                after = Arrays.copyOf(after, 2 * n);
            }
            t[n] = z.toEpochSecond();
            before[n] = z.getOffsetBefore().getTotalSeconds();
            after[n] = z.getOffsetAfter().getTotalSeconds();
            n++;
        }
        long[] local = new long[n];
        for (int k = 0; k < n; k++) {
            local[k] = t[k] + before[k];
            // instantOf relies on each transition's local effect ending before the next begins;
            // for London transitions are months apart, but a future tzdb must not break it silently.
            if (k > 0 && (local[k] <= t[k - 1] + Math.max(before[k - 1], after[k - 1])
                    || after[k - 1] != before[k])) {
                throw new IllegalStateException("Europe/London transitions too close to tabulate at " + t[k]);
            }
        }
        TRANSITION = Arrays.copyOf(t, n);
        OFFSET_BEFORE = Arrays.copyOf(before, n);
        OFFSET_AFTER = Arrays.copyOf(after, n);
        LOCAL_BEFORE = local;
        INITIAL_OFFSET = rules.getOffset(from).getTotalSeconds();
        if (n == 0 || INITIAL_OFFSET != OFFSET_BEFORE[0]) {
            throw new IllegalStateException("Europe/London transition table inconsistent");
        }
    }

    private LondonTime() {
    }

    /** True when {@code epochSecond} is inside the range this table answers for. */
    static boolean covers(long epochSecond) {
        return epochSecond >= FIRST_COVERED && epochSecond < END_COVERED;
    }

    /**
     * Offset from UTC in force at {@code epochSecond}, as {@code ZONE.getRules().getOffset(instant)}.
     *
     * @throws IllegalArgumentException beyond the covered range plus {@link #SLACK}
     */
    static int offsetSeconds(long epochSecond) {
        return offsetAt(transitionIndex(epochSecond));
    }

    /** Local date (as an epoch day) at {@code epochSecond}, as {@code instant.atZone(ZONE).toLocalDate()}. */
    static long localEpochDay(long epochSecond) {
        return Math.floorDiv(epochSecond + offsetSeconds(epochSecond), 86_400L);
    }

    /**
     * The instant of a local wall-clock time given as seconds since 1970-01-01T00:00 local, with
     * exactly {@code ZonedDateTime.ofLocal(ldt, ZONE, null)} semantics: a time in a spring gap is
     * moved forward by the gap's length; an ambiguous autumn time takes the earlier offset.
     *
     * @throws IllegalArgumentException beyond the covered range plus {@link #SLACK}
     */
    static long instantOf(long localEpochSecond) {
        checkRange(localEpochSecond);
        // the latest transition whose local effect has begun
        int k = lastAtOrBefore(LOCAL_BEFORE, localEpochSecond);
        if (k < 0) {
            return localEpochSecond - INITIAL_OFFSET;
        }
        if (localEpochSecond < TRANSITION[k] + OFFSET_AFTER[k]) {
            // in a gap (only possible when the clock goes forward): shifted forward by the gap, which
            // leaves the instant at local - offsetBefore
            return localEpochSecond - OFFSET_BEFORE[k];
        }
        // past the transition's local effect; an ambiguous time before it (autumn overlap) found the
        // previous k, whose offsetAfter is this one's offsetBefore: the earlier offset, as java.time
        return localEpochSecond - OFFSET_AFTER[k];
    }

    /**
     * The offset in force throughout {@code [fromEpoch, toEpoch]} when no transition falls inside
     * it, else {@link #NO_FIXED_OFFSET}. Lets a caller working on a few days convert with plain
     * arithmetic after one search: for local times whose instant lies at least a few hours inside
     * such a range, {@code instant = local - offset} and {@code local = instant + offset} exactly.
     *
     * @throws IllegalArgumentException beyond the covered range plus {@link #SLACK}
     */
    static int fixedOffset(long fromEpoch, long toEpoch) {
        checkRange(toEpoch);
        int k = transitionIndex(fromEpoch);
        if (k + 1 < TRANSITION.length && TRANSITION[k + 1] <= toEpoch) {
            return NO_FIXED_OFFSET;
        }
        return offsetAt(k);
    }

    /** Index of the last transition at or before {@code epochSecond}; -1 if none. */
    private static int transitionIndex(long epochSecond) {
        checkRange(epochSecond);
        return lastAtOrBefore(TRANSITION, epochSecond);
    }

    /** Index of the last of the ascending {@code values} at or before {@code t}; -1 if none. */
    private static int lastAtOrBefore(long[] values, long t) {
        int lo = 0;
        int hi = values.length - 1;
        int k = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] <= t) {
                k = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return k;
    }

    private static int offsetAt(int k) {
        return k < 0 ? INITIAL_OFFSET : OFFSET_AFTER[k];
    }

    private static void checkRange(long second) {
        if (second < FIRST_COVERED - SLACK || second >= END_COVERED + SLACK) {
            throw new IllegalArgumentException("outside the Europe/London table; test covers() first");
        }
    }
}
