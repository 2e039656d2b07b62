package org.staffpass.passport.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.staffpass.passport.vocab.AntigenCode;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.LifeSupportCode;
import org.staffpass.passport.vocab.Register;
import org.staffpass.passport.vocab.SpecialtyCode;
import org.staffpass.passport.vocab.TrainingSubjectCode;

/**
 * The claims codec of every credential type. Claim names are the record components' names
 * in snake_case (a test holds them to that), so a validation path maps onto a claim path.
 */
public final class Codecs {
    /** The top-level member every claims object has besides the type's own. */
    public static final String VCT = "vct";
    private static final Set<String> TOP_EXTRA = Set.of(VCT);
    private static final Set<String> NONE = Set.of();

    private static final Map<CredentialType, CredentialCodec<?>> BY_TYPE;

    static {
        Map<CredentialType, CredentialCodec<?>> map = new EnumMap<>(CredentialType.class);
        for (CredentialCodec<?> codec : List.of(new IdentityCodec(), new RightToWorkCodec(), new RegistrationCodec(),
                new DbsCodec(), new OccupationalHealthCodec(), new TrainingCodec(), new GradeCodec(),
                new SpecialtyCodec(), new EmploymentCodec())) {
            map.put(codec.type(), codec);
        }
        BY_TYPE = java.util.Collections.unmodifiableMap(map);
    }

    private Codecs() {
    }

    /** The codec of {@code type}. */
    public static CredentialCodec<?> of(CredentialType type) {
        return BY_TYPE.get(type);
    }

    /** The codec of {@code credential}'s type, typed to it. */
    @SuppressWarnings("unchecked")
    public static <T extends Credential> CredentialCodec<T> of(T credential) {
        return (CredentialCodec<T>) BY_TYPE.get(credential.credentialType());
    }

    // ---------------------------------------------------------------- identity verification

    static final class IdentityCodec implements CredentialCodec<IdentityVerification> {
        static final ClaimShape SHAPE = ClaimShape.of("identity-verification",
                "?given_name", "?family_name", "?birthdate", "level", "method", "checked_on");

        @Override
        public CredentialType type() {
            return CredentialType.IDENTITY_VERIFICATION;
        }

        @Override
        public Class<IdentityVerification> recordType() {
            return IdentityVerification.class;
        }

        @Override
        public ClaimShape shape() {
            return SHAPE;
        }

        @Override
        public List<ClaimShape> nestedShapes() {
            return List.of();
        }

        @Override
        public void write(IdentityVerification c, ClaimsWriter out) {
            out.text("given_name", c.givenName()).text("family_name", c.familyName()).date("birthdate", c.birthdate())
                    .enumValue("level", c.level()).enumValue("method", c.method()).date("checked_on", c.checkedOn());
        }

        @Override
        public Optional<IdentityVerification> read(ClaimsReader r, ObjectNode c) {
            r.shape(c, "", SHAPE, TOP_EXTRA);
            Optional<String> given = r.text(c, "", "given_name");
            Optional<String> family = r.text(c, "", "family_name");
            Optional<LocalDate> birthdate = r.date(c, "", "birthdate");
            Optional<IdentityVerification.Level> level = r.enumValue(c, "", "level", IdentityVerification.Level.class);
            Optional<IdentityVerification.Method> method = r.enumValue(c, "", "method", IdentityVerification.Method.class);
            Optional<LocalDate> checked = r.date(c, "", "checked_on");
            if (!r.ok()) {
                return Optional.empty();
            }
            return Optional.of(new IdentityVerification(given, family, birthdate, level.get(), method.get(), checked.get()));
        }
    }

    // ---------------------------------------------------------------- right to work

    static final class RightToWorkCodec implements CredentialCodec<RightToWork> {
        static final ClaimShape SHAPE = ClaimShape.of("right-to-work",
                "permission", "?expires_on", "check_method", "checked_on");

        @Override
        public CredentialType type() {
            return CredentialType.RIGHT_TO_WORK;
        }

