package org.staffpass.rules.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.staffpass.rules.Decision;
import org.staffpass.rules.Finding;
import org.staffpass.rules.Outcome;
import org.staffpass.rules.Policy;
import org.staffpass.rules.RuleCode;
import org.staffpass.rules.Shift;
import org.staffpass.rules.WorkHistory;
import org.staffpass.rules.internal.calc.Band;
import org.staffpass.rules.internal.calc.Figure;
import org.staffpass.rules.internal.calc.NightDefinition;
import org.staffpass.rules.internal.calc.RateCalculator;
import org.staffpass.rules.internal.calc.RateCard;
import org.staffpass.rules.internal.calc.RateParameters;
import org.staffpass.rules.internal.calc.ShiftTime;
import org.staffpass.rules.internal.calc.WorkingTimeCalculator;
import org.staffpass.rules.internal.calc.WorkingTimeFigures;
import org.staffpass.rules.internal.calc.WorkingTimeParameters;

/**
 * Evaluates the families implemented so far (effective period, workingTime, rates) of a
 * validated policy for one shift. Pure and deterministic: same inputs, equal decision.
 * Findings come in a fixed order. Every failed finding blocks, except {@link RuleCode#RATE_ESCALATION},
 * which asks for its tier's role instead.
 */
public final class Evaluator {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Evaluator() {
    }

