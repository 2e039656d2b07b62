package org.staffpass.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.SpecialtyCode;

/** Policy.evaluate: working time and rates on the example policy (higher grade group). */
class EvaluateTest {
    private static final Policy POLICY = PolicyFiles.valid(PolicyFiles.examplePolicy());
    private static final Policy TEN_HOUR_POLICY = PolicyFiles.valid(
            PolicyFiles.examplePolicy().replace("\"maxShiftHours\": 13", "\"maxShiftHours\": 10"));
    private static final Instant AT = Instant.parse("2026-05-01T09:00:00Z");

    static Shift shift(String start, String end, String rate) {
        Shift.LocalResult r = Shift.ofLocal("RTD", "Main", "Acute medicine", new SpecialtyCode("300"),
                new GradeCode("ST3"), new GradeCode("ST5"), LocalDateTime.parse(start), LocalDateTime.parse(end),
                Shift.Channel.BANK, new BigDecimal(rate));
        return assertInstanceOf(Shift.Resolved.class, r).shift();
    }

    static WorkHistory.Entry entry(String start, String end) {
        Shift s = shift(start, end, "0");
        return new WorkHistory.Entry("RTF", s.start(), s.end());
    }

    /** {@code days} shifts on consecutive days before {@code firstDay}+days, local times. */
    static List<WorkHistory.Entry> daily(String firstDay, int days, String from, String to, int dayOffsetOfEnd) {
        List<WorkHistory.Entry> out = new ArrayList<>();
        LocalDateTime d = LocalDateTime.parse(firstDay + "T00:00");
        for (int i = 0; i < days; i++) {
            String day = d.plusDays(i).toLocalDate().toString();
            String endDay = d.plusDays(i + dayOffsetOfEnd).toLocalDate().toString();
            out.add(entry(day + "T" + from, endDay + "T" + to));
        }
        return out;
    }

    static WorkHistory history(List<WorkHistory.Entry> entries) {
        return new WorkHistory(entries);
    }

    static Decision decide(Policy p, Shift s, WorkHistory h) {
        return p.evaluate(Workers.st4(), s, h, AT);
    }

    static List<Finding> failed(Decision d) {
        return d.findings().stream().filter(f -> !f.passed()).toList();
    }

    static Finding only(Decision d, RuleCode code) {
        List<Finding> fs = d.findings().stream().filter(f -> f.code() == code).toList();
        assertEquals(1, fs.size(), "one finding with " + code);
        return fs.get(0);
    }

