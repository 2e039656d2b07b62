package org.staffpass.rules;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.staffpass.passport.credential.Credential;
import org.staffpass.passport.credential.CredentialValidator;
import org.staffpass.passport.credential.DbsCheck;
import org.staffpass.passport.credential.Employment;
import org.staffpass.passport.credential.Grade;
import org.staffpass.passport.credential.IdentityVerification;
import org.staffpass.passport.credential.MandatoryTraining;
import org.staffpass.passport.credential.OccupationalHealth;
import org.staffpass.passport.credential.ProfessionalRegistration;
import org.staffpass.passport.credential.RightToWork;
import org.staffpass.passport.credential.Specialty;
import org.staffpass.passport.vocab.AntigenCode;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.LifeSupportCode;
import org.staffpass.passport.vocab.Register;
import org.staffpass.passport.vocab.SpecialtyCode;
import org.staffpass.passport.vocab.TrainingSubjectCode;
import org.staffpass.passport.vocab.Vocabularies;

/**
 * A valid ST4 in acute medicine (specialty 300) employed by a lead employer, with every
 * credential type, in date through June 2026 and well beyond: the example policy's happy path.
 */
final class Workers {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T09:00:00Z"), ZoneOffset.UTC);
    private static CredentialValidator validator;

    private Workers() {
    }

