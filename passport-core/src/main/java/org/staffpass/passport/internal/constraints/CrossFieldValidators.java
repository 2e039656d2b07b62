package org.staffpass.passport.internal.constraints;

import static org.staffpass.passport.credential.CredentialProblem.DATE_ORDER;
import static org.staffpass.passport.credential.CredentialProblem.DUPLICATE_ENTRY;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.staffpass.passport.credential.CredentialProblem;
import org.staffpass.passport.credential.CredentialRules;
import org.staffpass.passport.credential.DbsCheck;
import org.staffpass.passport.credential.Employment;
import org.staffpass.passport.credential.Grade;
import org.staffpass.passport.credential.IdentityVerification;
import org.staffpass.passport.credential.MandatoryTraining;
import org.staffpass.passport.credential.OccupationalHealth;
import org.staffpass.passport.credential.ProfessionalRegistration;
import org.staffpass.passport.credential.RightToWork;
import org.staffpass.passport.credential.Specialty;
import org.staffpass.passport.vocab.GradeDefinition;
import org.staffpass.passport.vocab.RegisterDefinition;
import org.staffpass.passport.vocab.TrainingSubjectDefinition;
import org.staffpass.passport.vocab.Vocabularies;

/**
 * The {@link CredentialRules} of each record type: rules that relate two or more fields, or
 * a field and the vocabularies. Each rule adds its own violation (so every broken rule is
 * reported, not only the first) at the property it blames. Property names are record
 * component names; the credential validator turns them into claim names.
 *
 * <p>Instances are built by {@link StaffpassConstraintFactory} and are stateless after that.
 */
public final class CrossFieldValidators {
    private CrossFieldValidators() {
    }

    /** Base: each call gets its own {@link Report}, so instances hold no per-call state. */
    private abstract static class Rules<T> implements ConstraintValidator<CredentialRules, T> {
        abstract void check(T value, Report report);

        @Override
        public final boolean isValid(T value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            Report report = new Report(context);
            check(value, report);
            return report.valid;
        }
    }

    /** The violations of one validation call. */
    private static final class Report {
        private final ConstraintValidatorContext context;
        private boolean valid = true;

        Report(ConstraintValidatorContext context) {
            this.context = context;
        }

        void fail(CredentialProblem problem, String property) {
            valid = false;
            Violations.at(context, problem, property);
        }

        void failElement(CredentialProblem problem, String list, int index, String property) {
            valid = false;
            Violations.atElement(context, problem, list, index, property);
        }

        void failElement(CredentialProblem problem, String list, int index) {
            valid = false;
            Violations.atElement(context, problem, list, index);
        }

        /** {@code later} must not be before {@code earlier}. */
        void notBefore(LocalDate earlier, Optional<LocalDate> later, String property) {
            if (later.isPresent() && later.get().isBefore(earlier)) {
                fail(DATE_ORDER, property);
            }
        }

        /** {@code later} must be strictly after {@code earlier}. */
        void after(LocalDate earlier, Optional<LocalDate> later, String property) {
            if (later.isPresent() && !later.get().isAfter(earlier)) {
                fail(DATE_ORDER, property);
            }
        }