        @Override
        public Class<RightToWork> recordType() {
            return RightToWork.class;
        }

        @Override
        public ClaimShape shape() {
            return SHAPE;
        }

        @Override
        public List<ClaimShape> nestedShapes() {
            return List.of();
        }

        @Override
        public void write(RightToWork c, ClaimsWriter out) {
            out.enumValue("permission", c.permission()).date("expires_on", c.expiresOn())
                    .enumValue("check_method", c.checkMethod()).date("checked_on", c.checkedOn());
        }

        @Override
        public Optional<RightToWork> read(ClaimsReader r, ObjectNode c) {
            r.shape(c, "", SHAPE, TOP_EXTRA);
            Optional<RightToWork.Permission> permission = r.enumValue(c, "", "permission", RightToWork.Permission.class);
            Optional<LocalDate> expires = r.date(c, "", "expires_on");
            Optional<RightToWork.CheckMethod> method = r.enumValue(c, "", "check_method", RightToWork.CheckMethod.class);
            Optional<LocalDate> checked = r.date(c, "", "checked_on");
            if (!r.ok()) {
                return Optional.empty();
            }
            return Optional.of(new RightToWork(permission.get(), expires, method.get(), checked.get()));
        }
    }

    // ---------------------------------------------------------------- professional registration

    static final class RegistrationCodec implements CredentialCodec<ProfessionalRegistration> {
        static final ClaimShape SHAPE = ClaimShape.of("professional-registration",
                "register", "?registration_number", "registration_type", "registration_status", "?licence_to_practise",
                "annotations", "renewal_due", "checked_on");
        static final ClaimShape ANNOTATION = ClaimShape.of("annotation", "type", "effective_from", "?effective_until");

        @Override
        public CredentialType type() {
            return CredentialType.PROFESSIONAL_REGISTRATION;
        }

        @Override
        public Class<ProfessionalRegistration> recordType() {
            return ProfessionalRegistration.class;
        }

        @Override
        public ClaimShape shape() {
            return SHAPE;
        }

        @Override
        public List<ClaimShape> nestedShapes() {
            return List.of(ANNOTATION);
        }

        @Override
        public void write(ProfessionalRegistration c, ClaimsWriter out) {
            out.enumValue("register", c.register()).text("registration_number", c.registrationNumber())
                    .enumValue("registration_type", c.registrationType()).enumValue("registration_status", c.registrationStatus())
                    .bool("licence_to_practise", c.licenceToPractise())
                    .objects("annotations", c.annotations(), (a, o) -> o.enumValue("type", a.type())
                            .date("effective_from", a.effectiveFrom()).date("effective_until", a.effectiveUntil()))
                    .date("renewal_due", c.renewalDue()).date("checked_on", c.checkedOn());
        }

        @Override
        public Optional<ProfessionalRegistration> read(ClaimsReader r, ObjectNode c) {
            r.shape(c, "", SHAPE, TOP_EXTRA);
            Optional<Register> register = r.enumValue(c, "", "register", Register.class);
            Optional<String> number = r.text(c, "", "registration_number");
            Optional<ProfessionalRegistration.RegistrationType> type =
                    r.enumValue(c, "", "registration_type", ProfessionalRegistration.RegistrationType.class);
            Optional<ProfessionalRegistration.Status> status =
                    r.enumValue(c, "", "registration_status", ProfessionalRegistration.Status.class);
            Optional<Boolean> licence = r.bool(c, "", "licence_to_practise");
            Optional<List<ProfessionalRegistration.RegistrationAnnotation>> annotations =
                    r.objects(c, "", "annotations", (a, path) -> {
                        r.shape(a, path, ANNOTATION, NONE);
                        Optional<ProfessionalRegistration.RegistrationAnnotation.Kind> kind =
                                r.enumValue(a, path, "type", ProfessionalRegistration.RegistrationAnnotation.Kind.class);
                        Optional<LocalDate> from = r.date(a, path, "effective_from");
                        Optional<LocalDate> until = r.date(a, path, "effective_until");
                        if (!r.ok()) {
                            return Optional.empty();
                        }
                        return Optional.of(new ProfessionalRegistration.RegistrationAnnotation(kind.get(), from.get(), until));
                    });
            Optional<LocalDate> renewal = r.date(c, "", "renewal_due");
            Optional<LocalDate> checked = r.date(c, "", "checked_on");
            if (!r.ok()) {
                return Optional.empty();
            }
            return Optional.of(new ProfessionalRegistration(register.get(), number, type.get(), status.get(), licence,
                    annotations.get(), renewal.get(), checked.get()));
        }
    }

