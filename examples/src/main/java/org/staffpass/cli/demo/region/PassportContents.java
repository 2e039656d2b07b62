package org.staffpass.cli.demo.region;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.staffpass.passport.credential.Credential;
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
import org.staffpass.passport.vocab.LifeSupportCode;
import org.staffpass.passport.vocab.Register;
import org.staffpass.passport.vocab.TrainingSubjectCode;

/**
 * The nine credentials of a synthetic worker's passport, with dates around the simulated
 * month ({@link RegionCalendar}) and the worker's planted problem written into the content
 * where the problem is content (a lapsing subject, conditions, a time-limited visa).
 */
final class PassportContents {
    private static final LocalDate ISSUE_DAY = LocalDate.of(2027, 2, 1);
    /** A CSTF subject at the level every demo worker holds, with its refresher period. */
    private record Subject(String code, int level, int refresherMonths) {
    }

    private static final List<Subject> TRAINING = List.of(
            new Subject("EQUALITY_DIVERSITY_HUMAN_RIGHTS", 1, 36),
            new Subject("HEALTH_SAFETY_WELFARE", 1, 36),
            new Subject("CONFLICT_RESOLUTION", 1, 36),
            new Subject("FIRE_SAFETY", 1, 24),
            new Subject("INFECTION_PREVENTION_CONTROL", 2, 12),
            new Subject("MOVING_HANDLING", 2, 24),
            new Subject("SAFEGUARDING_ADULTS", 2, 36),
            new Subject("SAFEGUARDING_CHILDREN", 2, 36),
            new Subject("PREVENTING_RADICALISATION", 1, 36),
            new Subject("INFORMATION_GOVERNANCE", 1, 12),
            new Subject("RESUSCITATION", 2, 12),
            new Subject("OLIVER_MCGOWAN", 1, 36));

    private PassportContents() {
    }

    /** The worker's nine credentials, in {@code CredentialType} order. */
    static List<Credential> of(WorkerProfile worker, Random random) {
        return List.of(identity(random), rightToWork(worker, random), registration(worker, random), dbs(random),
                occupationalHealth(worker, random), training(worker, random), grade(worker, random),
                specialty(worker, random), employment(worker, random));
    }

    private static IdentityVerification identity(Random random) {
        // Names are never needed for bank decisions; the demo leaves them to the wallet's discretion.
        return new IdentityVerification(Optional.of("Worker"), Optional.of("Synthetic"),
                Optional.of(LocalDate.of(1965 + random.nextInt(35), 1 + random.nextInt(12), 1 + random.nextInt(28))),
                IdentityVerification.Level.MEDIUM, IdentityVerification.Method.IN_PERSON_ORIGINAL_DOCUMENTS,
                daysBefore(30 + random.nextInt(700)));
    }

    private static RightToWork rightToWork(WorkerProfile worker, Random random) {
        LocalDate checked = daysBefore(20 + random.nextInt(600));
        if (worker.problem() == Problem.RIGHT_TO_WORK_ENDS_IN_MONTH) {
            return new RightToWork(RightToWork.Permission.TIME_LIMITED, Optional.of(inMonth(random)),
                    RightToWork.CheckMethod.HOME_OFFICE_ONLINE_CHECK, checked);
        }
        if (random.nextInt(5) == 0) {
            return new RightToWork(RightToWork.Permission.TIME_LIMITED,
                    Optional.of(ISSUE_DAY.plusMonths(8 + random.nextInt(30))), RightToWork.CheckMethod.HOME_OFFICE_ONLINE_CHECK,
                    checked);
        }
        return new RightToWork(RightToWork.Permission.UNLIMITED, Optional.empty(),
                RightToWork.CheckMethod.MANUAL_DOCUMENT_CHECK, checked);
    }

    private static ProfessionalRegistration registration(WorkerProfile worker, Random random) {
        boolean provisional = worker.grade().value().equals("FY1");
        List<ProfessionalRegistration.RegistrationAnnotation> annotations = new ArrayList<>();
        if (worker.problem() == Problem.REGISTRATION_CONDITIONS) {
            annotations.add(new ProfessionalRegistration.RegistrationAnnotation(
                    ProfessionalRegistration.RegistrationAnnotation.Kind.CONDITIONS, daysBefore(60 + random.nextInt(200)),
                    Optional.of(ISSUE_DAY.plusMonths(6 + random.nextInt(12)))));
        }
        Optional<Boolean> licence = worker.register() == Register.GMC ? Optional.of(true) : Optional.empty();
        int renewalYears = worker.register() == Register.GMC ? 5 : worker.register() == Register.NMC ? 3 : 2;
        return new ProfessionalRegistration(worker.register(), Optional.of(worker.registrationNumber()),
                provisional ? ProfessionalRegistration.RegistrationType.PROVISIONAL
                        : ProfessionalRegistration.RegistrationType.FULL,
                ProfessionalRegistration.Status.REGISTERED, licence, annotations,
                ISSUE_DAY.plusMonths(3 + random.nextInt(renewalYears * 12 - 3)), daysBefore(1 + random.nextInt(20)));
    }

