package org.staffpass.rules.internal.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Random;
import org.staffpass.testing.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NightDefinitionTest {

    @ParameterizedTest(name = "{0} -> {1}: {2} in 23:00-06:00, night={3}")
    @CsvSource({
        "2026-06-05T21:00, 2026-06-06T07:00, PT7H,     true",
        "2026-06-05T20:00, 2026-06-06T02:00, PT3H,     true",   // exactly 3 h
        "2026-06-05T20:00, 2026-06-06T01:59, PT2H59M,  false",
        "2026-06-06T03:00, 2026-06-06T12:00, PT3H,     true",
        "2026-06-06T04:00, 2026-06-06T12:00, PT2H,     false",
        "2026-06-05T08:00, 2026-06-05T21:00, PT0S,     false",
        "2026-06-05T17:00, 2026-06-06T01:00, PT2H,     false",  // long evening, not a night
        // window is local: 6 h on the spring night, 8 h on the autumn night
        "2026-03-28T22:00, 2026-03-29T07:00, PT6H,     true",
        "2026-10-24T22:00, 2026-10-25T07:00, PT8H,     true",
        // two windows touched by one long shift
        "2026-06-05T05:00, 2026-06-06T00:00, PT2H,     false",
    })
    void tcsDefinition(String start, String end, Duration inWindow, boolean night) {
        ShiftTime s = ShiftTimeTest.local(start, end);
        assertEquals(inWindow, NightDefinition.TCS_2016.timeInWindow(s));
        assertEquals(night, NightDefinition.TCS_2016.isNight(s));
        assertEquals(night, NightDefinition.TCS_2016.isNight(s.start().getEpochSecond(), s.end().getEpochSecond()));
    }

    @Test
    void secondsFormEqualsTheShiftTimeFormForRandomShiftsAndDefinitions() {
        long spring = Instant.parse("2026-03-29T01:00:00Z").getEpochSecond();
        long autumn = Instant.parse("2026-10-25T01:00:00Z").getEpochSecond();
        Property.forAll("isNight(long, long) equals isNight(ShiftTime)", Property.scaled(5_000), r -> {
            long around = switch (r.nextInt(4)) {
                case 0 -> spring;
                case 1 -> autumn;
                case 2 -> Instant.parse("1940-01-01T00:00:00Z").getEpochSecond() + (long) r.nextInt(3650) * 86_400;
                default -> Instant.parse("2030-01-01T00:00:00Z").getEpochSecond() + (long) r.nextInt(90_000) * 86_400;
            };
            long start = around + r.nextInt(4 * 86_400) - 2 * 86_400;
            if (r.nextBoolean()) {
                start -= Math.floorMod(start, 900); // quarter hours hit the window edges exactly
            }
            long length = 1 + (r.nextBoolean() ? r.nextInt(16) * 3600L : r.nextInt(48 * 3600));
            NightDefinition d = r.nextInt(3) == 0 ? NightDefinition.TCS_2016 : randomDefinition(r);
            return new Case(d, new ShiftTime(Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + length)));
        }, c -> {
            NightDefinition d = c.definition();
            ShiftTime s = c.shift();
            assertEquals(d.isNight(s), d.isNight(s.start().getEpochSecond(), s.end().getEpochSecond()),
                    () -> d + " " + s);
        });
    }

    private record Case(NightDefinition definition, ShiftTime shift) {
    }

    private static NightDefinition randomDefinition(Random r) {
        LocalTime open = LocalTime.ofSecondOfDay(12 * 3600 + r.nextInt(12 * 3600));
        LocalTime close = LocalTime.ofSecondOfDay(r.nextInt(12 * 3600));
        return new NightDefinition(open, close, Duration.ofSeconds(1 + r.nextInt(8 * 3600)));
    }

    @Test
    void secondsFormRefusesFractionsAndTimesOutsideTheTable() {
        NightDefinition fractional = new NightDefinition(LocalTime.of(23, 0), LocalTime.of(6, 0), Duration.ofMillis(10_800_500));
        assertFalse(fractional.wholeSeconds());
        assertTrue(NightDefinition.TCS_2016.wholeSeconds());
        assertFalse(new NightDefinition(LocalTime.of(23, 0, 0, 1), LocalTime.of(6, 0), Duration.ofHours(3)).wholeSeconds());
        long s = Instant.parse("2026-06-05T21:00:00Z").getEpochSecond();
        assertThrows(IllegalStateException.class, () -> fractional.isNight(s, s + 3600));
        assertThrows(IllegalArgumentException.class, () -> NightDefinition.TCS_2016.isNight(s, s));
        assertThrows(IllegalArgumentException.class, () -> NightDefinition.TCS_2016.isNight(s, s + 48 * 3600 + 1));
        long far = Instant.parse("2300-01-01T00:00:00Z").getEpochSecond();
        assertThrows(IllegalArgumentException.class, () -> NightDefinition.TCS_2016.isNight(far, far + 3600));
    }

    @Test
    void refusesWindowNotCrossingMidnightAndNonPositiveMinimum() {
        assertThrows(IllegalArgumentException.class,
                () -> new NightDefinition(LocalTime.of(1, 0), LocalTime.of(6, 0), Duration.ofHours(3)));
        assertThrows(IllegalArgumentException.class,
                () -> new NightDefinition(LocalTime.of(23, 0), LocalTime.of(6, 0), Duration.ZERO));
    }
}