    // ---------------------------------------------------------------- DBS

    static final class DbsCodec implements CredentialCodec<DbsCheck> {
        static final ClaimShape SHAPE = ClaimShape.of("dbs-check",
                "level", "workforce", "barred_lists", "?certificate_number", "issued_on", "update_service",
                "?last_status_check", "clearance", "cleared_on");
        static final ClaimShape STATUS_CHECK = ClaimShape.of("statusCheck", "checked_on", "result");

        @Override
        public CredentialType type() {
            return CredentialType.DBS_CHECK;
        }

        @Override
        public Class<DbsCheck> recordType() {
            return DbsCheck.class;
        }

        @Override
        public ClaimShape shape() {
            return SHAPE;
        }

        @Override
        public List<ClaimShape> nestedShapes() {
            return List.of(STATUS_CHECK);
        }

        @Override
        public void write(DbsCheck c, ClaimsWriter out) {
            out.enumValue("level", c.level()).enumValue("workforce", c.workforce())
                    .strings("barred_lists", c.barredLists()).text("certificate_number", c.certificateNumber())
                    .date("issued_on", c.issuedOn()).bool("update_service", c.updateService())
                    .object("last_status_check", c.lastStatusCheck(),
                            (s, o) -> o.date("checked_on", s.checkedOn()).enumValue("result", s.result()))
                    .enumValue("clearance", c.clearance()).date("cleared_on", c.clearedOn());
        }

        @Override
        public Optional<DbsCheck> read(ClaimsReader r, ObjectNode c) {
            r.shape(c, "", SHAPE, TOP_EXTRA);
            Optional<DbsCheck.Level> level = r.enumValue(c, "", "level", DbsCheck.Level.class);
            Optional<DbsCheck.Workforce> workforce = r.enumValue(c, "", "workforce", DbsCheck.Workforce.class);
            Optional<List<DbsCheck.BarredList>> lists = r.enumSet(c, "", "barred_lists", DbsCheck.BarredList.class);
            Optional<String> number = r.text(c, "", "certificate_number");
            Optional<LocalDate> issued = r.date(c, "", "issued_on");
            Optional<Boolean> updateService = r.bool(c, "", "update_service");
            Optional<DbsCheck.StatusCheck> statusCheck = r.nested(c, "", "last_status_check", (s, path) -> {
                r.shape(s, path, STATUS_CHECK, NONE);
                Optional<LocalDate> checked = r.date(s, path, "checked_on");
                Optional<DbsCheck.StatusCheck.Result> result = r.enumValue(s, path, "result", DbsCheck.StatusCheck.Result.class);
                if (!r.ok()) {
                    return Optional.empty();
                }
                return Optional.of(new DbsCheck.StatusCheck(checked.get(), result.get()));
            });
            Optional<DbsCheck.Clearance> clearance = r.enumValue(c, "", "clearance", DbsCheck.Clearance.class);
            Optional<LocalDate> cleared = r.date(c, "", "cleared_on");
            if (!r.ok()) {
                return Optional.empty();
            }
            return Optional.of(new DbsCheck(level.get(), workforce.get(), Set.copyOf(lists.get()), number, issued.get(),
                    updateService.get(), statusCheck, clearance.get(), cleared.get()));
        }
    }

    // ---------------------------------------------------------------- occupational health