    private static DbsCheck dbs(Random random) {
        LocalDate issued = daysBefore(90 + random.nextInt(900));
        String certificate = String.format("%012d", Math.floorMod(random.nextLong(), 1_000_000_000_000L));
        return new DbsCheck(DbsCheck.Level.ENHANCED_WITH_BARRED_LISTS, DbsCheck.Workforce.CHILD_AND_ADULT,
                Set.of(DbsCheck.BarredList.CHILDREN, DbsCheck.BarredList.ADULTS), Optional.of(certificate), issued, true,
                Optional.of(new DbsCheck.StatusCheck(daysBefore(1 + random.nextInt(25)), DbsCheck.StatusCheck.Result.CURRENT)),
                DbsCheck.Clearance.CLEARED, issued.plusDays(7 + random.nextInt(14)));
    }

    private static OccupationalHealth occupationalHealth(WorkerProfile worker, Random random) {
        LocalDate assessed = daysBefore(60 + random.nextInt(700));
        boolean surgical = worker.specialties().stream().anyMatch(s -> s.value().startsWith("1"));
        List<OccupationalHealth.Immunisation> immunisations = List.of(
                new OccupationalHealth.Immunisation(new AntigenCode("HEPATITIS_B"), OccupationalHealth.Immunisation.Evidence.SEROLOGY,
                        OccupationalHealth.Immunisation.Status.PROTECTED, assessed, Optional.empty()),
                new OccupationalHealth.Immunisation(new AntigenCode("MEASLES"),
                        OccupationalHealth.Immunisation.Evidence.VACCINATION_COURSE,
                        OccupationalHealth.Immunisation.Status.PROTECTED, assessed, Optional.empty()));
        return new OccupationalHealth(OccupationalHealth.Fitness.FIT,
                surgical ? OccupationalHealth.EppClearance.CLEARED : OccupationalHealth.EppClearance.NOT_ASSESSED,
                immunisations, assessed);
    }

    private static MandatoryTraining training(WorkerProfile worker, Random random) {
        int lapsing = random.nextInt(TRAINING.size());
        List<MandatoryTraining.TrainingRecord> records = new ArrayList<>();
        for (int i = 0; i < TRAINING.size(); i++) {
            Subject subject = TRAINING.get(i);
            int refresher = subject.refresherMonths();
            LocalDate expires;
            if (i == lapsing && worker.problem() == Problem.TRAINING_LAPSES_IN_MONTH) {
                expires = inMonth(random);
            } else if (i == lapsing && worker.problem() == Problem.TRAINING_LAPSED) {
                expires = ISSUE_DAY.plusDays(1 + random.nextInt(20));
            } else {
                // Completed recently enough to stay in date until well after the month.
                expires = RegionCalendar.MONTH_END.plusDays(30 + random.nextInt(refresher * 30 - 60));
            }
            LocalDate completed = expires.minusMonths(refresher);
            if (completed.isAfter(ISSUE_DAY.minusDays(1))) {
                completed = ISSUE_DAY.minusDays(1 + random.nextInt(10));
            }
            records.add(new MandatoryTraining.TrainingRecord(new TrainingSubjectCode(subject.code()), subject.level(),
                    completed, expires));
        }
        return new MandatoryTraining(records);
    }

    private static Grade grade(WorkerProfile worker, Random random) {
        return new Grade(worker.staffGroup(), worker.grade(), daysBefore(30 + random.nextInt(400)),
                worker.isDoctor() && worker.grade().value().startsWith("FY")
                        ? Optional.of(LocalDate.of(2027, 8, 3)) : Optional.empty());
    }

    private static Specialty specialty(WorkerProfile worker, Random random) {
        String support = worker.isDoctor() ? "ALS" : "ILS";
        int validityMonths = worker.isDoctor() ? 48 : 12;
        LocalDate expires = worker.problem() == Problem.LIFE_SUPPORT_LAPSES_IN_MONTH ? inMonth(random)
                : RegionCalendar.MONTH_END.plusDays(20 + random.nextInt(validityMonths * 30 - 60));
        LocalDate issued = expires.minusMonths(validityMonths);
        if (issued.isAfter(ISSUE_DAY.minusDays(1))) {
            issued = ISSUE_DAY.minusDays(5);
        }
        return new Specialty(worker.specialties(),
                List.of(new Specialty.LifeSupportCertificate(new LifeSupportCode(support), issued, expires)), List.of());
    }

    private static Employment employment(WorkerProfile worker, Random random) {
        LocalDate started = daysBefore(100 + random.nextInt(2000));
        if (worker.employmentType() == Employment.Type.LEAD_EMPLOYER_TRAINEE) {
            LocalDate rotationStart = LocalDate.of(2026, 8, 5);
            if (started.isAfter(rotationStart)) {
                started = rotationStart;
            }
            return new Employment(RegionOrganisations.LEAD_EMPLOYER_ODS, worker.employmentType(), started,
                    Optional.of(LocalDate.of(2029, 8, 1)), List.of(new Employment.Placement(worker.homeTrust(),
                            Optional.of(worker.specialties().get(0)), rotationStart, LocalDate.of(2027, 8, 3))));
        }
        return new Employment(worker.homeTrust(), worker.employmentType(), started, Optional.empty(), List.of());
    }

    private static LocalDate inMonth(Random random) {
        return RegionCalendar.MONTH_START.plusDays(3 + random.nextInt(24));
    }

    private static LocalDate daysBefore(int days) {
        return ISSUE_DAY.minusDays(days);
    }
}
