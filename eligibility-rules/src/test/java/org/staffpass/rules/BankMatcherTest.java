package org.staffpass.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.staffpass.passport.credential.Credential;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.DbsCheck;
import org.staffpass.passport.credential.Employment;
import org.staffpass.passport.credential.Grade;
import org.staffpass.passport.credential.MandatoryTraining;
import org.staffpass.passport.credential.ProfessionalRegistration;
import org.staffpass.passport.credential.Specialty;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.SpecialtyCode;
import org.staffpass.rules.internal.calc.ShiftTime;
import org.staffpass.testing.Property;

/**
 * The bank matcher against the single evaluator: on random pools (edge cases included) its
 * answer is exactly the pool filtered by full evaluation, in id order, and matching is
 * deterministic whatever the thread count.
 */
class BankMatcherTest {
    static final Instant AT = FamiliesTest.AT;
    static final List<String> GRADES = List.of("FY1", "FY2", "CT1", "CT3", "ST3", "ST4", "ST5", "ST6", "ST8",
            "SPECIALTY_DOCTOR", "CONSULTANT");
    static final List<String> SPECIALTIES = List.of("300", "301", "180", "100", "120", "320");
    static final List<String> TRUSTS = List.of("RTD", "RTF", "RXP");
    static final List<String> DAYS = List.of("2026-06-10", "2026-06-13", "2026-12-10", "2027-02-28", "2026-03-31",
            "2026-10-25");
    static final List<String> RATES = List.of("50.00", "62.00", "82.00", "93.00", "100.00", "110.00", "125.00",
            "140.00", "300.00", "300.01");

    /** The example policy and variants that change what the index must honour. */
    static final List<Policy> POLICIES = List.of(FamiliesTest.POLICY, FamiliesTest.FY1_POLICY,
            FamiliesTest.CONDITIONS_BLOCK, FamiliesTest.EPP,
            FamiliesTest.variant("\"minRemainingValidityDays\": 0", "\"minRemainingValidityDays\": 2"),
            FamiliesTest.variant("\"minimumGrade\": \"FY2\", \"specialtyGroups\": [\"medicine\", \"surgery\"],",
                    "\"minimumGrade\": \"FY2\", \"maximumGrade\": \"ST6\", \"specialtyGroups\": [\"medicine\"],"));

    record Case(Policy policy, List<BankMatcher.Worker> pool, List<Shift> shifts) {
        @Override
        public String toString() {
            return "pool of " + pool.size() + ", shifts " + shifts;
        }
    }

    static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    static Shift shift(Random random) {
        String day = pick(random, DAYS);
        String start = pick(random, List.of("08:00", "20:00", "13:00", "07:00"));
        String end = start.equals("20:00") ? LocalDate.parse(day).plusDays(1) + "T08:00"
                : day + "T" + (start.equals("13:00") ? "23:30" : "17:00");
        int lo = random.nextInt(GRADES.size());
        int hi = lo + random.nextInt(GRADES.size() - lo);
        Shift s = Workers.shift(pick(random, TRUSTS), pick(random, SPECIALTIES), GRADES.get(lo), GRADES.get(hi),
                day + "T" + start, end, random.nextInt(3) == 0 ? Shift.Channel.AGENCY : Shift.Channel.BANK,
                pick(random, RATES));
        return random.nextInt(4) > 0 ? s.withBankReleaseAt(AT.minusSeconds(random.nextInt(3 * 24 * 3600))) : s;
    }

    /** A date near the shift's last local day: the day before, the day itself, the day after, or well after. */
    static LocalDate near(Random random, Shift shift) {
        LocalDate end = new ShiftTime(shift.start(), shift.end()).localEnd().toLocalDate();
        return end.plusDays(random.nextInt(4) == 0 ? 400 : random.nextInt(3) - 1);
    }

    static PassportFacts.CredentialFacts expiringNear(Random random, PassportFacts.CredentialFacts f, Shift shift) {
        Instant exp = shift.end().plus(Duration.ofMinutes(random.nextInt(3) - 1))
                .plus(Duration.ofDays(random.nextInt(3)));
        return new PassportFacts.CredentialFacts(f.credential(), f.issuer(), f.issuedAt(), exp, f.credentialDigest(),
                f.disclosed());
    }