    static final class OccupationalHealthCodec implements CredentialCodec<OccupationalHealth> {
        static final ClaimShape SHAPE = ClaimShape.of("occupational-health",
                "fitness", "epp_clearance", "immunisations", "assessed_on");
        static final ClaimShape IMMUNISATION = ClaimShape.of("immunisation",
                "antigen", "evidence", "status", "recorded_on", "?review_due");

        @Override
        public CredentialType type() {
            return CredentialType.OCCUPATIONAL_HEALTH;
        }

        @Override
        public Class<OccupationalHealth> recordType() {
            return OccupationalHealth.class;
        }

        @Override
        public ClaimShape shape() {
            return SHAPE;
        }

        @Override
        public List<ClaimShape> nestedShapes() {
            return List.of(IMMUNISATION);
        }

        @Override
        public void write(OccupationalHealth c, ClaimsWriter out) {
            out.enumValue("fitness", c.fitness()).enumValue("epp_clearance", c.eppClearance())
                    .objects("immunisations", c.immunisations(), (i, o) -> o.code("antigen", i.antigen())
                            .enumValue("evidence", i.evidence()).enumValue("status", i.status())
                            .date("recorded_on", i.recordedOn()).date("review_due", i.reviewDue()))
                    .date("assessed_on", c.assessedOn());
        }

        @Override
        public Optional<OccupationalHealth> read(ClaimsReader r, ObjectNode c) {
            r.shape(c, "", SHAPE, TOP_EXTRA);
            Optional<OccupationalHealth.Fitness> fitness = r.enumValue(c, "", "fitness", OccupationalHealth.Fitness.class);
            Optional<OccupationalHealth.EppClearance> epp =
                    r.enumValue(c, "", "epp_clearance", OccupationalHealth.EppClearance.class);
            Optional<List<OccupationalHealth.Immunisation>> immunisations = r.objects(c, "", "immunisations", (i, path) -> {
                r.shape(i, path, IMMUNISATION, NONE);
                Optional<AntigenCode> antigen = r.code(i, path, "antigen", AntigenCode::new);
                Optional<OccupationalHealth.Immunisation.Evidence> evidence =
                        r.enumValue(i, path, "evidence", OccupationalHealth.Immunisation.Evidence.class);
                Optional<OccupationalHealth.Immunisation.Status> status =
                        r.enumValue(i, path, "status", OccupationalHealth.Immunisation.Status.class);
                Optional<LocalDate> recorded = r.date(i, path, "recorded_on");
                Optional<LocalDate> review = r.date(i, path, "review_due");
                if (!r.ok()) {
                    return Optional.empty();
                }
                return Optional.of(new OccupationalHealth.Immunisation(antigen.get(), evidence.get(), status.get(),
                        recorded.get(), review));
            });
            Optional<LocalDate> assessed = r.date(c, "", "assessed_on");
            if (!r.ok()) {
                return Optional.empty();
            }
            return Optional.of(new OccupationalHealth(fitness.get(), epp.get(), immunisations.get(), assessed.get()));
        }
    }

    // ---------------------------------------------------------------- mandatory training

    static final class TrainingCodec implements CredentialCodec<MandatoryTraining> {
        static final ClaimShape SHAPE = ClaimShape.of("mandatory-training", "subjects");
        static final ClaimShape RECORD = ClaimShape.of("trainingRecord", "subject", "level", "completed_on", "expires_on");

        @Override
        public CredentialType type() {
            return CredentialType.MANDATORY_TRAINING;
        }

        @Override
        public Class<MandatoryTraining> recordType() {
            return MandatoryTraining.class;
        }

        @Override
        public ClaimShape shape() {
            return SHAPE;
        }

        @Override
        public List<ClaimShape> nestedShapes() {
            return List.of(RECORD);
        }

        @Override
        public void write(MandatoryTraining c, ClaimsWriter out) {
            out.objects("subjects", c.subjects(), (t, o) -> o.code("subject", t.subject()).integer("level", t.level())
                    .date("completed_on", t.completedOn()).date("expires_on", t.expiresOn()));
        }

