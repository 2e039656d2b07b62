package org.staffpass.rules;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.staffpass.passport.credential.Employment;

/** Random scenarios over the example policy for property tests: shift, worker facts and decision instant. */
final class Properties {
    static final List<String> GRADES = List.of("FY2", "CT1", "ST3", "ST4", "ST5", "ST6", "CONSULTANT");
    static final List<String> SPECIALTIES = List.of("300", "301", "100", "180");
    static final List<String> TRUSTS = List.of("RTD", "RTF", "RXP");

    private Properties() {
    }

    record Scenario(Policy policy, PassportFacts facts, Shift shift, Instant at) {
    }

    static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    static Shift shift(Random random) {
        String day = "2026-" + pick(random, List.of("06-10", "06-13", "12-10", "12-25"));
        String start = pick(random, List.of("08:00", "20:00", "13:00"));
        String end = start.equals("20:00") ? nextDay(day) + "T08:00" : day + "T" + (start.equals("08:00") ? "17:00" : "23:30");
        Shift.Channel channel = random.nextBoolean() ? Shift.Channel.BANK : Shift.Channel.AGENCY;
        Shift s = Workers.shift(pick(random, TRUSTS), pick(random, SPECIALTIES), "CT1", "ST6", day + "T" + start, end,
                channel, (60 + random.nextInt(100)) + "." + (10 + random.nextInt(90)));
        return random.nextInt(4) > 0 ? s.withBankReleaseAt(FamiliesTest.AT.minusSeconds(random.nextInt(3 * 24 * 3600))) : s;
    }

    private static String nextDay(String day) {
        return java.time.LocalDate.parse(day).plusDays(1).toString();
    }

    /** A worker with every credential type and non-empty arrays (see DisclosureTest), random grade, specialty and employment. */
    static PassportFacts worker(Random random) {
        List<org.staffpass.passport.credential.Credential> all = Workers.all(pick(random, GRADES));
        all.removeIf(c -> c.credentialType().name().equals("SPECIALTY") || c.credentialType().name().equals("EMPLOYMENT"));
        all.add(Workers.specialty(List.of(pick(random, SPECIALTIES)), Workers.specialty().lifeSupport(),
                Workers.specialty().competencies()));
        all.add(random.nextBoolean() ? Workers.employment()
                : Workers.employment(pick(random, TRUSTS), pick(random, List.of(Employment.Type.values()).subList(0, 2))));
        return TestFacts.of(all);
    }

    static Scenario scenario(Random random) {
        return new Scenario(FamiliesTest.POLICY, worker(random), shift(random), FamiliesTest.AT);
    }

    static Optional<BreakGlass> breakGlass(Random random) {
        return random.nextBoolean() ? Optional.of(BreakGlassTest.CEO) : Optional.empty();
    }
}