    static synchronized CredentialValidator validator() {
        if (validator == null) {
            validator = CredentialValidator.create(Vocabularies.standard(), CLOCK);
        }
        return validator;
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static IdentityVerification identity() {
        return new IdentityVerification(Optional.of("Amara"), Optional.of("Okafor"), Optional.of(d("1994-03-17")),
                IdentityVerification.Level.MEDIUM, IdentityVerification.Method.IN_PERSON_ORIGINAL_DOCUMENTS, d("2025-08-01"));
    }

    static RightToWork rightToWork(Optional<LocalDate> until) {
        return until.isEmpty()
                ? new RightToWork(RightToWork.Permission.UNLIMITED, Optional.empty(),
                        RightToWork.CheckMethod.IDENTITY_SERVICE_PROVIDER, d("2025-07-20"))
                : new RightToWork(RightToWork.Permission.TIME_LIMITED, until,
                        RightToWork.CheckMethod.HOME_OFFICE_ONLINE_CHECK, d("2025-07-20"));
    }

    static ProfessionalRegistration registration(ProfessionalRegistration.RegistrationType type,
            ProfessionalRegistration.Status status, boolean licence,
            List<ProfessionalRegistration.RegistrationAnnotation> annotations) {
        return new ProfessionalRegistration(Register.GMC, Optional.of("7123456"), type, status, Optional.of(licence),
                annotations, d("2029-04-30"), d("2026-04-30"));
    }

    static ProfessionalRegistration registration() {
        return registration(ProfessionalRegistration.RegistrationType.FULL, ProfessionalRegistration.Status.REGISTERED,
                true, List.of());
    }

    static DbsCheck dbs(DbsCheck.Level level, DbsCheck.Workforce workforce, Set<DbsCheck.BarredList> lists) {
        return new DbsCheck(level, workforce, lists, Optional.of("001234567890"), d("2025-11-02"),
                level != DbsCheck.Level.BASIC, Optional.empty(), DbsCheck.Clearance.CLEARED, d("2025-11-20"));
    }

    static DbsCheck dbs() {
        return dbs(DbsCheck.Level.ENHANCED_WITH_BARRED_LISTS, DbsCheck.Workforce.CHILD_AND_ADULT,
                Set.of(DbsCheck.BarredList.CHILDREN, DbsCheck.BarredList.ADULTS));
    }

    static OccupationalHealth occupationalHealth(OccupationalHealth.Fitness fitness, OccupationalHealth.EppClearance epp) {
        return new OccupationalHealth(fitness, epp,
                List.of(new OccupationalHealth.Immunisation(new AntigenCode("HEPATITIS_B"),
                        OccupationalHealth.Immunisation.Evidence.SEROLOGY,
                        OccupationalHealth.Immunisation.Status.PROTECTED, d("2025-10-05"), Optional.empty())),
                d("2025-10-05"));
    }

    static OccupationalHealth occupationalHealth() {
        return occupationalHealth(OccupationalHealth.Fitness.FIT, OccupationalHealth.EppClearance.CLEARED);
    }

    static MandatoryTraining.TrainingRecord training(String subject, int level, String completed, String expires) {
        return new MandatoryTraining.TrainingRecord(new TrainingSubjectCode(subject), level, d(completed), d(expires));
    }

    /** Every subject of the example policy, completed 2026-01-10, each expiring a year or more later. */
    static MandatoryTraining training() {
        return new MandatoryTraining(List.of(
                training("FIRE_SAFETY", 1, "2026-01-10", "2028-01-10"),
                training("INFECTION_PREVENTION_CONTROL", 2, "2026-01-10", "2027-01-10"),
                training("SAFEGUARDING_ADULTS", 2, "2026-01-10", "2029-01-10"),
                training("SAFEGUARDING_CHILDREN", 3, "2026-01-10", "2029-01-10"),
                training("INFORMATION_GOVERNANCE", 1, "2026-01-10", "2027-01-10"),
                training("RESUSCITATION", 2, "2026-01-10", "2027-01-10")));
    }

    static Grade grade(String code) {
        return new Grade(Grade.StaffGroup.MEDICAL_AND_DENTAL, new GradeCode(code), d("2025-08-06"), Optional.of(d("2027-08-03")));
    }

    static Specialty specialty(List<String> codes, List<Specialty.LifeSupportCertificate> lifeSupport,
            List<Specialty.Competency> competencies) {
        return new Specialty(codes.stream().map(SpecialtyCode::new).toList(), lifeSupport, competencies);
    }

    static Specialty.LifeSupportCertificate lifeSupport(String type, String issued, String expires) {
        return new Specialty.LifeSupportCertificate(new LifeSupportCode(type), d(issued), d(expires));
    }

    static Specialty specialty() {
        return specialty(List.of("300"), List.of(lifeSupport("ALS", "2025-03-03", "2029-03-03")),
                List.of(new Specialty.Competency("CHEST_DRAIN", "Seldinger chest drain insertion", d("2025-02-02"),
                        Optional.empty())));
    }

    static Employment employment(String employer, Employment.Type type) {
        return new Employment(employer, type, d("2024-08-07"), Optional.empty(), List.of());
    }

    static Employment employment() {
        return new Employment("RRF", Employment.Type.LEAD_EMPLOYER_TRAINEE, d("2024-08-07"), Optional.empty(),
                List.of(new Employment.Placement("RXP", Optional.of(new SpecialtyCode("300")), d("2025-08-06"),
                        d("2026-08-04"))));
    }

    static List<Credential> all(String grade) {
        return new ArrayList<>(List.of(identity(), rightToWork(Optional.empty()), registration(), dbs(),
                occupationalHealth(), training(), grade(grade), specialty(), employment()));
    }

    /** The ST4's passport facts, every type, fully disclosed. */
    static PassportFacts st4() {
        return TestFacts.of(all("ST4"));
    }

    /** {@link #all} with one credential replaced (by type). */
    static PassportFacts with(Credential replacement) {
        List<Credential> all = all("ST4");
        all.removeIf(c -> c.credentialType() == replacement.credentialType());
        all.add(replacement);
        return TestFacts.of(all);
    }

    /** {@code facts} with the credential of {@code type} expiring ({@code exp}) at {@code expires}. */
    static PassportFacts expiring(PassportFacts facts, org.staffpass.passport.credential.CredentialType type,
            Instant expires) {
        java.util.Map<org.staffpass.passport.credential.CredentialType, PassportFacts.CredentialFacts> map =
                new java.util.EnumMap<>(facts.credentials());
        map.put(type, TestFacts.facts(map.get(type).credential(), expires));
        return new PassportFacts(facts.holderKeyThumbprint(), map);
    }

    /** {@code facts} without the credential of {@code type}. */
    static PassportFacts without(PassportFacts facts, org.staffpass.passport.credential.CredentialType type) {
        java.util.Map<org.staffpass.passport.credential.CredentialType, PassportFacts.CredentialFacts> map =
                new java.util.EnumMap<>(facts.credentials());
        map.remove(type);
        return new PassportFacts(facts.holderKeyThumbprint(), map);
    }

    /** A shift from Europe/London local times. */
    static Shift shift(String organisation, String specialty, String minGrade, String maxGrade, String start,
            String end, Shift.Channel channel, String rate) {
        Shift.LocalResult r = Shift.ofLocal(organisation, organisation + "01", "Ward 1", new SpecialtyCode(specialty),
                new GradeCode(minGrade), new GradeCode(maxGrade), java.time.LocalDateTime.parse(start),
                java.time.LocalDateTime.parse(end), channel, new java.math.BigDecimal(rate));
        return ((Shift.Resolved) r).shift();
    }

    /** The base shift: Wed 10 June 2026 08:00-17:00 at RTD, acute medicine (300), ST3-ST5, bank, 93.00 (the card). */
    static Shift dayShift() {
        return shift("RTD", "300", "ST3", "ST5", "2026-06-10T08:00", "2026-06-10T17:00", Shift.Channel.BANK, "93.00");
    }

    /** A random subset of the happy-path credentials (for round trips). */
    static List<Credential> someOf(Random random) {
        List<Credential> out = new ArrayList<>();
        for (Credential c : all(random.nextBoolean() ? "ST4" : "FY2")) {
            if (random.nextInt(3) > 0) {
                out.add(c);
            }
        }
        return out;
    }
}
