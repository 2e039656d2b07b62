package org.staffpass.rules.internal.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.staffpass.rules.internal.calc.ShiftTimeTest.local;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateCalculatorTest {

    /** England and Wales 2026 (GOV.UK); Boxing Day falls on Saturday, substitute Monday 28th. */
    static final Set<LocalDate> BANK_HOLIDAYS_2026 = Set.of(
            LocalDate.parse("2026-01-01"), LocalDate.parse("2026-04-03"), LocalDate.parse("2026-04-06"),
            LocalDate.parse("2026-05-04"), LocalDate.parse("2026-05-25"), LocalDate.parse("2026-08-31"),
            LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-28"));

    private static final RateCalculator CALC =
            new RateCalculator(RateParameters.consultantCardBands(BANK_HOLIDAYS_2026));

    /** No weekend days, so night bands on the (Sunday) clock-change nights are visible. */
    private static final RateCalculator NO_WEEKEND = new RateCalculator(new RateParameters(
            LocalTime.of(7, 0), LocalTime.of(19, 0), LocalTime.of(23, 0), Set.of(), Set.of(),
            RateParameters.DEFAULT_PRECEDENCE));

    private static Map<Band, Duration> perBand(RateCalculator calc, ShiftTime s) {
        EnumMap<Band, Duration> m = new EnumMap<>(Band.class);
        for (RateCalculator.Segment seg : calc.split(s)) {
            m.merge(seg.band(), seg.duration(), Duration::plus);
        }
        return m;
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        // Friday 20:00 -> Saturday 08:00: evening, night, then weekend from Saturday 00:00
        "2026-06-05T20:00 | 2026-06-06T08:00 | EVENING=PT3H NIGHT=PT1H WEEKEND=PT8H",
        // midnight-spanning weekday night
        "2026-06-09T22:00 | 2026-06-10T06:00 | NIGHT=PT7H EVENING=PT1H",
        "2026-06-09T08:00 | 2026-06-09T21:00 | DAY=PT11H EVENING=PT2H",
        // Sunday night into Monday: weekend ends at Monday 00:00
        "2026-06-07T20:00 | 2026-06-08T08:00 | WEEKEND=PT4H NIGHT=PT7H DAY=PT1H",
        // Christmas Day 2026 (Friday), the whole local day
        "2026-12-25T08:00 | 2026-12-25T20:00 | BANK_HOLIDAY=PT12H",
        "2026-12-24T20:00 | 2026-12-25T08:00 | EVENING=PT3H NIGHT=PT1H BANK_HOLIDAY=PT8H",
        "2026-12-25T20:00 | 2026-12-26T08:00 | BANK_HOLIDAY=PT4H WEEKEND=PT8H",
        // Easter Sunday night into Easter Monday 6 April 2026: weekend, then the bank holiday
        "2026-04-05T20:00 | 2026-04-06T08:00 | WEEKEND=PT4H BANK_HOLIDAY=PT8H",
        "2026-04-06T20:00 | 2026-04-07T08:00 | BANK_HOLIDAY=PT4H NIGHT=PT7H DAY=PT1H",
        // clock-change nights are all weekend under the default weekend
        "2026-03-28T21:00 | 2026-03-29T07:00 | WEEKEND=PT9H",
        "2026-10-24T21:00 | 2026-10-25T07:00 | WEEKEND=PT11H",
    })
    void bandsAtBoundaries(String start, String end, String expected) {
        ShiftTime s = local(start.trim(), end.trim());
        assertEquals(parse(expected), perBand(CALC, s));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "2026-03-28T21:00 | 2026-03-29T07:00 | EVENING=PT2H NIGHT=PT7H",
        "2026-10-24T21:00 | 2026-10-25T07:00 | EVENING=PT2H NIGHT=PT9H",
        // the 23 h and 25 h days in full
        "2026-03-29T00:00 | 2026-03-30T00:00 | NIGHT=PT7H DAY=PT12H EVENING=PT4H",
        "2026-10-25T00:00 | 2026-10-26T00:00 | NIGHT=PT9H DAY=PT12H EVENING=PT4H",
    })
    void nightBandsUseRealTimeAcrossClockChanges(String start, String end, String expected) {
        ShiftTime s = local(start.trim(), end.trim());
        Map<Band, Duration> bands = perBand(NO_WEEKEND, s);
        assertEquals(parse(expected), bands);
        assertEquals(s.elapsed(), bands.values().stream().reduce(Duration.ZERO, Duration::plus));
    }

    @Test
    void segmentsEndAtLocalMidnightWithTheirDates() {
        List<RateCalculator.Segment> segs = CALC.split(local("2026-06-05T20:00", "2026-06-06T08:00"));
        assertEquals(4, segs.size());
        assertEquals(List.of(Band.EVENING, Band.NIGHT, Band.WEEKEND, Band.WEEKEND),
                segs.stream().map(RateCalculator.Segment::band).toList());
        assertEquals(List.of(LocalDate.parse("2026-06-05"), LocalDate.parse("2026-06-05"),
                LocalDate.parse("2026-06-06"), LocalDate.parse("2026-06-06")),
                segs.stream().map(RateCalculator.Segment::localDate).toList());
        assertEquals(DayOfWeek.FRIDAY, LocalDate.parse("2026-06-05").getDayOfWeek());
        assertEquals(Instant.parse("2026-06-05T23:00:00Z"), segs.get(2).start()); // 00:00 BST
    }

    private static RateCard card(String day, String evening, String night, String weekend, String bankHoliday) {
        return new RateCard(Map.of(Band.DAY, new BigDecimal(day), Band.EVENING, new BigDecimal(evening),
                Band.NIGHT, new BigDecimal(night), Band.WEEKEND, new BigDecimal(weekend),
                Band.BANK_HOLIDAY, new BigDecimal(bankHoliday)));
    }

    @ParameterizedTest(name = "{0} -> {1} at day {2}: {3}")
    @CsvSource({
        "2026-06-09T08:00, 2026-06-09T08:01, 62.00, 1.03",  // 62/60 = 1.0333
        "2026-06-09T08:00, 2026-06-09T08:10, 0.03,  0.00",  // 0.005 -> HALF_EVEN down
        "2026-06-09T08:00, 2026-06-09T08:10, 0.09,  0.02",  // 0.015 -> HALF_EVEN up
        "2026-06-09T08:00, 2026-06-09T21:00, 150,   1950.00",
    })
    void payRoundsOnceHalfEvenToPennies(String start, String end, String dayRate, String expected) {
        RateCard c = card(dayRate, dayRate, dayRate, dayRate, dayRate);
        assertEquals(new BigDecimal(expected), CALC.quote(local(start, end), c).total());
    }

    @Test
    void consultantCardExample() {
        RateCard consultant = card("150", "200", "250", "200", "300");
        // Fri 20:00 -> Sat 08:00: 3 h x 200 + 1 h x 250 + 8 h x 200 = 2450
        RateCalculator.Quote q = CALC.quote(local("2026-06-05T20:00", "2026-06-06T08:00"), consultant);
        assertEquals(new BigDecimal("2450.00"), q.total());
        assertEquals(Duration.ofHours(8), q.perBand().get(Band.WEEKEND));
        // autumn night, no weekend: 2 h x 200 + 9 h x 250 = 2650 (paid for the 11 h worked)
        assertEquals(new BigDecimal("2650.00"),
                NO_WEEKEND.quote(local("2026-10-24T21:00", "2026-10-25T07:00"), consultant).total());
        // Christmas Eve night: 3 x 200 + 1 x 250 + 8 x 300 = 3250
        assertEquals(new BigDecimal("3250.00"),
                CALC.quote(local("2026-12-24T20:00", "2026-12-25T08:00"), consultant).total());
    }

    @Test
    void precedenceIsAParameter() {
        RateCalculator nightFirst = new RateCalculator(new RateParameters(LocalTime.of(7, 0), LocalTime.of(19, 0),
                LocalTime.of(23, 0), Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of(),
                List.of(Band.BANK_HOLIDAY, Band.NIGHT, Band.WEEKEND, Band.EVENING, Band.DAY)));
        assertEquals(parse("EVENING=PT3H NIGHT=PT8H WEEKEND=PT1H"),
                perBand(nightFirst, local("2026-06-05T20:00", "2026-06-06T08:00")));
    }

    @Test
    void parametersRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new RateParameters(LocalTime.of(19, 0),
                LocalTime.of(7, 0), LocalTime.of(23, 0), Set.of(), Set.of(), RateParameters.DEFAULT_PRECEDENCE));
        assertThrows(IllegalArgumentException.class, () -> new RateParameters(LocalTime.of(7, 0),
                LocalTime.of(19, 0), LocalTime.of(23, 0), Set.of(), Set.of(), List.of(Band.DAY)));
        assertThrows(IllegalArgumentException.class, () -> new RateCard(Map.of(Band.DAY, BigDecimal.ONE)));
        assertThrows(IllegalArgumentException.class, () -> card("1.001", "1", "1", "1", "1"));
        assertThrows(IllegalArgumentException.class, () -> card("-1", "1", "1", "1", "1"));
    }

    @Test
    void segmentsAlwaysSumToElapsedTime() {
        Random r = new Random(20261225L);
        Instant yearStart = Instant.parse("2026-01-01T00:00:00Z");
        List<Instant> dstEdges = List.of(Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("2026-10-25T01:00:00Z"));
        RateCard c = card("62.37", "70.01", "81.99", "90.05", "123.45");
        for (int trial = 0; trial < 2000; trial++) {
            Instant start = trial % 4 == 0
                    ? dstEdges.get(r.nextInt(2)).minusSeconds(r.nextInt(30 * 3600))
                    : yearStart.plusSeconds(r.nextInt(365 * 24 * 3600));
            ShiftTime s = new ShiftTime(start, start.plusSeconds(1 + r.nextInt(48 * 3600)));
            List<RateCalculator.Segment> segs = CALC.split(s);
            Duration sum = Duration.ZERO;
            Instant cursor = s.start();
            BigDecimal expected = BigDecimal.ZERO;
            for (RateCalculator.Segment seg : segs) {
                assertEquals(cursor, seg.start(), "contiguous, trial " + trial);
                cursor = seg.end();
                sum = sum.plus(seg.duration());
                expected = expected.add(c.rate(seg.band()).multiply(BigDecimal.valueOf(seg.duration().getSeconds())));
                assertEquals(seg.localDate(), seg.start().atZone(ShiftTime.ZONE).toLocalDate());
                assertEquals(seg.localDate(), seg.end().minusNanos(1).atZone(ShiftTime.ZONE).toLocalDate(),
                        "segment within one local date, trial " + trial);
            }
            assertEquals(s.end(), cursor);
            assertEquals(s.elapsed(), sum, "trial " + trial);
            RateCalculator.Quote q = CALC.quote(s, c);
            assertEquals(expected.divide(BigDecimal.valueOf(3600), 2, java.math.RoundingMode.HALF_EVEN), q.total());
            assertEquals(q, CALC.quote(s, c)); // deterministic
        }
    }

    /** Band boundaries inside the spring gap (01:xx) and the autumn overlap (01:xx twice). */
    private static final RateCalculator BOUNDARIES_IN_CLOCK_CHANGE = new RateCalculator(new RateParameters(
            LocalTime.of(1, 15), LocalTime.of(1, 45), LocalTime.of(2, 30), Set.of(), Set.of(),
            RateParameters.DEFAULT_PRECEDENCE));

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        // autumn: 01:00-02:00 local happens twice, each occurrence in its own band
        "2026-10-25T00:00 | 2026-10-25T03:00 | NIGHT=PT2H DAY=PT1H EVENING=PT1H",
        // spring: 01:00-02:00 never happens; 02:00-02:30 is evening, then night
        "2026-03-29T00:00 | 2026-03-29T03:00 | NIGHT=PT1H30M EVENING=PT30M",
    })
    void bandBoundariesInsideTheClockChange(String start, String end, String expected) {
        ShiftTime s = local(start.trim(), end.trim());
        assertEquals(parse(expected), perBand(BOUNDARIES_IN_CLOCK_CHANGE, s));
    }

    @Test
    void everyMinuteIsInTheBandOfItsLocalTime() {
        Random r = new Random(42L);
        Instant yearStart = Instant.parse("2026-01-01T00:00:00Z");
        List<Instant> dstEdges = List.of(Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("2026-10-25T01:00:00Z"));
        for (int trial = 0; trial < 400; trial++) {
            Instant start = trial % 2 == 0
                    ? dstEdges.get(r.nextInt(2)).minusSeconds(60L * r.nextInt(6 * 60))
                    : yearStart.plusSeconds(60L * r.nextInt(365 * 24 * 60));
            ShiftTime s = new ShiftTime(start, start.plusSeconds(60L * (1 + r.nextInt(14 * 60))));
            RateCalculator calc = trial % 4 < 2 ? BOUNDARIES_IN_CLOCK_CHANGE : CALC;
            for (RateCalculator.Segment seg : calc.split(s)) {
                for (Instant m = seg.start(); m.isBefore(seg.end()); m = m.plusSeconds(60)) {
                    var local = m.atZone(ShiftTime.ZONE);
                    assertEquals(calc.parameters().bandAt(local.toLocalDate(), local.toLocalTime()), seg.band(),
                            "trial " + trial + " at " + local);
                }
            }
        }
    }

    private static Map<Band, Duration> parse(String spec) {
        EnumMap<Band, Duration> m = new EnumMap<>(Band.class);
        for (String part : spec.trim().split("\\s+")) {
            String[] kv = part.split("=");
            m.put(Band.valueOf(kv[0]), Duration.parse(kv[1]));
        }
        return m;
    }
}