    static Stream<Arguments> workingTime() {
        List<WorkHistory.Entry> none = List.of();
        List<WorkHistory.Entry> weekSoFar = daily("2026-06-08", 6, "08:00", "18:00", 0); // Mon-Sat, 60 h
        List<WorkHistory.Entry> saturdays = new ArrayList<>();
        for (int w = 1; w <= 26; w++) {
            LocalDateTime sat = LocalDateTime.parse("2026-06-13T08:00").minusWeeks(w);
            saturdays.add(entry(sat.toString(), sat.plusHours(8).toString()));
        }
        List<WorkHistory.Entry> fiftyAWeek = new ArrayList<>();
        for (int w = 1; w <= 26; w++) {
            fiftyAWeek.addAll(daily(LocalDateTime.parse("2026-06-08T00:00").minusWeeks(w).toLocalDate().toString(),
                    5, "08:00", "18:00", 0));
        }
        return Stream.of(
                // name, policy, history, shift start, end, code, passed, actual
                Arguments.of("13 h exactly", POLICY, none, "2026-06-10T08:00", "2026-06-10T21:00",
                        RuleCode.WORKING_TIME_SHIFT_TOO_LONG, true, "13 h"),
                Arguments.of("13 h 1 min", POLICY, none, "2026-06-10T08:00", "2026-06-10T21:01",
                        RuleCode.WORKING_TIME_SHIFT_TOO_LONG, false, "13 h 1 min"),
                Arguments.of("night over the autumn change is 11 h, against 10 h", TEN_HOUR_POLICY, none,
                        "2026-10-24T21:00", "2026-10-25T07:00", RuleCode.WORKING_TIME_SHIFT_TOO_LONG, false, "11 h"),
                Arguments.of("same local night is 10 h in June", TEN_HOUR_POLICY, none,
                        "2026-06-05T21:00", "2026-06-06T07:00", RuleCode.WORKING_TIME_SHIFT_TOO_LONG, true, "10 h"),
                Arguments.of("rest of exactly 11 h", POLICY, List.of(entry("2026-06-09T08:00", "2026-06-09T21:00")),
                        "2026-06-10T08:00", "2026-06-10T17:00", RuleCode.WORKING_TIME_REST_TOO_SHORT, true, null),
                Arguments.of("rest of 10 h 59 min", POLICY, List.of(entry("2026-06-09T08:00", "2026-06-09T21:01")),
                        "2026-06-10T08:00", "2026-06-10T17:00", RuleCode.WORKING_TIME_REST_TOO_SHORT, false, null),
                Arguments.of("72 h in 168 h exactly", POLICY, weekSoFar, "2026-06-14T08:00", "2026-06-14T20:00",
                        RuleCode.WORKING_TIME_ROLLING_7_DAYS, true, "72 h"),
                Arguments.of("72 h 1 min in 168 h", POLICY, weekSoFar, "2026-06-14T08:00", "2026-06-14T20:01",
                        RuleCode.WORKING_TIME_ROLLING_7_DAYS, false, "72 h 1 min"),
                Arguments.of("50 h a week for 26 weeks", POLICY, fiftyAWeek, "2026-06-08T08:00", "2026-06-08T18:00",
                        RuleCode.WORKING_TIME_AVERAGE_WEEKLY, false, null),
                Arguments.of("8 shifts in a row", POLICY, daily("2026-06-01", 7, "08:00", "16:00", 0),
                        "2026-06-08T08:00", "2026-06-08T16:00", RuleCode.WORKING_TIME_CONSECUTIVE_SHIFTS, false,
                        "8 consecutive shifts"),
                Arguments.of("5 long days in a row", POLICY, daily("2026-06-01", 4, "08:00", "19:00", 0),
                        "2026-06-05T08:00", "2026-06-05T19:00", RuleCode.WORKING_TIME_CONSECUTIVE_LONG_DAYS, false,
                        "5 consecutive long shifts"),
                Arguments.of("5 nights in a row", POLICY, daily("2026-06-01", 4, "22:00", "07:00", 1),
                        "2026-06-05T22:00", "2026-06-06T07:00", RuleCode.WORKING_TIME_CONSECUTIVE_NIGHTS, false,
                        "5 consecutive nights"),
                Arguments.of("4 nights in a row", POLICY, daily("2026-06-01", 3, "22:00", "07:00", 1),
                        "2026-06-04T22:00", "2026-06-05T07:00", RuleCode.WORKING_TIME_CONSECUTIVE_NIGHTS, true,
                        "4 consecutive nights"),
                Arguments.of("day shift 25 h after nights", POLICY, daily("2026-06-01", 2, "22:00", "07:00", 1),
                        "2026-06-04T08:00", "2026-06-04T16:00", RuleCode.WORKING_TIME_REST_AFTER_NIGHTS, false, "25 h"),
                Arguments.of("day shift 46 h after nights", POLICY, daily("2026-06-01", 2, "22:00", "07:00", 1),
                        "2026-06-05T05:00", "2026-06-05T13:00", RuleCode.WORKING_TIME_REST_AFTER_NIGHTS, true, "46 h"),
                Arguments.of("every Saturday for 26 weeks, then another", POLICY, saturdays,
                        "2026-06-13T08:00", "2026-06-13T16:00", RuleCode.WORKING_TIME_WEEKEND_FREQUENCY, false, null),
                Arguments.of("same history, a weekday shift", POLICY, saturdays,
                        "2026-06-10T08:00", "2026-06-10T16:00", RuleCode.WORKING_TIME_WEEKEND_FREQUENCY, true, null),
                Arguments.of("double booked at another trust", POLICY, List.of(entry("2026-06-10T12:00", "2026-06-10T20:00")),
                        "2026-06-10T08:00", "2026-06-10T16:00", RuleCode.WORKING_TIME_SHIFTS_OVERLAP, false,
                        "1 shift(s) sharing 4 h"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void workingTime(String name, Policy policy, List<WorkHistory.Entry> entries, String start, String end,
            RuleCode code, boolean passed, String actual) {
        Decision d = decide(policy, shift(start, end, "93.00"), history(entries));
        List<Finding> withCode = d.findings().stream().filter(f -> f.code() == code).toList();
        assertFalse(withCode.isEmpty(), "a finding with " + code);
        boolean allPassed = withCode.stream().allMatch(Finding::passed);
        assertEquals(passed, allPassed, name + ": " + withCode);
        if (actual != null) {
            assertTrue(withCode.stream().anyMatch(f -> f.actual().equals(actual)), name + ": " + withCode);
        }
        if (passed) {
            assertTrue(failed(d).stream().noneMatch(f -> f.code() == code));
        } else {
            assertEquals(Outcome.INELIGIBLE, d.outcome(), name);
            assertTrue(withCode.stream().noneMatch(f -> f.evidence().isEmpty()), "failed findings carry evidence");
        }
    }

    @Test
    void atTheLimitsTheShiftIsEligible() {
        Decision d = decide(POLICY, shift("2026-06-14T08:00", "2026-06-14T20:00", "93.00"),
                history(daily("2026-06-08", 6, "08:00", "18:00", 0)));
        assertEquals(List.of(), failed(d));
        assertEquals(Outcome.ELIGIBLE, d.outcome());
        assertEquals(POLICY.digest(), d.policyDigest());
        assertEquals(List.of(), d.disclosureRequest());
    }

    @Test
    void christmasDayIsPaidAtTheBankHolidayRate() {
        Decision d = decide(POLICY, shift("2026-12-25T08:00", "2026-12-25T16:00", "125.00"), WorkHistory.empty());
        assertEquals(Optional.of(new BigDecimal("125.00")), d.hourlyPay());
        assertEquals(Outcome.ELIGIBLE, d.outcome());
        assertTrue(only(d, RuleCode.RATE_ESCALATION).evidence().contains("bank_holiday 8 h at 125.00"));
        Decision above = decide(POLICY, shift("2026-12-25T08:00", "2026-12-25T16:00", "125.01"), WorkHistory.empty());
        assertEquals(Outcome.NEEDS_APPROVAL, above.outcome());
    }

    @Test
    void mixedBandsGiveTheWeightedCardRate() {
        // Fri 21:00 -> Sat 09:00: evening 2 h at 105, night 1 h at 115, weekend 9 h at 110 = 1315 / 12 h.
        Decision d = decide(POLICY, shift("2026-06-12T21:00", "2026-06-13T09:00", "109.58"), WorkHistory.empty());
        assertEquals(Optional.of(new BigDecimal("109.58")), d.hourlyPay());
        assertEquals(Outcome.ELIGIBLE, d.outcome()); // 109.58 is below 109.5833...
        Decision cent = decide(POLICY, shift("2026-06-12T21:00", "2026-06-13T09:00", "109.59"), WorkHistory.empty());
        assertEquals(List.of("rota-coordinator"), cent.approvalsRequired()); // compared exactly, not rounded
    }

    static Stream<Arguments> rates() {
        // Weekday day shift, higher grade group: card 93.00; tiers 10 / 25 / 55 %; floor 60; cap 300.
        return Stream.of(
                Arguments.of("at the card", "93.00", Outcome.ELIGIBLE, List.of(), RuleCode.RATE_ESCALATION, true),
                Arguments.of("below the card", "80.00", Outcome.ELIGIBLE, List.of(), RuleCode.RATE_ESCALATION, true),
                Arguments.of("tier 1", "100.00", Outcome.NEEDS_APPROVAL, List.of("rota-coordinator"),
                        RuleCode.RATE_ESCALATION, false),
                Arguments.of("exactly 10 %", "102.30", Outcome.NEEDS_APPROVAL, List.of("rota-coordinator"),
                        RuleCode.RATE_ESCALATION, false),
                Arguments.of("a penny over 10 %", "102.31", Outcome.NEEDS_APPROVAL, List.of("medical-staffing-manager"),
                        RuleCode.RATE_ESCALATION, false),
                Arguments.of("tier 2", "110.00", Outcome.NEEDS_APPROVAL, List.of("medical-staffing-manager"),
                        RuleCode.RATE_ESCALATION, false),
                Arguments.of("exactly 55 %", "144.15", Outcome.NEEDS_APPROVAL, List.of("divisional-director"),
                        RuleCode.RATE_ESCALATION, false),
                Arguments.of("above every tier", "144.16", Outcome.INELIGIBLE, List.of(), RuleCode.RATE_ABOVE_TIERS, false),
                Arguments.of("at the cap", "300.00", Outcome.INELIGIBLE, List.of(), RuleCode.RATE_ABOVE_CAP, true),
                Arguments.of("above the cap", "300.01", Outcome.INELIGIBLE, List.of(), RuleCode.RATE_ABOVE_CAP, false),
                Arguments.of("at the floor", "60.00", Outcome.ELIGIBLE, List.of(), RuleCode.RATE_BELOW_FLOOR, true),
                Arguments.of("below the floor", "59.99", Outcome.INELIGIBLE, List.of(), RuleCode.RATE_BELOW_FLOOR, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void rates(String name, String offered, Outcome outcome, List<String> approvals, RuleCode code, boolean passed) {
        Decision d = decide(POLICY, shift("2026-06-10T08:00", "2026-06-10T17:00", offered), WorkHistory.empty());
        assertEquals(outcome, d.outcome(), name);
        assertEquals(approvals, d.approvalsRequired(), name);
        assertEquals(passed, only(d, code).passed(), name);
        assertEquals(Optional.of(new BigDecimal("93.00")), d.hourlyPay());
        if (outcome == Outcome.INELIGIBLE) {
            assertTrue(failed(d).stream().allMatch(f -> f.code().name().startsWith("RATE_")), name + ": " + failed(d));
        }
    }

    @Test
    void determinism() {
        List<WorkHistory.Entry> entries = new ArrayList<>(daily("2026-05-01", 30, "08:00", "17:00", 0));
        entries.addAll(daily("2026-06-01", 3, "21:00", "08:00", 1));
        Shift s = shift("2026-06-05T21:00", "2026-06-06T09:00", "120.00");
        Decision first = decide(POLICY, s, history(entries));
        Decision second = decide(POLICY, s, history(entries));
        assertEquals(first, second);
        Collections.shuffle(entries, new Random(42));
        assertEquals(first, decide(POLICY, s, history(entries)), "history order does not matter");
        assertEquals(first, decide(PolicyFiles.valid(PolicyFiles.examplePolicy()), s, history(entries)));
    }

    @Test
    void outsideTheEffectivePeriodIsIneligible() {
        Decision d = decide(POLICY, shift("2026-03-31T08:00", "2026-03-31T17:00", "93.00"), WorkHistory.empty());
        assertFalse(only(d, RuleCode.POLICY_NOT_EFFECTIVE).passed());
        assertEquals(Outcome.INELIGIBLE, d.outcome());
        assertTrue(only(decide(POLICY, shift("2026-04-01T08:00", "2026-04-01T17:00", "93.00"), WorkHistory.empty()),
                RuleCode.POLICY_NOT_EFFECTIVE).passed());
    }

    @Test
    void localTimesInTheSpringGapAreRefused() {
        Shift.LocalResult r = Shift.ofLocal("RTD", "Main", "Acute medicine", new SpecialtyCode("300"),
                new GradeCode("ST3"), new GradeCode("ST5"), LocalDateTime.parse("2026-03-29T01:30"),
                LocalDateTime.parse("2026-03-29T09:00"), Shift.Channel.BANK, new BigDecimal("93.00"));
        assertEquals(Shift.TimeProblem.START_IN_DST_GAP, assertInstanceOf(Shift.Unresolvable.class, r).problem());
        Shift.LocalResult backwards = Shift.ofLocal("RTD", "Main", "Acute medicine", new SpecialtyCode("300"),
                new GradeCode("ST3"), new GradeCode("ST5"), LocalDateTime.parse("2026-06-10T09:00"),
                LocalDateTime.parse("2026-06-10T08:00"), Shift.Channel.BANK, new BigDecimal("93.00"));
        assertEquals(Shift.TimeProblem.END_NOT_AFTER_START,
                assertInstanceOf(Shift.Unresolvable.class, backwards).problem());
    }

    @Test
    void aGradeInNoGroupHasNoCardRowAndNoPay() {
        Policy ungrouped = PolicyFiles.valid(PolicyFiles.examplePolicy()
                .replace("\"senior\": [\"ST6\", \"ST7\", \"ST8\", \"SPECIALIST\"]", "\"senior\": [\"ST6\", \"ST7\", \"ST8\"]"));
        Shift s = shift("2026-06-10T08:00", "2026-06-10T17:00", "93.00");
        Decision d = ungrouped.evaluate(Workers.with(Workers.grade("SPECIALIST")), s, WorkHistory.empty(), AT);
        assertFalse(only(d, RuleCode.RATE_NO_CARD_ROW).passed());
        assertEquals(Optional.empty(), d.hourlyPay());
        assertEquals(Optional.empty(), d.totalPay());
        assertEquals(Outcome.INELIGIBLE, d.outcome());
    }

    @Test
    void findingsNameTheirRuleAndLimit() {
        Decision d = decide(POLICY, shift("2026-06-10T08:00", "2026-06-10T21:01", "93.00"), WorkHistory.empty());
        Finding f = only(d, RuleCode.WORKING_TIME_SHIFT_TOO_LONG);
        assertEquals("/rules/workingTime/maxShiftHours", f.ruleId());
        assertEquals("<= 13 h", f.expected());
        assertEquals(List.of("2026-06-10T07:00:00Z/2026-06-10T20:01:00Z"), f.evidence());
    }
}