        /** Reports every element whose key repeats an earlier element's key. */
        <E> void unique(List<E> list, Function<E, Object> key, String listName, Optional<String> property) {
            Set<Object> seen = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                if (!seen.add(key.apply(list.get(i)))) {
                    if (property.isEmpty()) {
                        failElement(DUPLICATE_ENTRY, listName, i);
                    } else {
                        failElement(DUPLICATE_ENTRY, listName, i, property.get());
                    }
                }
            }
        }
    }

    /** Date of birth before the check. */
    public static final class IdentityRules extends Rules<IdentityVerification> {
        @Override
        void check(IdentityVerification identity, Report report) {
            if (identity.birthdate().isPresent() && !identity.birthdate().get().isBefore(identity.checkedOn())) {
                report.fail(DATE_ORDER, "birthdate");
            }
        }
    }

    /** Time-limited has an end date, unlimited has none; the end is not before the check. */
    public static final class RightToWorkRules extends Rules<RightToWork> {
        @Override
        void check(RightToWork rtw, Report report) {
            if (rtw.permission() == RightToWork.Permission.TIME_LIMITED && rtw.expiresOn().isEmpty()) {
                report.fail(CredentialProblem.RIGHT_TO_WORK_END_DATE_REQUIRED, "expiresOn");
            }
            if (rtw.permission() == RightToWork.Permission.UNLIMITED && rtw.expiresOn().isPresent()) {
                report.fail(CredentialProblem.RIGHT_TO_WORK_END_DATE_NOT_ALLOWED, "expiresOn");
            }
            report.notBefore(rtw.checkedOn(), rtw.expiresOn(), "expiresOn");
        }
    }

    /** Number format, provisional registration and licence, as the registers vocabulary says. */
    public static final class RegistrationRules extends Rules<ProfessionalRegistration> {
        private final Vocabularies vocabularies;

        public RegistrationRules(Vocabularies vocabularies) {
            this.vocabularies = Objects.requireNonNull(vocabularies, "vocabularies");
        }

        @Override
        void check(ProfessionalRegistration registration, Report report) {
            RegisterDefinition register = vocabularies.register(registration.register());
            if (registration.registrationNumber().isPresent()
                    && !vocabularies.isRegistrationNumber(registration.register(), registration.registrationNumber().get())) {
                report.fail(CredentialProblem.REGISTRATION_NUMBER_FORMAT, "registrationNumber");
            }
            if (registration.registrationType() == ProfessionalRegistration.RegistrationType.PROVISIONAL
                    && !register.provisionalRegistration()) {
                report.fail(CredentialProblem.PROVISIONAL_NOT_ON_REGISTER, "registrationType");
            }
            if (register.separateLicence() && registration.licenceToPractise().isEmpty()) {
                report.fail(CredentialProblem.LICENCE_REQUIRED, "licenceToPractise");
            }
            if (!register.separateLicence() && registration.licenceToPractise().isPresent()) {
                report.fail(CredentialProblem.LICENCE_NOT_APPLICABLE, "licenceToPractise");
            }
        }
    }

    /** An annotation does not end before it takes effect. */
    public static final class AnnotationRules extends Rules<ProfessionalRegistration.RegistrationAnnotation> {
        @Override
        void check(ProfessionalRegistration.RegistrationAnnotation annotation, Report report) {
            report.notBefore(annotation.effectiveFrom(), annotation.effectiveUntil(), "effectiveUntil");
        }
    }

    /** Barred lists, Update Service and date order. */
    public static final class DbsRules extends Rules<DbsCheck> {
        @Override
        void check(DbsCheck dbs, Report report) {
            boolean barredLevel = dbs.level() == DbsCheck.Level.ENHANCED_WITH_BARRED_LISTS;
            if (barredLevel && dbs.barredLists().isEmpty()) {
                report.fail(CredentialProblem.DBS_BARRED_LISTS_REQUIRED, "barredLists");
            }
            if (!barredLevel && !dbs.barredLists().isEmpty()) {
                report.fail(CredentialProblem.DBS_BARRED_LISTS_NOT_ALLOWED, "barredLists");
            }
            boolean children = dbs.workforce() == DbsCheck.Workforce.CHILD
                    || dbs.workforce() == DbsCheck.Workforce.CHILD_AND_ADULT;
            boolean adults = dbs.workforce() == DbsCheck.Workforce.ADULT
                    || dbs.workforce() == DbsCheck.Workforce.CHILD_AND_ADULT;
            if ((dbs.barredLists().contains(DbsCheck.BarredList.CHILDREN) && !children)
                    || (dbs.barredLists().contains(DbsCheck.BarredList.ADULTS) && !adults)) {
                report.fail(CredentialProblem.DBS_BARRED_LIST_WORKFORCE, "barredLists");
            }
            if (dbs.updateService() && dbs.level() == DbsCheck.Level.BASIC) {
                report.fail(CredentialProblem.DBS_UPDATE_SERVICE_NOT_AVAILABLE, "updateService");
            }
            if (dbs.lastStatusCheck().isPresent() && !dbs.updateService()) {
                report.fail(CredentialProblem.DBS_STATUS_CHECK_WITHOUT_SUBSCRIPTION, "lastStatusCheck");
            }
            if (dbs.lastStatusCheck().isPresent() && dbs.lastStatusCheck().get().checkedOn().isBefore(dbs.issuedOn())) {
                report.fail(DATE_ORDER, "lastStatusCheck");
            }
            report.notBefore(dbs.issuedOn(), Optional.of(dbs.clearedOn()), "clearedOn");
        }
    }

    /** One immunisation entry per antigen. */
    public static final class OccupationalHealthRules extends Rules<OccupationalHealth> {
        @Override
        void check(OccupationalHealth health, Report report) {
            report.unique(health.immunisations(), OccupationalHealth.Immunisation::antigen, "immunisations", Optional.of("antigen"));
        }
    }

    /** A review falls after the record. */
    public static final class ImmunisationRules extends Rules<OccupationalHealth.Immunisation> {
        @Override
        void check(OccupationalHealth.Immunisation immunisation, Report report) {
            report.after(immunisation.recordedOn(), immunisation.reviewDue(), "reviewDue");
        }
    }

    /** One entry per subject and level. */
    public static final class TrainingRules extends Rules<MandatoryTraining> {
        @Override
        void check(MandatoryTraining training, Report report) {
            report.unique(training.subjects(), record -> List.of(record.subject(), record.level()), "subjects", Optional.of("level"));
        }
    }

    /** The level exists for the subject; expiry after completion. */
    public static final class TrainingRecordRules extends Rules<MandatoryTraining.TrainingRecord> {
        private final Vocabularies vocabularies;

        public TrainingRecordRules(Vocabularies vocabularies) {
            this.vocabularies = Objects.requireNonNull(vocabularies, "vocabularies");
        }

        @Override
        void check(MandatoryTraining.TrainingRecord record, Report report) {
            Optional<TrainingSubjectDefinition> subject = vocabularies.trainingSubject(record.subject());
            if (subject.isPresent() && subject.get().level(record.level()).isEmpty()) {
                report.fail(CredentialProblem.UNKNOWN_TRAINING_LEVEL, "level");
            }
            report.after(record.completedOn(), Optional.of(record.expiresOn()), "expiresOn");
        }
    }

    /** The grade belongs to the staff group's pay scheme; the period is in order. */
    public static final class GradeRules extends Rules<Grade> {
        private final Vocabularies vocabularies;

        public GradeRules(Vocabularies vocabularies) {
            this.vocabularies = Objects.requireNonNull(vocabularies, "vocabularies");
        }

        @Override
        void check(Grade grade, Report report) {
            Optional<GradeDefinition> definition = vocabularies.grade(grade.grade());
            if (definition.isPresent() && definition.get().scheme() != grade.staffGroup().payScheme()) {
                report.fail(CredentialProblem.GRADE_NOT_IN_STAFF_GROUP, "grade");
            }
            report.notBefore(grade.validFrom(), grade.validTo(), "validTo");
        }
    }

    /** No repeated specialty, certificate type or competency code. */
    public static final class SpecialtyRules extends Rules<Specialty> {
        @Override
        void check(Specialty specialty, Report report) {
            report.unique(specialty.specialties(), code -> code, "specialties", Optional.empty());
            report.unique(specialty.lifeSupport(), Specialty.LifeSupportCertificate::type, "lifeSupport", Optional.of("type"));
            report.unique(specialty.competencies(), Specialty.Competency::code, "competencies", Optional.of("code"));
        }
    }

    /** Expiry after the course. */
    public static final class LifeSupportRules extends Rules<Specialty.LifeSupportCertificate> {
        @Override
        void check(Specialty.LifeSupportCertificate certificate, Report report) {
            report.after(certificate.issuedOn(), Optional.of(certificate.expiresOn()), "expiresOn");
        }
    }

    /** Expiry after attainment. */
    public static final class CompetencyRules extends Rules<Specialty.Competency> {
        @Override
        void check(Specialty.Competency competency, Report report) {
            report.after(competency.attainedOn(), competency.expiresOn(), "expiresOn");
        }
    }

    /** End not before start; placements only for lead-employer trainees, within the employment. */
    public static final class EmploymentRules extends Rules<Employment> {
        @Override
        void check(Employment employment, Report report) {
            report.notBefore(employment.startedOn(), employment.endsOn(), "endsOn");
            if (!employment.placements().isEmpty() && employment.employmentType() != Employment.Type.LEAD_EMPLOYER_TRAINEE) {
                report.fail(CredentialProblem.PLACEMENTS_NOT_ALLOWED, "placements");
            }
            for (int i = 0; i < employment.placements().size(); i++) {
                Employment.Placement placement = employment.placements().get(i);
                boolean early = placement.from().isBefore(employment.startedOn());
                boolean late = employment.endsOn().isPresent() && placement.to().isAfter(employment.endsOn().get());
                if (early || late) {
                    report.failElement(CredentialProblem.PLACEMENT_OUTSIDE_EMPLOYMENT, "placements", i);
                }
            }
        }
    }

    /** A placement does not end before it starts. */
    public static final class PlacementRules extends Rules<Employment.Placement> {
        @Override
        void check(Employment.Placement placement, Report report) {
            report.notBefore(placement.from(), Optional.of(placement.to()), "to");
        }
    }
}