    /** See {@link Policy#evaluate}. */
    public static Decision evaluate(Policy policy, Shift shift, WorkHistory history, String gradeGroup, Instant at) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(shift, "shift");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(gradeGroup, "gradeGroup");
        Objects.requireNonNull(at, "at");
        if (policy.rules().rates().isPresent() && !policy.rules().rates().get().card().containsKey(gradeGroup)) {
            throw new IllegalArgumentException("gradeGroup: not a grade group of the policy's rate card");
        }
        ShiftTime candidate = new ShiftTime(shift.start(), shift.end());
        List<Finding> findings = new ArrayList<>();
        List<String> approvals = new ArrayList<>();
        effective(policy, candidate, findings);
        policy.rules().workingTime().ifPresent(rules -> workingTime(rules, candidate, history, findings));
        Optional<BigDecimal> pay = Optional.empty();
        if (policy.rules().rates().isPresent()) {
            pay = Optional.of(rates(policy, policy.rules().rates().get(), shift, candidate, gradeGroup, findings, approvals));
        }
        boolean blocked = false;
        for (Finding f : findings) {
            if (!f.passed() && f.code() != RuleCode.RATE_ESCALATION) {
                blocked = true;
            }
        }
        Outcome outcome = blocked ? Outcome.INELIGIBLE : approvals.isEmpty() ? Outcome.ELIGIBLE : Outcome.NEEDS_APPROVAL;
        return new Decision(outcome, findings, pay, blocked ? List.of() : approvals, List.of(), policy.digest());
    }

    private static void effective(Policy policy, ShiftTime shift, List<Finding> findings) {
        LocalDate day = shift.localStartDate();
        Policy.Effective e = policy.effective();
        boolean in = !day.isBefore(e.from()) && e.until().map(day::isBefore).orElse(true);
        findings.add(new Finding("/effective", in, RuleCode.POLICY_NOT_EFFECTIVE,
                "shift starts on or after " + e.from() + e.until().map(u -> " and before " + u).orElse(""),
                "starts " + day, List.of(interval(shift))));
    }

    private static void workingTime(Policy.WorkingTimeRules rules, ShiftTime candidate, WorkHistory history,
            List<Finding> findings) {
        WorkingTimeParameters parameters = new WorkingTimeParameters(Duration.ofHours(10), NightDefinition.TCS_2016,
                rules.referenceWeeks(), Duration.ofHours(168));
        List<ShiftTime> past = new ArrayList<>(history.entries().size());
        for (WorkHistory.Entry e : history.entries()) {
            past.add(new ShiftTime(e.start(), e.end()));
        }
        WorkingTimeFigures f = new WorkingTimeCalculator(parameters).evaluate(past, candidate);
        String base = "/rules/workingTime/";

        Duration maxShift = Duration.ofHours(rules.maxShiftHours());
        findings.add(atMost(base + "maxShiftHours", RuleCode.WORKING_TIME_SHIFT_TOO_LONG, f.candidateLength(),
                maxShift, List.of(candidate)));

        Duration minRest = Duration.ofHours(rules.minRestHours());
        findings.add(rest(base + "minRestHours", "before", f.restBefore(), minRest, candidate));
        findings.add(rest(base + "minRestHours", "after", f.restAfter(), minRest, candidate));

        findings.add(atMost(base + "maxHoursRolling7Days", RuleCode.WORKING_TIME_ROLLING_7_DAYS,
                f.maxHoursInRollingWindow().value(), Duration.ofHours(rules.maxHoursRolling7Days()),
                f.maxHoursInRollingWindow().evidence()));

        findings.add(new Finding(base + "maxAverageWeeklyHours",
                f.averageWeekly().compareTo(Duration.ofHours(rules.maxAverageWeeklyHours())) <= 0,
                RuleCode.WORKING_TIME_AVERAGE_WEEKLY,
                "<= " + rules.maxAverageWeeklyHours() + " h a week over " + rules.referenceWeeks() + " weeks",
                text(f.averageWeekly()) + " a week", evidence(f.totalInReferencePeriod().evidence())));

        findings.add(count(base + "maxConsecutiveShifts", RuleCode.WORKING_TIME_CONSECUTIVE_SHIFTS,
                f.consecutiveShifts(), rules.maxConsecutiveShifts(), "consecutive shifts"));
        findings.add(count(base + "maxConsecutiveLongDays", RuleCode.WORKING_TIME_CONSECUTIVE_LONG_DAYS,
                f.consecutiveLongShifts(), rules.maxConsecutiveLongDays(), "consecutive long shifts"));
        findings.add(count(base + "maxConsecutiveNights", RuleCode.WORKING_TIME_CONSECUTIVE_NIGHTS,
                f.consecutiveNights(), rules.maxConsecutiveNights(), "consecutive nights"));

        Duration afterNights = Duration.ofHours(rules.restAfterNightsHours());
        if (f.restAfterNights().isPresent()) {
            Figure<Duration> r = f.restAfterNights().get();
            findings.add(new Finding(base + "restAfterNightsHours", r.value().compareTo(afterNights) >= 0,
                    RuleCode.WORKING_TIME_REST_AFTER_NIGHTS, ">= " + text(afterNights), text(r.value()),
                    evidence(r.evidence())));
        } else {
            findings.add(new Finding(base + "restAfterNightsHours", true, RuleCode.WORKING_TIME_REST_AFTER_NIGHTS,
                    ">= " + text(afterNights), "no night block next to the shift", List.of(interval(candidate))));
        }

        // Judged only when the candidate itself falls in a weekend: a weekday shift does not add one.
        WorkingTimeFigures.WeekendFrequency w = f.weekends();
        boolean candidateOnWeekend = w.evidence().contains(candidate);
        findings.add(new Finding(base + "maxWeekendFrequency",
                !(candidateOnWeekend && w.exceedsOneIn(rules.maxWeekendFrequency())),
                RuleCode.WORKING_TIME_WEEKEND_FREQUENCY, "<= 1 weekend in " + rules.maxWeekendFrequency(),
                w.worked() + " of " + w.total() + " weekends", evidence(w.evidence())));

        List<String> overlapping = new ArrayList<>();
        Duration shared = Duration.ZERO;
        for (WorkingTimeFigures.Overlap o : f.overlaps()) {
            if (o.first() == candidate || o.second() == candidate) {
                ShiftTime other = o.first() == candidate ? o.second() : o.first();
                overlapping.add(interval(other));
                shared = shared.plus(o.shared());
            }
        }
        List<String> overlapEvidence = new ArrayList<>();
        overlapEvidence.add(interval(candidate));
        overlapEvidence.addAll(overlapping);
        findings.add(new Finding("/rules/workingTime", overlapping.isEmpty(), RuleCode.WORKING_TIME_SHIFTS_OVERLAP,
                "no other shift at the same time",
                overlapping.isEmpty() ? "none" : overlapping.size() + " shift(s) sharing " + text(shared),
                overlapEvidence));
    }

    private static Finding atMost(String ruleId, RuleCode code, Duration actual, Duration limit, List<ShiftTime> ev) {
        return new Finding(ruleId, actual.compareTo(limit) <= 0, code, "<= " + text(limit), text(actual), evidence(ev));
    }

    private static Finding rest(String ruleId, String side, Optional<Figure<Duration>> figure, Duration min,
            ShiftTime candidate) {
        if (figure.isEmpty()) {
            return new Finding(ruleId, true, RuleCode.WORKING_TIME_REST_TOO_SHORT, ">= " + text(min) + " " + side,
                    "no shift " + side, List.of(interval(candidate)));
        }
        Duration rest = figure.get().value();
        return new Finding(ruleId, rest.compareTo(min) >= 0, RuleCode.WORKING_TIME_REST_TOO_SHORT,
                ">= " + text(min) + " " + side, text(rest) + " " + side, evidence(figure.get().evidence()));
    }

    private static Finding count(String ruleId, RuleCode code, Figure<Integer> run, int max, String what) {
        return new Finding(ruleId, run.value() <= max, code, "<= " + max + " " + what, run.value() + " " + what,
                evidence(run.evidence()));
    }

    private static BigDecimal rates(Policy policy, Policy.RateRules rules, Shift shift, ShiftTime candidate,
            String gradeGroup, List<Finding> findings, List<String> approvals) {
        Policy.TimeBands tb = policy.vocabularies().timeBands();
        RateParameters parameters = new RateParameters(tb.dayStarts(), tb.eveningStarts(), tb.nightStarts(),
                EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), new HashSet<>(policy.vocabularies().bankHolidays()),
                RateParameters.DEFAULT_PRECEDENCE);
        Policy.RateCard row = rules.card().get(gradeGroup);
        Map<Band, BigDecimal> hourly = new EnumMap<>(Band.class);
        hourly.put(Band.DAY, row.day());
        hourly.put(Band.EVENING, row.evening());
        hourly.put(Band.NIGHT, row.night());
        hourly.put(Band.WEEKEND, row.weekend());
        hourly.put(Band.BANK_HOLIDAY, row.bankHoliday());
        RateCard card = new RateCard(hourly);
        RateCalculator.Quote quote = new RateCalculator(parameters).quote(candidate, card);

        // Exact pound-seconds of the card for this shift; comparisons are exact, only the
        // reported hourly figure is rounded (once, HALF_EVEN, to pennies).
        BigDecimal cardPoundSeconds = BigDecimal.ZERO;
        List<String> bands = new ArrayList<>();
        for (Band b : Band.values()) {
            Duration d = quote.perBand().get(b);
            if (d != null) {
                cardPoundSeconds = cardPoundSeconds.add(card.rate(b).multiply(seconds(d)));
                bands.add(b.name().toLowerCase(java.util.Locale.ROOT) + " " + text(d) + " at " + card.rate(b));
            }
        }
        BigDecimal totalSeconds = seconds(candidate.elapsed());
        BigDecimal cardHourly = cardPoundSeconds.divide(totalSeconds, 2, RoundingMode.HALF_EVEN);
        BigDecimal offered = shift.offeredHourlyRate();
        BigDecimal offeredPoundSeconds = offered.multiply(totalSeconds);
        List<String> ev = new ArrayList<>();
        ev.add(interval(candidate));
        ev.addAll(bands);
        String base = "/rules/rates/";

        findings.add(new Finding(base + "floor", offered.compareTo(rules.floor()) >= 0, RuleCode.RATE_BELOW_FLOOR,
                ">= " + rules.floor() + " an hour", offered + " an hour", List.of(interval(candidate))));
        findings.add(new Finding(base + "priceCap", offered.compareTo(rules.priceCap()) <= 0, RuleCode.RATE_ABOVE_CAP,
                "<= " + rules.priceCap() + " an hour (break-glass approval is not yet evaluated)",
                offered + " an hour", List.of(interval(candidate))));

        String cardText = "card " + cardHourly + " an hour for " + gradeGroup + " (pay " + quote.total() + ")";
        if (offeredPoundSeconds.compareTo(cardPoundSeconds) <= 0) {
            findings.add(new Finding(base + "card/" + gradeGroup, true, RuleCode.RATE_ESCALATION,
                    "<= " + cardText, offered + " an hour", ev));
            return cardHourly;
        }
        for (int i = 0; i < rules.escalation().size(); i++) {
            Policy.EscalationTier tier = rules.escalation().get(i);
            BigDecimal limit = cardPoundSeconds.multiply(HUNDRED.add(tier.upToPercentAbove()));
            if (offeredPoundSeconds.multiply(HUNDRED).compareTo(limit) <= 0) {
                findings.add(new Finding(base + "escalation/" + i, false, RuleCode.RATE_ESCALATION,
                        "<= " + tier.upToPercentAbove() + "% above " + cardText + ", approved by " + tier.role(),
                        offered + " an hour", ev));
                approvals.add(tier.role());
                return cardHourly;
            }
        }
        String top = rules.escalation().isEmpty() ? "0"
                : rules.escalation().get(rules.escalation().size() - 1).upToPercentAbove().toPlainString();
        findings.add(new Finding(base + "escalation", false, RuleCode.RATE_ABOVE_TIERS,
                "<= " + top + "% above " + cardText, offered + " an hour", ev));
        return cardHourly;
    }

    private static BigDecimal seconds(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
    }

    private static List<String> evidence(List<ShiftTime> shifts) {
        List<String> out = new ArrayList<>(shifts.size());
        for (ShiftTime s : shifts) {
            out.add(interval(s));
        }
        return out;
    }

    /** ISO 8601 interval of instants, e.g. {@code 2026-06-10T07:00:00Z/2026-06-10T16:00:00Z}. */
    static String interval(ShiftTime s) {
        return s.start() + "/" + s.end();
    }

    /** Hours and minutes ("13 h", "13 h 1 min", "-2 h 30 min"); seconds only when present. */
    static String text(Duration d) {
        String sign = d.isNegative() ? "-" : "";
        Duration a = d.abs();
        StringBuilder b = new StringBuilder(sign).append(a.toHours()).append(" h");
        if (a.toMinutesPart() != 0) {
            b.append(' ').append(a.toMinutesPart()).append(" min");
        }
        if (a.toSecondsPart() != 0 || a.toNanosPart() != 0) {
            b.append(' ').append(a.toSecondsPart()).append(" s");
        }
        return b.toString();
    }
}
