package org.staffpass.rules.internal.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.LocalTime;
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
    }

    @Test
    void refusesWindowNotCrossingMidnightAndNonPositiveMinimum() {
        assertThrows(IllegalArgumentException.class,
                () -> new NightDefinition(LocalTime.of(1, 0), LocalTime.of(6, 0), Duration.ofHours(3)));
        assertThrows(IllegalArgumentException.class,
                () -> new NightDefinition(LocalTime.of(23, 0), LocalTime.of(6, 0), Duration.ZERO));
    }
}
