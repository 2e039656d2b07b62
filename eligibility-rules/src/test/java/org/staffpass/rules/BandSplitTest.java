package org.staffpass.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.SpecialtyCode;

class BandSplitTest {
    private static final Policy POLICY = PolicyFiles.valid(PolicyFiles.examplePolicy());

    private static Shift shift(String start, String end) {
        return ((Shift.Resolved) Shift.ofLocal("RTD", "RTD01", "AMU", new SpecialtyCode("300"), new GradeCode("FY2"),
                new GradeCode("ST2"), LocalDateTime.parse(start), LocalDateTime.parse(end), Shift.Channel.BANK,
                new BigDecimal("80.00"))).shift();
    }

    @Test
    void aWeekdayNightSplitsAtTheCardsBoundariesInCardOrder() {
        // Wednesday 2026-06-10 21:00 to Thursday 09:00 with bands 07:00 / 19:00 / 23:00.
        Map<String, Duration> expected = new LinkedHashMap<>();
        expected.put("day", Duration.ofHours(2));
        expected.put("evening", Duration.ofHours(2));
        expected.put("night", Duration.ofHours(8));
        Map<String, Duration> split = POLICY.bandSplit(shift("2026-06-10T21:00", "2026-06-11T09:00"));
        assertEquals(expected, split);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(split.keySet()), "card order");
    }

    @Test
    void theAutumnClockChangeNightIsElevenHoursAndChristmasIsABankHoliday() {
        Map<String, Duration> change = POLICY.bandSplit(shift("2026-10-24T21:00", "2026-10-25T07:00"));
        assertEquals(Duration.ofHours(11), change.values().stream().reduce(Duration.ZERO, Duration::plus));
        assertEquals(Map.of("weekend", Duration.ofHours(11)), change, "a Saturday night into Sunday is weekend throughout");
        Map<String, Duration> christmas = POLICY.bandSplit(shift("2026-12-25T08:00", "2026-12-25T17:00"));
        assertEquals(Map.of("bankHoliday", Duration.ofHours(9)), christmas);
    }
}
