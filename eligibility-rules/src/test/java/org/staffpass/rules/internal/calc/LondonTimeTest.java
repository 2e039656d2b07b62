package org.staffpass.rules.internal.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.staffpass.testing.Property;

class LondonTimeTest {

    private static final ZoneRules RULES = ShiftTime.ZONE.getRules();
    private static final long SPRING_2026 = Instant.parse("2026-03-29T01:00:00Z").getEpochSecond();
    private static final long AUTUMN_2026 = Instant.parse("2026-10-25T01:00:00Z").getEpochSecond();

    /** java.time's answers, the reference. */
    private static void sameAsJavaTimeAt(long epochSecond) {
        Instant instant = Instant.ofEpochSecond(epochSecond);
        assertEquals(RULES.getOffset(instant).getTotalSeconds(), LondonTime.offsetSeconds(epochSecond),
                () -> "offset at " + instant);
        assertEquals(instant.atZone(ShiftTime.ZONE).toLocalDate().toEpochDay(), LondonTime.localEpochDay(epochSecond),
                () -> "local date at " + instant);
    }

    private static void sameAsJavaTimeForLocal(long localEpochSecond) {
        LocalDateTime local = LocalDateTime.ofEpochSecond(localEpochSecond, 0, ZoneOffset.UTC);
        long expected = ZonedDateTime.ofLocal(local, ShiftTime.ZONE, null).toEpochSecond();
        assertEquals(expected, LondonTime.instantOf(localEpochSecond), () -> "instant of local " + local);
    }

    @Test
    void everySecondAroundThe2026ClockChanges() {
        for (long t : new long[] {SPRING_2026, AUTUMN_2026}) {
            for (long s = t - 3 * 3600; s <= t + 3 * 3600; s++) {
                sameAsJavaTimeAt(s);
                sameAsJavaTimeForLocal(s); // local seconds either side of 00:00-04:00 local that night
            }
        }
    }

    @Test
    void theGapMovesForwardAndTheOverlapTakesTheEarlierOffset() {
        // 2026-03-29 01:30 local does not exist: it becomes 02:30 BST = 01:30Z
        long gap = LocalDateTime.parse("2026-03-29T01:30").toEpochSecond(ZoneOffset.UTC);
        assertEquals(Instant.parse("2026-03-29T01:30:00Z").getEpochSecond(), LondonTime.instantOf(gap));
        // 2026-10-25 01:30 local happens twice: the first, still BST, is 00:30Z
        long twice = LocalDateTime.parse("2026-10-25T01:30").toEpochSecond(ZoneOffset.UTC);
        assertEquals(Instant.parse("2026-10-25T00:30:00Z").getEpochSecond(), LondonTime.instantOf(twice));
        assertEquals(3600, LondonTime.offsetSeconds(SPRING_2026));
        assertEquals(3600, LondonTime.offsetSeconds(SPRING_2026 - 1) + 3600);
        assertEquals(0, LondonTime.offsetSeconds(AUTUMN_2026));
    }

    @Test
    void everyTransitionOfTheCoveredRangeAtItsEdges() {
        int transitions = 0;
        for (ZoneOffsetTransition z = RULES.nextTransition(Instant.ofEpochSecond(LondonTime.FIRST_COVERED));
                z.toEpochSecond() < LondonTime.END_COVERED; z = RULES.nextTransition(z.getInstant())) {
            long t = z.toEpochSecond();
            long before = t + z.getOffsetBefore().getTotalSeconds();
            long after = t + z.getOffsetAfter().getTotalSeconds();
            for (long d = -2; d <= 2; d++) {
                sameAsJavaTimeAt(t + d);
                sameAsJavaTimeForLocal(before + d);
                sameAsJavaTimeForLocal(after + d);
            }
            sameAsJavaTimeForLocal((before + after) / 2);
            transitions++;
        }
        // 1916 to 2299: two a year since 1972, more in the war years (double summer time)
        assertTrue(transitions > 2 * (2300 - 1916) - 20, "transitions: " + transitions);
    }

