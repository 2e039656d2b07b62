package org.staffpass.cli.demo.region;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.SpecialtyCode;

/**
 * Draws the demo month's vacant shifts and each worker's substantive rota (the shifts they
 * already work at their home trust, which count towards the working-time limits of every bank
 * shift they take). Seeded and deterministic; the month's hard days (Good Friday, the clock
 * change night, Easter Monday) always get shifts.
 */
public final class RotaPlanner {
    private static final String[] DEPARTMENTS = {"Ward 1", "Ward 7", "Ward 12", "Acute Medical Unit", "Emergency Department",
        "Surgical Assessment Unit", "Theatres", "Critical Care"};
    /** Grade tiers a shift may ask for: min and max. */
    private static final String[][] DOCTOR_TIERS = {{"FY1", "FY2"}, {"FY2", "CT3"}, {"CT1", "ST2"}, {"ST3", "ST8"},
        {"ST3", "SPECIALTY_DOCTOR"}, {"CONSULTANT", "CONSULTANT"}};
    private static final int[] DOCTOR_TIER_WEIGHTS = {5, 30, 20, 25, 12, 8};
    private static final String[][] NURSING_TIERS = {{"AFC_5", "AFC_6"}, {"AFC_5", "AFC_5"}, {"AFC_6", "AFC_7"}};

    private RotaPlanner() {
    }

    /** {@code count} vacant shifts over the month, sorted by start then id. */
    public static List<ShiftPlan> vacancies(Random random, int count) {
        List<ShiftPlan> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LocalDate day = forcedDay(i).orElseGet(() -> RegionCalendar.MONTH_START.plusDays(random.nextInt(31)));
            ShiftPlan.Kind kind = i < 24 ? ShiftPlan.Kind.values()[i % 4]
                    : ShiftPlan.Kind.values()[Workforce.weighted(random, new int[] {35, 30, 10, 25})];
            if (day.equals(RegionCalendar.CLOCK_CHANGE.minusDays(1)) && i < 24) {
                kind = ShiftPlan.Kind.NIGHT; // across 2027-03-28 01:00 GMT: 11.5 h, not 12.5 h
            }
            boolean doctor = random.nextInt(100) < 70;
            String[] tier = doctor ? DOCTOR_TIERS[Workforce.weighted(random, DOCTOR_TIER_WEIGHTS)]
                    : NURSING_TIERS[random.nextInt(NURSING_TIERS.length)];
            List<String> specialties = doctor ? Workforce.MEDICAL_SPECIALTIES : Workforce.NURSING_SPECIALTIES;
            LocalDateTime start = day.atTime(kind.hour, kind.minute);
            int roll = random.nextInt(100);
            int percent = roll < 78 ? 100 : roll < 90 ? 101 + random.nextInt(20) : roll < 96 ? 121 + random.nextInt(30)
                    : roll < 99 ? 160 + random.nextInt(60) : 90;
            out.add(new ShiftPlan(String.format("S%04d", i + 1),
                    RegionOrganisations.TRUSTS.get(random.nextInt(RegionOrganisations.TRUSTS.size())),
                    DEPARTMENTS[random.nextInt(DEPARTMENTS.length)],
                    new SpecialtyCode(specialties.get(random.nextInt(specialties.size()))), new GradeCode(tier[0]),
                    new GradeCode(tier[1]), start, start.plusMinutes(kind.wallMinutes), kind, random.nextInt(100) < 15,
                    percent, percent >= 160 && random.nextBoolean()));
        }
        out.sort(Comparator.comparing(ShiftPlan::start).thenComparing(ShiftPlan::id));
        return List.copyOf(out);
    }

    private static java.util.Optional<LocalDate> forcedDay(int i) {
        if (i < 8) {
            return java.util.Optional.of(RegionCalendar.BANK_HOLIDAYS_IN_MONTH.get(0));
        }
        if (i < 16) {
            return java.util.Optional.of(RegionCalendar.CLOCK_CHANGE.minusDays(1));
        }
        if (i < 24) {
            return java.util.Optional.of(RegionCalendar.BANK_HOLIDAYS_IN_MONTH.get(1));
        }
        return java.util.Optional.empty();
    }

    /**
     * A worker's substantive rota from four weeks before the month to its end: doctors work four
     * 9-hour days a week with a week of nights in three, nurses and allied health professionals
     * three long days. Bank-only workers have no rota. Entries do not overlap.
     */
    public static List<RotaShift> substantiveRota(WorkerProfile worker, Random random) {
        List<RotaShift> out = new ArrayList<>();
        if (worker.employmentType() == org.staffpass.passport.credential.Employment.Type.BANK_ONLY) {
            return out;
        }
        int offset = random.nextInt(7);
        int nightsWeek = random.nextInt(3);
        LocalDate weekStart = RegionCalendar.MONTH_START.minusWeeks(4);
        for (int week = 0; week < 9; week++, weekStart = weekStart.plusWeeks(1)) {
            if (worker.isDoctor() && week % 3 == nightsWeek) {
                for (int n = 0; n < 3; n++) {
                    LocalDateTime start = weekStart.plusDays(n).atTime(20, 30);
                    out.add(new RotaShift(worker.homeTrust(), start, start.plusMinutes(750)));
                }
                continue;
            }
            int days = worker.isDoctor() ? 4 : 3;
            for (int d = 0; d < days; d++) {
                LocalDate day = weekStart.plusDays((offset + d * (worker.isDoctor() ? 1 : 2)) % 7);
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    if (random.nextInt(3) != 0) {
                        continue;
                    }
                }
                LocalDateTime start = day.atTime(8, 0);
                out.add(new RotaShift(worker.homeTrust(), start, start.plusMinutes(worker.isDoctor() ? 540 : 750)));
            }
        }
        out.sort(Comparator.comparing(RotaShift::start));
        return out;
    }

    /** One substantive rota shift in local time. */
    public record RotaShift(String trust, LocalDateTime start, LocalDateTime end) {
    }
}
