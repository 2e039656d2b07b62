package org.staffpass.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.staffpass.passport.credential.Credential;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.DbsCheck;
import org.staffpass.passport.credential.Employment;
import org.staffpass.passport.credential.Grade;
import org.staffpass.passport.credential.IdentityVerification;
import org.staffpass.passport.credential.MandatoryTraining;
import org.staffpass.passport.credential.OccupationalHealth;
import org.staffpass.passport.credential.ProfessionalRegistration;
import org.staffpass.passport.credential.RightToWork;
import org.staffpass.passport.credential.Specialty;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.LifeSupportCode;
import org.staffpass.passport.vocab.Register;
import org.staffpass.passport.vocab.SpecialtyCode;
import org.staffpass.passport.vocab.TrainingSubjectCode;
import org.staffpass.rules.BankMatcher;
import org.staffpass.rules.PassportFacts;
import org.staffpass.rules.Policy;
import org.staffpass.rules.PolicyResult;
import org.staffpass.rules.Shift;
import org.staffpass.rules.WorkHistory;

/**
 * A seeded synthetic doctors' bank for the rules benchmarks: the regional example policy, a
 * pool of workers with realistic passport facts and histories, and shifts in June 2026. Same
 * seed, same bank. Most workers are compliant; a minority have a lapsed or lapsing fact, a
 * missing credential, conditions on registration, a grade off the shift's range or a
 * specialty outside the shift's groups, as in a real bank.
 */
public final class SyntheticBank {
    /** The decision instant of every benchmark: before every generated shift. */
    public static final Instant AT = Instant.parse("2026-06-01T09:00:00Z");
    static final Path POLICY_FILE = Path.of("examples", "policies", "regional-doctors-bank.json");
    static final List<String> GRADES = List.of("FY1", "FY2", "CT1", "CT2", "CT3", "ST1", "ST2", "ST3", "ST4", "ST5",
            "ST6", "ST7", "ST8", "LED_JUNIOR", "LED_MIDDLE", "SPECIALTY_DOCTOR", "SPECIALIST", "CONSULTANT");
    /** Medicine, surgery, emergency medicine and specialties no group of the policy names (about 30 codes). */
    static final List<String> SPECIALTIES = List.of("300", "301", "320", "330", "340", "100", "101", "110", "120",
            "130", "180", "190", "191", "192", "302", "303", "304", "305", "306", "307", "350", "400", "410", "420",
            "430", "500", "501", "502", "700", "710", "711");
    static final List<String> TRUSTS = List.of("RTD", "RTF", "RXP", "RR7", "RVW", "RLN", "RXF", "RCD", "RAE");
    static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");

    private SyntheticBank() {
    }