    @Test
    void randomInstantsAndLocalTimesAcrossTheRange() {
        long span = LondonTime.END_COVERED - LondonTime.FIRST_COVERED;
        Property.forAll("LondonTime equals java.time", Property.scaled(20_000),
                r -> LondonTime.FIRST_COVERED + Math.floorMod(r.nextLong(), span),
                s -> {
                    sameAsJavaTimeAt(s);
                    sameAsJavaTimeForLocal(s);
                });
    }

    @Test
    void randomTimesNearTheChangesOfRandomYears() {
        Property.forAll("LondonTime near clock changes", Property.scaled(20_000), LondonTimeTest::nearAChange, s -> {
            sameAsJavaTimeAt(s);
            sameAsJavaTimeForLocal(s);
        });
    }

    private static long nearAChange(Random r) {
        int year = 1900 + r.nextInt(400);
        Instant mid = LocalDateTime.of(year, r.nextBoolean() ? 3 : 10, 1, 0, 0).toInstant(ZoneOffset.UTC);
        ZoneOffsetTransition z = RULES.nextTransition(mid.minusSeconds(90L * 86_400));
        long s = z.toEpochSecond() + r.nextInt(4 * 3600 + 1) - 2 * 3600;
        return Math.max(LondonTime.FIRST_COVERED, Math.min(LondonTime.END_COVERED - 1, s));
    }

    @Test
    void rangeEnds() {
        assertTrue(LondonTime.covers(LondonTime.FIRST_COVERED));
        assertFalse(LondonTime.covers(LondonTime.FIRST_COVERED - 1));
        assertTrue(LondonTime.covers(LondonTime.END_COVERED - 1));
        assertFalse(LondonTime.covers(LondonTime.END_COVERED));
        assertEquals(Instant.parse("1900-01-01T00:00:00Z").getEpochSecond(), LondonTime.FIRST_COVERED);
        assertEquals(Instant.parse("2300-01-01T00:00:00Z").getEpochSecond(), LondonTime.END_COVERED);
        for (long s : new long[] {LondonTime.FIRST_COVERED, LondonTime.END_COVERED - 1,
                LondonTime.FIRST_COVERED - LondonTime.SLACK, LondonTime.END_COVERED + LondonTime.SLACK - 1}) {
            sameAsJavaTimeAt(s);
            sameAsJavaTimeForLocal(s);
        }
        // beyond the slack it refuses instead of guessing
        assertThrows(IllegalArgumentException.class,
                () -> LondonTime.offsetSeconds(LondonTime.FIRST_COVERED - LondonTime.SLACK - 1));
        assertThrows(IllegalArgumentException.class,
                () -> LondonTime.localEpochDay(LondonTime.END_COVERED + LondonTime.SLACK));
        assertThrows(IllegalArgumentException.class,
                () -> LondonTime.instantOf(LondonTime.END_COVERED + LondonTime.SLACK));
        assertThrows(IllegalArgumentException.class, () -> LondonTime.offsetSeconds(Long.MIN_VALUE));
    }

    @Test
    void fixedOffsetOnlyWithoutATransitionInside() {
        assertEquals(LondonTime.NO_FIXED_OFFSET, LondonTime.fixedOffset(SPRING_2026 - 10, SPRING_2026));
        assertEquals(0, LondonTime.fixedOffset(SPRING_2026 - 10, SPRING_2026 - 1));
        assertEquals(3600, LondonTime.fixedOffset(SPRING_2026, SPRING_2026 + 86_400));
        assertEquals(LondonTime.NO_FIXED_OFFSET, LondonTime.fixedOffset(AUTUMN_2026 - 1, AUTUMN_2026 + 1));
        assertEquals(0, LondonTime.fixedOffset(AUTUMN_2026, AUTUMN_2026 + 86_400));
    }
}
