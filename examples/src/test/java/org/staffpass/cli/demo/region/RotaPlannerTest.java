package org.staffpass.cli.demo.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RotaPlannerTest {
    @Test
    void theMonthHasItsHardDaysAndTheSameSeedGivesTheSameShifts() {
        List<ShiftPlan> shifts = RotaPlanner.vacancies(new Random(5), 500);
        assertEquals(500, shifts.size());
        assertEquals(shifts, RotaPlanner.vacancies(new Random(5), 500));
        for (java.time.LocalDate holiday : RegionCalendar.BANK_HOLIDAYS_IN_MONTH) {
            assertTrue(shifts.stream().anyMatch(s -> s.start().toLocalDate().equals(holiday)), holiday.toString());
        }
        ShiftPlan acrossTheChange = shifts.stream()
                .filter(s -> s.kind() == ShiftPlan.Kind.NIGHT
                        && s.start().toLocalDate().equals(RegionCalendar.CLOCK_CHANGE.minusDays(1)))
                .findFirst().orElseThrow();
        // 20:30 GMT to 09:00 BST is 11 h 30 min of real time, not the 12 h 30 min the wall clock shows.
        assertEquals(Duration.ofMinutes(690), realDuration(acrossTheChange.start(), acrossTheChange.end()));
        for (int i = 1; i < shifts.size(); i++) {
            assertTrue(!shifts.get(i).start().isBefore(shifts.get(i - 1).start()), "sorted by start");
        }
        for (ShiftPlan shift : shifts) {
            assertTrue(!shift.start().toLocalDate().isBefore(RegionCalendar.MONTH_START)
                    && shift.start().toLocalDate().isBefore(RegionCalendar.MONTH_END), shift.id());
        }
    }

    @Test
    void aSubstantiveRotaNeverOverlapsItselfAndBankOnlyWorkersHaveNone() {
        Random random = new Random(11);
        List<WorkerProfile> workers = Workforce.draw(random, 300, RegionOrganisations.TRUSTS);
        int withRota = 0;
        for (WorkerProfile worker : workers) {
            List<RotaPlanner.RotaShift> rota = RotaPlanner.substantiveRota(worker, random);
            if (worker.employmentType() == org.staffpass.passport.credential.Employment.Type.BANK_ONLY) {
                assertTrue(rota.isEmpty(), worker.id());
                continue;
            }
            withRota++;
            for (int i = 1; i < rota.size(); i++) {
                assertTrue(!rota.get(i).start().isBefore(rota.get(i - 1).end()), worker.id() + " entry " + i);
            }
        }
        assertTrue(withRota > 150, "most workers have a substantive rota: " + withRota);
    }

    private static Duration realDuration(LocalDateTime start, LocalDateTime end) {
        return Duration.between(start.atZone(RegionCalendar.LONDON).toInstant(), end.atZone(RegionCalendar.LONDON).toInstant());
    }
}