        @Override
        public Optional<MandatoryTraining> read(ClaimsReader r, ObjectNode c) {
            r.shape(c, "", SHAPE, TOP_EXTRA);
            Optional<List<MandatoryTraining.TrainingRecord>> subjects = r.objects(c, "", "subjects", (t, path) -> {
                r.shape(t, path, RECORD, NONE);
                Optional<TrainingSubjectCode> subject = r.code(t, path, "subject", TrainingSubjectCode::new);
                Optional<Integer> level = r.integer(t, path, "level");
                Optional<LocalDate> completed = r.date(t, path, "completed_on");
                Optional<LocalDate> expires = r.date(t, path, "expires_on");
                if (!r.ok()) {
                    return Optional.empty();
                }
                return Optional.of(new MandatoryTraining.TrainingRecord(subject.get(), level.get(), completed.get(),
                        expires.get()));
            });
            if (!r.ok()) {
                return Optional.empty();
            }
            return Optional.of(new MandatoryTraining(subjects.get()));
        }
    }

    // ---------------------------------------------------------------- grade

    static final class GradeCodec implements CredentialCodec<Grade> {
        static final ClaimShape SHAPE = ClaimShape.of("grade", "staff_group", "grade", "valid_from", "?valid_to");

        @Override
        public CredentialType type() {
            return CredentialType.GRADE;
        }

        @Override
        public Class<Grade> recordType() {
            return Grade.class;
        }

        @Override
        public ClaimShape shape() {
            return SHAPE;
        }

        @Override
        public List<ClaimShape> nestedShapes() {
            return List.of();
        }

        @Override
        public void write(Grade c, ClaimsWriter out) {
            out.enumValue("staff_group", c.staffGroup()).code("grade", c.grade()).date("valid_from", c.validFrom())
                    .date("valid_to", c.validTo());
        }

        @Override
        public Optional<Grade> read(ClaimsReader r, ObjectNode c) {
            r.shape(c, "", SHAPE, TOP_EXTRA);
            Optional<Grade.StaffGroup> group = r.enumValue(c, "", "staff_group", Grade.StaffGroup.class);
            Optional<GradeCode> grade = r.code(c, "", "grade", GradeCode::new);
            Optional<LocalDate> from = r.date(c, "", "valid_from");
            Optional<LocalDate> to = r.date(c, "", "valid_to");
            if (!r.ok()) {
                return Optional.empty();
            }
            return Optional.of(new Grade(group.get(), grade.get(), from.get(), to));
        }
    }

    // ---------------------------------------------------------------- specialty

    static final class SpecialtyCodec implements CredentialCodec<Specialty> {
        static final ClaimShape SHAPE = ClaimShape.of("specialty", "specialties", "life_support", "competencies");
        static final ClaimShape CERTIFICATE = ClaimShape.of("lifeSupportCertificate", "type", "issued_on", "expires_on");
        static final ClaimShape COMPETENCY = ClaimShape.of("competency", "code", "title", "attained_on", "?expires_on");

        @Override
        public CredentialType type() {
            return CredentialType.SPECIALTY;
        }

        @Override
        public Class<Specialty> recordType() {
            return Specialty.class;
        }

        @Override
        public ClaimShape shape() {
            return SHAPE;
        }

        @Override
        public List<ClaimShape> nestedShapes() {
            return List.of(CERTIFICATE, COMPETENCY);
        }

        @Override
        public void write(Specialty c, ClaimsWriter out) {
            out.strings("specialties", c.specialties())
                    .objects("life_support", c.lifeSupport(), (l, o) -> o.code("type", l.type())
                            .date("issued_on", l.issuedOn()).date("expires_on", l.expiresOn()))
                    .objects("competencies", c.competencies(), (k, o) -> o.text("code", k.code()).text("title", k.title())
                            .date("attained_on", k.attainedOn()).date("expires_on", k.expiresOn()));
        }