    /** The regional example policy, read from the repository (run from its root). */
    public static byte[] policyBytes() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve(POLICY_FILE))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(POLICY_FILE + " not found above " + Path.of("").toAbsolutePath()
                    + ": run the benchmarks from the repository");
        }
        try {
            return Files.readAllBytes(dir.resolve(POLICY_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Policy policy() {
        PolicyResult r = Policy.parse(policyBytes());
        if (!(r instanceof PolicyResult.Valid v)) {
            throw new IllegalStateException("the example policy does not parse: " + r);
        }
        return v.policy();
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** An ST4 in acute medicine with every credential in date: eligible for {@link #dayShift()}. */
    public static PassportFacts eligibleWorker() {
        return facts(credentials("ST4", List.of("300"), new Random(1), false), "eligible", Instant.parse("2027-12-31T00:00:00Z"));
    }

    /** 20 day shifts over the six weeks before {@link #dayShift()}, at several trusts, none too close. */
    public static WorkHistory history20() {
        List<WorkHistory.Entry> entries = new ArrayList<>();
        Instant first = Instant.parse("2026-04-28T07:00:00Z");
        for (int i = 0; i < 20; i++) {
            Instant start = first.plus(Duration.ofDays(2L * i + (i % 3 == 0 ? 1 : 0)));
            entries.add(new WorkHistory.Entry(TRUSTS.get(i % TRUSTS.size()), start, start.plus(Duration.ofHours(9))));
        }
        return new WorkHistory(entries);
    }

    /** Wed 10 June 2026 08:00-17:00 at RTD, acute medicine, ST3-ST5, bank, at the card rate. */
    public static Shift dayShift() {
        return shift("RTD", "300", "ST3", "ST5", LocalDateTime.parse("2026-06-10T08:00"),
                LocalDateTime.parse("2026-06-10T17:00"), Shift.Channel.BANK, "93.00");
    }

    static Shift shift(String org, String specialty, String min, String max, LocalDateTime start, LocalDateTime end,
            Shift.Channel channel, String rate) {
        Shift.LocalResult r = Shift.ofLocal(org, org + "01", "Ward 1", new SpecialtyCode(specialty), new GradeCode(min),
                new GradeCode(max), start, end, channel, new BigDecimal(rate));
        return ((Shift.Resolved) r).shift();
    }

    /** {@code n} shifts in June 2026: days, long days, nights; mostly bank; rates at or a little above the card. */
    public static List<Shift> shifts(int n, long seed) {
        Random random = new Random(seed);
        List<Shift> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            LocalDateTime start = LocalDateTime.parse("2026-06-02T08:00").plusDays(random.nextInt(28));
            LocalDateTime end;
            switch (random.nextInt(3)) {
                case 0 -> end = start.plusHours(9);
                case 1 -> end = start.plusHours(12).plusMinutes(30);
                default -> {
                    start = start.plusHours(12);
                    end = start.plusHours(12);
                }
            }
            int lo = 1 + random.nextInt(12);
            int hi = Math.min(GRADES.size() - 1, lo + 2 + random.nextInt(4));
            Shift.Channel channel = random.nextInt(10) == 0 ? Shift.Channel.AGENCY : Shift.Channel.BANK;
            Shift s = shift(pick(random, TRUSTS), SPECIALTIES.get(random.nextInt(12)), GRADES.get(lo), GRADES.get(hi),
                    start, end, channel, (90 + random.nextInt(40)) + ".00");
            out.add(s.withBankReleaseAt(AT.minus(Duration.ofDays(2 + random.nextInt(10)))));
        }
        return out;
    }

    /** A pool of {@code n} workers with ids {@code w000000...}. */
    public static List<BankMatcher.Worker> workers(int n, long seed) {
        Random random = new Random(seed);
        List<BankMatcher.Worker> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String grade = GRADES.get(Math.min(GRADES.size() - 1, random.nextInt(GRADES.size()) + random.nextInt(2)));
            List<String> specialties = new ArrayList<>(List.of(SPECIALTIES.get(random.nextInt(SPECIALTIES.size()))));
            if (random.nextInt(5) == 0) {
                specialties.add(pick(random, SPECIALTIES));
            }
            List<Credential> credentials = credentials(grade, specialties, random, true);
            Instant expires = random.nextInt(50) == 0 ? Instant.parse("2026-06-15T00:00:00Z")
                    : Instant.parse("2027-12-31T00:00:00Z");
            out.add(new BankMatcher.Worker(String.format("w%06d", i), facts(credentials, "w" + i, expires),
                    history(random)));
        }
        return out;
    }

    static WorkHistory history(Random random) {
        int n = random.nextInt(13);
        List<WorkHistory.Entry> entries = new ArrayList<>(n);
        Instant start = Instant.parse("2026-04-20T07:00:00Z").plus(Duration.ofHours(random.nextInt(48)));
        for (int i = 0; i < n; i++) {
            entries.add(new WorkHistory.Entry("RTD", start, start.plus(Duration.ofHours(8 + random.nextInt(5)))));
            start = start.plus(Duration.ofHours(36 + random.nextInt(120)));
        }
        return new WorkHistory(entries);
    }

    static PassportFacts facts(List<Credential> credentials, String holder, Instant expires) {
        Map<CredentialType, PassportFacts.CredentialFacts> map = new EnumMap<>(CredentialType.class);
        for (Credential c : credentials) {
            map.put(c.credentialType(), new PassportFacts.CredentialFacts(c, "https://lead-employer.nhs.example", ISSUED,
                    expires, "digest-" + holder + "-" + c.credentialType().ordinal(), Set.of()));
        }
        return new PassportFacts("thumbprint-" + holder, map);
    }

    /** Every credential type; with {@code variety}, some facts missing, lapsing or restricted at the usual rates. */
    static List<Credential> credentials(String grade, List<String> specialties, Random random, boolean variety) {
        List<Credential> out = new ArrayList<>();
        out.add(new IdentityVerification(Optional.empty(), Optional.empty(), Optional.empty(),
                IdentityVerification.Level.MEDIUM, IdentityVerification.Method.IN_PERSON_ORIGINAL_DOCUMENTS, d("2025-08-01")));
        out.add(variety && random.nextInt(10) == 0
                ? new RightToWork(RightToWork.Permission.TIME_LIMITED, Optional.of(d("2026-06-01").plusDays(random.nextInt(400))),
                        RightToWork.CheckMethod.HOME_OFFICE_ONLINE_CHECK, d("2025-07-20"))
                : new RightToWork(RightToWork.Permission.UNLIMITED, Optional.empty(),
                        RightToWork.CheckMethod.IDENTITY_SERVICE_PROVIDER, d("2025-07-20")));
        List<ProfessionalRegistration.RegistrationAnnotation> annotations = variety && random.nextInt(40) == 0
                ? List.of(new ProfessionalRegistration.RegistrationAnnotation(
                        ProfessionalRegistration.RegistrationAnnotation.Kind.CONDITIONS, d("2026-01-01"), Optional.empty()))
                : List.of();
        out.add(new ProfessionalRegistration(Register.GMC, Optional.of("7123456"),
                grade.equals("FY1") ? ProfessionalRegistration.RegistrationType.PROVISIONAL
                        : ProfessionalRegistration.RegistrationType.FULL,
                variety && random.nextInt(100) == 0 ? ProfessionalRegistration.Status.SUSPENDED
                        : ProfessionalRegistration.Status.REGISTERED,
                Optional.of(true), annotations, d("2029-04-30"), d("2026-04-30")));
        out.add(new DbsCheck(DbsCheck.Level.ENHANCED_WITH_BARRED_LISTS, DbsCheck.Workforce.CHILD_AND_ADULT,
                Set.of(DbsCheck.BarredList.CHILDREN, DbsCheck.BarredList.ADULTS), Optional.of("001234567890"),
                d("2025-11-02"), true, Optional.empty(), DbsCheck.Clearance.CLEARED, d("2025-11-20")));
        out.add(new OccupationalHealth(OccupationalHealth.Fitness.FIT, OccupationalHealth.EppClearance.CLEARED, List.of(),
                d("2025-10-05")));
        LocalDate completed = variety && random.nextInt(8) == 0 ? d("2025-06-01").plusDays(random.nextInt(30))
                : d("2026-01-10");
        out.add(new MandatoryTraining(List.of(
                training("FIRE_SAFETY", 1, completed), training("INFECTION_PREVENTION_CONTROL", 2, completed),
                training("SAFEGUARDING_ADULTS", 2, completed), training("SAFEGUARDING_CHILDREN", 3, completed),
                training("INFORMATION_GOVERNANCE", 1, completed), training("RESUSCITATION", 2, completed))));
        out.add(new Grade(Grade.StaffGroup.MEDICAL_AND_DENTAL, new GradeCode(grade), d("2025-08-06"),
                Optional.of(d("2027-08-03"))));
        LocalDate als = variety && random.nextInt(10) == 0 ? d("2026-06-01").plusDays(random.nextInt(60)) : d("2029-03-03");
        out.add(new Specialty(specialties.stream().map(SpecialtyCode::new).toList(),
                List.of(new Specialty.LifeSupportCertificate(new LifeSupportCode("ALS"), d("2025-03-03"), als)),
                List.of(new Specialty.Competency("CHEST_DRAIN", "Seldinger chest drain insertion", d("2025-02-02"),
                        Optional.empty()))));
        out.add(variety && random.nextInt(5) == 0
                ? new Employment(pick(random, TRUSTS), Employment.Type.SUBSTANTIVE, d("2024-08-07"), Optional.empty(), List.of())
                : new Employment("RRF", Employment.Type.LEAD_EMPLOYER_TRAINEE, d("2024-08-07"), Optional.empty(), List.of()));
        if (variety && random.nextInt(30) == 0) {
            out.remove(random.nextInt(out.size()));
        }
        return out;
    }

    static MandatoryTraining.TrainingRecord training(String subject, int level, LocalDate completed) {
        return new MandatoryTraining.TrainingRecord(new TrainingSubjectCode(subject), level, completed, completed.plusYears(3));
    }
}