    /** A worker near the edges of the example policy for {@code shift}. */
    static PassportFacts worker(Random random, Shift shift) {
        String gradeCode = pick(random, GRADES);
        List<Credential> all = Workers.all(gradeCode);
        all.removeIf(c -> c.credentialType() == CredentialType.SPECIALTY || c.credentialType() == CredentialType.GRADE);
        LocalDate gradeTo = random.nextInt(8) == 0 ? near(random, shift) : LocalDate.parse("2027-08-03");
        all.add(new Grade(Grade.StaffGroup.MEDICAL_AND_DENTAL, new GradeCode(gradeCode), LocalDate.parse("2025-08-06"),
                random.nextInt(6) == 0 ? Optional.empty() : Optional.of(gradeTo)));
        List<String> codes = new ArrayList<>(List.of(pick(random, SPECIALTIES)));
        if (random.nextInt(4) == 0) {
            codes.add(pick(random, SPECIALTIES));
        }
        List<Specialty.LifeSupportCertificate> als = switch (random.nextInt(4)) {
            case 0 -> List.of();
            case 1 -> List.of(Workers.lifeSupport("ALS", "2022-01-01", near(random, shift).toString()));
            case 2 -> List.of(Workers.lifeSupport("ALS", "2022-01-01", near(random, shift).toString()),
                    Workers.lifeSupport("ALS", "2023-01-01", "2026-01-01"));
            default -> Workers.specialty().lifeSupport();
        };
        List<Specialty.Competency> competencies = switch (random.nextInt(4)) {
            case 0 -> List.of();
            case 1 -> List.of(new Specialty.Competency("CHEST_DRAIN", "Chest drain", LocalDate.parse("2025-02-02"),
                    Optional.of(near(random, shift))));
            case 2 -> List.of(new Specialty.Competency("LUMBAR_PUNCTURE", "Lumbar puncture", LocalDate.parse("2025-02-02"),
                    Optional.empty()));
            default -> Workers.specialty().competencies();
        };
        all.add(Workers.specialty(codes, als, competencies));
        if (random.nextInt(5) == 0) {
            replace(all, switch (random.nextInt(4)) {
                case 0 -> Workers.registration(ProfessionalRegistration.RegistrationType.PROVISIONAL,
                        ProfessionalRegistration.Status.REGISTERED, true, List.of());
                case 1 -> Workers.registration(ProfessionalRegistration.RegistrationType.FULL,
                        ProfessionalRegistration.Status.REGISTERED, true,
                        List.of(new ProfessionalRegistration.RegistrationAnnotation(
                                ProfessionalRegistration.RegistrationAnnotation.Kind.CONDITIONS,
                                LocalDate.parse("2026-01-01"), Optional.of(near(random, shift)))));
                case 2 -> Workers.registration(ProfessionalRegistration.RegistrationType.FULL,
                        ProfessionalRegistration.Status.SUSPENDED, true, List.of());
                default -> Workers.registration(ProfessionalRegistration.RegistrationType.FULL,
                        ProfessionalRegistration.Status.REGISTERED, false, List.of());
            });
        }
        if (random.nextInt(5) == 0) {
            replace(all, Workers.rightToWork(Optional.of(near(random, shift))));
        }
        if (random.nextInt(6) == 0) {
            List<MandatoryTraining.TrainingRecord> records = new ArrayList<>(Workers.training().subjects());
            MandatoryTraining.TrainingRecord r = records.remove(random.nextInt(records.size()));
            if (random.nextInt(4) > 0) {
                // Completed a year before a date near the shift: the 12-month refresher falls due near it.
                LocalDate completed = near(random, shift).minusMonths(12);
                if (completed.isAfter(LocalDate.parse("2026-05-01"))) {
                    completed = LocalDate.parse("2026-05-01");
                }
                records.add(new MandatoryTraining.TrainingRecord(r.subject(), r.level() - random.nextInt(2), completed,
                        completed.plusYears(3)));
            }
            replace(all, new MandatoryTraining(records));
        }
        if (random.nextInt(12) == 0) {
            replace(all, Workers.dbs(DbsCheck.Level.ENHANCED, DbsCheck.Workforce.CHILD_AND_ADULT, java.util.Set.of()));
        }
        if (random.nextInt(3) == 0) {
            replace(all, Workers.employment(pick(random, TRUSTS),
                    random.nextBoolean() ? Employment.Type.SUBSTANTIVE : Employment.Type.BANK_ONLY));
        }
        if (random.nextInt(8) == 0) {
            CredentialType gone = pick(random, List.of(CredentialType.values()));
            all.removeIf(c -> c.credentialType() == gone);
        }
        PassportFacts facts = TestFacts.of(all);
        if (random.nextInt(5) == 0 && !facts.credentials().isEmpty()) {
            Map<CredentialType, PassportFacts.CredentialFacts> map = new EnumMap<>(facts.credentials());
            CredentialType type = pick(random, new ArrayList<>(map.keySet()));
            map.put(type, expiringNear(random, map.get(type), shift));
            facts = new PassportFacts(facts.holderKeyThumbprint(), map);
        }
        return facts;
    }