        @Override
        public Optional<Specialty> read(ClaimsReader r, ObjectNode c) {
            r.shape(c, "", SHAPE, TOP_EXTRA);
            Optional<List<SpecialtyCode>> specialties =
                    r.list(c, "", "specialties", (value, path) -> r.text(value, path).map(SpecialtyCode::new));
            Optional<List<Specialty.LifeSupportCertificate>> lifeSupport = r.objects(c, "", "life_support", (l, path) -> {
                r.shape(l, path, CERTIFICATE, NONE);
                Optional<LifeSupportCode> type = r.code(l, path, "type", LifeSupportCode::new);
                Optional<LocalDate> issued = r.date(l, path, "issued_on");
                Optional<LocalDate> expires = r.date(l, path, "expires_on");
                if (!r.ok()) {
                    return Optional.empty();
                }
                return Optional.of(new Specialty.LifeSupportCertificate(type.get(), issued.get(), expires.get()));
            });
            Optional<List<Specialty.Competency>> competencies = r.objects(c, "", "competencies", (k, path) -> {
                r.shape(k, path, COMPETENCY, NONE);
                Optional<String> code = r.text(k, path, "code");
                Optional<String> title = r.text(k, path, "title");
                Optional<LocalDate> attained = r.date(k, path, "attained_on");
                Optional<LocalDate> expires = r.date(k, path, "expires_on");
                if (!r.ok()) {
                    return Optional.empty();
                }
                return Optional.of(new Specialty.Competency(code.get(), title.get(), attained.get(), expires));
            });
            if (!r.ok()) {
                return Optional.empty();
            }
            return Optional.of(new Specialty(specialties.get(), lifeSupport.get(), competencies.get()));
        }
    }

    // ---------------------------------------------------------------- employment

    static final class EmploymentCodec implements CredentialCodec<Employment> {
        static final ClaimShape SHAPE = ClaimShape.of("employment",
                "employer", "employment_type", "started_on", "?ends_on", "placements");
        static final ClaimShape PLACEMENT = ClaimShape.of("placement", "trust", "?specialty", "from", "to");

        @Override
        public CredentialType type() {
            return CredentialType.EMPLOYMENT;
        }

        @Override
        public Class<Employment> recordType() {
            return Employment.class;
        }

        @Override
        public ClaimShape shape() {
            return SHAPE;
        }

        @Override
        public List<ClaimShape> nestedShapes() {
            return List.of(PLACEMENT);
        }

        @Override
        public void write(Employment c, ClaimsWriter out) {
            out.text("employer", c.employer()).enumValue("employment_type", c.employmentType())
                    .date("started_on", c.startedOn()).date("ends_on", c.endsOn())
                    .objects("placements", c.placements(), (p, o) -> o.text("trust", p.trust())
                            .text("specialty", p.specialty().map(SpecialtyCode::value))
                            .date("from", p.from()).date("to", p.to()));
        }

        @Override
        public Optional<Employment> read(ClaimsReader r, ObjectNode c) {
            r.shape(c, "", SHAPE, TOP_EXTRA);
            Optional<String> employer = r.text(c, "", "employer");
            Optional<Employment.Type> type = r.enumValue(c, "", "employment_type", Employment.Type.class);
            Optional<LocalDate> started = r.date(c, "", "started_on");
            Optional<LocalDate> ends = r.date(c, "", "ends_on");
            Optional<List<Employment.Placement>> placements = r.objects(c, "", "placements", (p, path) -> {
                r.shape(p, path, PLACEMENT, NONE);
                Optional<String> trust = r.text(p, path, "trust");
                Optional<SpecialtyCode> specialty = r.code(p, path, "specialty", SpecialtyCode::new);
                Optional<LocalDate> from = r.date(p, path, "from");
                Optional<LocalDate> to = r.date(p, path, "to");
                if (!r.ok()) {
                    return Optional.empty();
                }
                return Optional.of(new Employment.Placement(trust.get(), specialty, from.get(), to.get()));
            });
            if (!r.ok()) {
                return Optional.empty();
            }
            return Optional.of(new Employment(employer.get(), type.get(), started.get(), ends, placements.get()));
        }
    }
}
