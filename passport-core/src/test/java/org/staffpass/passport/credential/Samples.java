package org.staffpass.passport.credential;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.staffpass.passport.vocab.AntigenCode;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.LifeSupportCode;
import org.staffpass.passport.vocab.Register;
import org.staffpass.passport.vocab.SpecialtyCode;
import org.staffpass.passport.vocab.TrainingSubjectCode;
import org.staffpass.passport.vocab.Vocabularies;

/** One valid, complete credential of each type, and the fixed clock they are valid at. */
final class Samples {
    /** 2025-06-01 12:00 UTC: "today" for every sample. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    private static CredentialValidator validator;

    private Samples() {
    }

    /** One shared validator (bootstrapping Hibernate Validator per test would be slow). */
    static synchronized CredentialValidator validator() {
        if (validator == null) {
            validator = CredentialValidator.create(Vocabularies.standard(), CLOCK);
        }
        return validator;
    }

    static IdentityVerification identity() {
        return new IdentityVerification(Optional.of("Amara"), Optional.of("Okafor"), Optional.of(LocalDate.of(1994, 3, 17)),
                IdentityVerification.Level.MEDIUM, IdentityVerification.Method.IN_PERSON_ORIGINAL_DOCUMENTS,
                LocalDate.of(2024, 8, 1));
    }

    static RightToWork rightToWork() {
        return new RightToWork(RightToWork.Permission.TIME_LIMITED, Optional.of(LocalDate.of(2027, 9, 30)),
                RightToWork.CheckMethod.HOME_OFFICE_ONLINE_CHECK, LocalDate.of(2024, 7, 20));
    }

    static ProfessionalRegistration registration() {
        return new ProfessionalRegistration(Register.GMC, Optional.of("7123456"),
                ProfessionalRegistration.RegistrationType.FULL, ProfessionalRegistration.Status.REGISTERED,
                Optional.of(true),
                List.of(new ProfessionalRegistration.RegistrationAnnotation(
                        ProfessionalRegistration.RegistrationAnnotation.Kind.UNDERTAKINGS, LocalDate.of(2024, 1, 10),
                        Optional.of(LocalDate.of(2026, 1, 9)))),
                LocalDate.of(2028, 4, 30), LocalDate.of(2025, 5, 30));
    }

    static DbsCheck dbs() {
        return new DbsCheck(DbsCheck.Level.ENHANCED_WITH_BARRED_LISTS, DbsCheck.Workforce.CHILD_AND_ADULT,
                Set.of(DbsCheck.BarredList.CHILDREN, DbsCheck.BarredList.ADULTS), Optional.of("001234567890"),
                LocalDate.of(2023, 11, 2), true,
                Optional.of(new DbsCheck.StatusCheck(LocalDate.of(2025, 5, 1), DbsCheck.StatusCheck.Result.CURRENT)),
                DbsCheck.Clearance.CLEARED, LocalDate.of(2023, 11, 20));
    }

    static OccupationalHealth occupationalHealth() {
        return new OccupationalHealth(OccupationalHealth.Fitness.FIT, OccupationalHealth.EppClearance.CLEARED,
                List.of(new OccupationalHealth.Immunisation(new AntigenCode("HEPATITIS_B"),
                                OccupationalHealth.Immunisation.Evidence.SEROLOGY,
                                OccupationalHealth.Immunisation.Status.PROTECTED, LocalDate.of(2023, 10, 5),
                                Optional.empty()),
                        new OccupationalHealth.Immunisation(new AntigenCode("MEASLES"),
                                OccupationalHealth.Immunisation.Evidence.VACCINATION_COURSE,
                                OccupationalHealth.Immunisation.Status.PROTECTED, LocalDate.of(2023, 10, 5),
                                Optional.of(LocalDate.of(2028, 10, 5)))),
                LocalDate.of(2023, 10, 5));
    }

    static MandatoryTraining training() {
        return new MandatoryTraining(List.of(
                new MandatoryTraining.TrainingRecord(new TrainingSubjectCode("FIRE_SAFETY"), 1, LocalDate.of(2024, 9, 1),
                        LocalDate.of(2026, 9, 1)),
                new MandatoryTraining.TrainingRecord(new TrainingSubjectCode("SAFEGUARDING_CHILDREN"), 3,
                        LocalDate.of(2023, 2, 14), LocalDate.of(2026, 2, 14)),
                new MandatoryTraining.TrainingRecord(new TrainingSubjectCode("OLIVER_MCGOWAN"), 2,
                        LocalDate.of(2024, 5, 1), LocalDate.of(2027, 5, 1))));
    }

    static Grade grade() {
        return new Grade(Grade.StaffGroup.MEDICAL_AND_DENTAL, new GradeCode("ST4"), LocalDate.of(2024, 8, 7),
                Optional.of(LocalDate.of(2025, 8, 5)));
    }

    static Specialty specialty() {
        return new Specialty(List.of(new SpecialtyCode("180"), new SpecialtyCode("192")),
                List.of(new Specialty.LifeSupportCertificate(new LifeSupportCode("ALS"), LocalDate.of(2022, 3, 3),
                        LocalDate.of(2026, 3, 3))),
                List.of(new Specialty.Competency("CHEST_DRAIN", "Seldinger chest drain insertion", LocalDate.of(2024, 2, 2),
                        Optional.empty())));
    }

    static Employment employment() {
        return new Employment("RTD", Employment.Type.LEAD_EMPLOYER_TRAINEE, LocalDate.of(2021, 8, 4), Optional.empty(),
                List.of(new Employment.Placement("RXP", Optional.of(new SpecialtyCode("180")), LocalDate.of(2024, 8, 7),
                                LocalDate.of(2025, 2, 4)),
                        new Employment.Placement("R0B", Optional.empty(), LocalDate.of(2025, 2, 5),
                                LocalDate.of(2025, 8, 5))));
    }

    /** One of each type. */
    static List<Credential> all() {
        return List.of(identity(), rightToWork(), registration(), dbs(), occupationalHealth(), training(), grade(),
                specialty(), employment());
    }
}