    static WorkHistory history(Random random, Shift shift) {
        List<WorkHistory.Entry> entries = new ArrayList<>();
        int n = random.nextInt(4) == 0 ? 0 : random.nextInt(8);
        for (int i = 0; i < n; i++) {
            Instant start = shift.start().minus(Duration.ofHours(11 + random.nextInt(30 * 24)));
            entries.add(new WorkHistory.Entry(pick(random, TRUSTS), start, start.plus(Duration.ofHours(8 + random.nextInt(5)))));
        }
        if (random.nextInt(6) == 0) {
            // Just before the shift: rest at or near the 11 h minimum, or overlapping.
            Instant end = shift.start().minus(Duration.ofMinutes(11 * 60 - 1 + random.nextInt(3) - random.nextInt(2) * 700));
            entries.add(new WorkHistory.Entry("RTF", end.minus(Duration.ofHours(10)), end));
        }
        return new WorkHistory(entries);
    }

    private static void replace(List<Credential> all, Credential c) {
        all.removeIf(x -> x.credentialType() == c.credentialType());
        all.add(c);
    }

    static Case randomCase(Random random) {
        Policy policy = pick(random, POLICIES);
        Shift base = shift(random);
        int size = 5 + random.nextInt(25);
        List<BankMatcher.Worker> pool = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            // Ids in no particular order, so id order is the matcher's own doing.
            pool.add(new BankMatcher.Worker("w" + random.nextInt(1_000_000) + "-" + i, worker(random, base),
                    history(random, base)));
        }
        List<Shift> shifts = new ArrayList<>(List.of(base));
        shifts.add(base.withOfferedHourlyRate(new BigDecimal(pick(random, RATES))));
        shifts.add(shift(random));
        return new Case(policy, pool, shifts);
    }

    /** The answer by brute force: every worker evaluated, in id order. */
    static List<BankMatcher.Match> everyWorker(Policy policy, List<BankMatcher.Worker> pool, Shift shift, Instant at) {
        List<BankMatcher.Worker> sorted = new ArrayList<>(pool);
        sorted.sort(java.util.Comparator.comparing(BankMatcher.Worker::id));
        List<BankMatcher.Match> out = new ArrayList<>();
        for (BankMatcher.Worker w : sorted) {
            Decision d = policy.evaluate(w.facts(), shift, w.history(), at);
            if (d.outcome() != Outcome.INELIGIBLE) {
                out.add(new BankMatcher.Match(w.id(), d));
            }
        }
        return out;
    }

    @Test
    void matcherAgreesWithEvaluatingEveryWorker() {
        AtomicInteger matched = new AtomicInteger();
        AtomicInteger approvals = new AtomicInteger();
        AtomicInteger evaluated = new AtomicInteger();
        AtomicInteger workers = new AtomicInteger();
        Property.forAll("bank matcher = full evaluation", BankMatcherTest::randomCase, c -> {
            BankMatcher matcher = BankMatcher.of(c.policy(), c.pool());
            for (Shift s : c.shifts()) {
                List<BankMatcher.Match> expected = everyWorker(c.policy(), c.pool(), s, AT);
                List<BankMatcher.Match> actual = matcher.match(s, AT);
                assertEquals(expected.stream().map(BankMatcher.Match::workerId).toList(),
                        actual.stream().map(BankMatcher.Match::workerId).toList(), "shift " + s);
                assertEquals(expected, actual);
                matched.addAndGet(actual.size());
                approvals.addAndGet((int) actual.stream()
                        .filter(m -> m.decision().outcome() == Outcome.NEEDS_APPROVAL).count());
                evaluated.addAndGet(matcher.evaluatedFor(s, AT));
                workers.addAndGet(c.pool().size());
            }
        });
        // The generator must reach both answers, and the index must actually save evaluations.
        assertTrue(matched.get() > 100, "matched " + matched);
        assertTrue(approvals.get() > 10, "needing approval " + approvals);
        assertTrue(evaluated.get() * 4 < workers.get(), "evaluated " + evaluated + " of " + workers);
    }

    @Test
    void matchingIsDeterministicWhateverTheThreads() {
        Property.forAll("bank matcher deterministic", Property.scaled(20), BankMatcherTest::randomCase, c -> {
            BankMatcher matcher = BankMatcher.of(c.policy(), c.pool());
            List<BankMatcher.Worker> reversed = new ArrayList<>(c.pool());
            java.util.Collections.reverse(reversed);
            BankMatcher other = BankMatcher.of(c.policy(), reversed);
            List<List<BankMatcher.Match>> one = matcher.matchAll(c.shifts(), AT, 1);
            assertEquals(one, matcher.matchAll(c.shifts(), AT, 3));
            assertEquals(one, other.matchAll(c.shifts(), AT, 2));
            List<List<BankMatcher.Match>> streamed = new ArrayList<>();
            matcher.matchEach(c.shifts(), AT, 2, streamed::add);
            assertEquals(one, streamed);
            for (int i = 0; i < c.shifts().size(); i++) {
                assertEquals(one.get(i), matcher.match(c.shifts().get(i), AT));
            }
        });
    }

    @Test
    void theExampleWorkerIsMatchedAndAnUnknownGradeShiftMatchesNobody() {
        BankMatcher matcher = BankMatcher.of(FamiliesTest.POLICY, List.of(
                new BankMatcher.Worker("b", Workers.st4(), WorkHistory.empty()),
                new BankMatcher.Worker("a", Workers.st4(), WorkHistory.empty()),
                new BankMatcher.Worker("c", Workers.without(Workers.st4(), CredentialType.GRADE), WorkHistory.empty())));
        List<BankMatcher.Match> m = matcher.match(Workers.dayShift(), AT);
        assertEquals(List.of("a", "b"), m.stream().map(BankMatcher.Match::workerId).toList());
        assertEquals(FamiliesTest.POLICY.evaluate(Workers.st4(), Workers.dayShift(), WorkHistory.empty(), AT),
                m.get(0).decision());
        assertEquals(2, matcher.evaluatedFor(Workers.dayShift(), AT), "the worker without a grade is never evaluated");
        assertEquals(3, matcher.size());
        Shift offLadder = Workers.shift("RTD", "300", "ST3", "ST5", "2026-06-10T08:00", "2026-06-10T17:00",
                Shift.Channel.BANK, "93.00");
        offLadder = new Shift(offLadder.organisation(), offLadder.site(), offLadder.department(), offLadder.specialty(),
                new GradeCode("ST3"), new GradeCode("NOT_ON_LADDER"), offLadder.start(), offLadder.end(),
                offLadder.channel(), offLadder.offeredHourlyRate());
        assertEquals(List.of(), matcher.match(offLadder, AT));
        assertEquals(0, matcher.evaluatedFor(offLadder, AT));
    }

    @Test
    void programmerErrorsThrow() {
        BankMatcher.Worker w = new BankMatcher.Worker("a", Workers.st4(), WorkHistory.empty());
        assertThrows(IllegalArgumentException.class, () -> BankMatcher.of(FamiliesTest.POLICY, List.of(w, w)));
        BankMatcher matcher = BankMatcher.of(FamiliesTest.POLICY, List.of(w));
        assertThrows(IllegalArgumentException.class, () -> matcher.matchAll(List.of(Workers.dayShift()), AT, 0));
        assertThrows(IllegalArgumentException.class, () -> matcher.matchEach(List.of(Workers.dayShift()), AT, 0, m -> { }));
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> matcher.matchEach(List.of(Workers.dayShift()), AT, 1, m -> {
                    throw new IllegalStateException("sink failed");
                }));
        assertEquals("sink failed", thrown.getMessage());
        assertThrows(NullPointerException.class, () -> matcher.match(null, AT));
        assertThrows(NullPointerException.class, () -> new BankMatcher.Worker(null, Workers.st4(), WorkHistory.empty()));
        assertEquals(List.of(), BankMatcher.of(FamiliesTest.POLICY, List.of()).match(Workers.dayShift(), AT));
    }
}
