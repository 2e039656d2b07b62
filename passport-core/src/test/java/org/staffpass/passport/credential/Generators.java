package org.staffpass.passport.credential;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.staffpass.passport.vocab.AntigenDefinition;
import org.staffpass.passport.vocab.GradeDefinition;
import org.staffpass.passport.vocab.LifeSupportDefinition;
import org.staffpass.passport.vocab.PayScheme;
import org.staffpass.passport.vocab.Register;
import org.staffpass.passport.vocab.SpecialtyCode;
import org.staffpass.passport.vocab.SpecialtyDefinition;
import org.staffpass.passport.vocab.TrainingLevel;
import org.staffpass.passport.vocab.TrainingSubjectDefinition;
import org.staffpass.passport.vocab.Vocabularies;

/**
 * Random credentials that are valid and complete at {@link Samples#CLOCK}, drawn from the
 * vocabularies (so a vocabulary change is exercised too).
 */
final class Generators {
    private static final Vocabularies VOCAB = Vocabularies.standard();
    private static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);

    private Generators() {
    }

    static Credential any(Random r) {
        List<Function<Random, Credential>> all = List.of(Generators::identity, Generators::rightToWork,
                Generators::registration, Generators::dbs, Generators::occupationalHealth, Generators::training,
                Generators::grade, Generators::specialty, Generators::employment);
        return all.get(r.nextInt(all.size())).apply(r);
    }

    /** A day in [from, to]. */
    static LocalDate between(Random r, LocalDate from, LocalDate to) {
        return from.plusDays(r.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
    }

    static LocalDate past(Random r) {
        return between(r, EPOCH, Samples.TODAY);
    }

    static LocalDate after(Random r, LocalDate day) {
        return day.plusDays(1 + r.nextInt(3000));
    }

    static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    static <E extends Enum<E>> E pick(Random r, Class<E> type) {
        E[] values = type.getEnumConstants();
        return values[r.nextInt(values.length)];
    }

    static <T> Optional<T> maybe(Random r, T value) {
        return r.nextBoolean() ? Optional.of(value) : Optional.empty();
    }

    /** Names with letters from several scripts, spaces, apostrophes and hyphens; no controls. */
    static String name(Random r) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'- éøçñßЖλ中";
        StringBuilder out = new StringBuilder();
        int length = 1 + r.nextInt(30);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    static String digits(Random r, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append((char) ('0' + r.nextInt(10)));
        }
        return out.toString();
    }

    static char letter(Random r) {
        return (char) ('A' + r.nextInt(26));
    }

    static String trust(Random r) {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        return "R" + chars.charAt(r.nextInt(chars.length())) + chars.charAt(r.nextInt(chars.length()));
    }

    static IdentityVerification identity(Random r) {
        LocalDate checked = past(r);
        LocalDate birth = checked.minusYears(16 + r.nextInt(60)).minusDays(r.nextInt(365));
        return new IdentityVerification(Optional.of(name(r)), Optional.of(name(r)), Optional.of(birth),
                pick(r, IdentityVerification.Level.class), pick(r, IdentityVerification.Method.class), checked);
    }

    static RightToWork rightToWork(Random r) {
        LocalDate checked = past(r);
        RightToWork.Permission permission = pick(r, RightToWork.Permission.class);
        Optional<LocalDate> expires = permission == RightToWork.Permission.TIME_LIMITED
                ? Optional.of(checked.plusDays(r.nextInt(3000)))
                : Optional.empty();
        return new RightToWork(permission, expires, pick(r, RightToWork.CheckMethod.class), checked);
    }

    static String registrationNumber(Random r, Register register) {
        switch (register) {
            case NMC:
                return digits(r, 2) + letter(r) + digits(r, 4) + letter(r);
            case HCPC:
                return pick(r, List.of("AS", "BS", "CH", "CS", "DT", "HAD", "ODP", "OR", "OT", "PA", "PH", "PO", "PYL",
                        "RA", "SL")) + digits(r, 4 + r.nextInt(3));
            default:
                return digits(r, 7);
        }
    }

    static ProfessionalRegistration registration(Random r) {
        Register register = pick(r, Register.class);
        boolean gmc = VOCAB.register(register).separateLicence();
        ProfessionalRegistration.RegistrationType type = VOCAB.register(register).provisionalRegistration()
                ? pick(r, ProfessionalRegistration.RegistrationType.class)
                : ProfessionalRegistration.RegistrationType.FULL;
        List<ProfessionalRegistration.RegistrationAnnotation> annotations = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            LocalDate from = past(r);
            annotations.add(new ProfessionalRegistration.RegistrationAnnotation(
                    pick(r, ProfessionalRegistration.RegistrationAnnotation.Kind.class), from,
                    maybe(r, from.plusDays(r.nextInt(2000)))));
        }
        return new ProfessionalRegistration(register, Optional.of(registrationNumber(r, register)), type,
                pick(r, ProfessionalRegistration.Status.class), gmc ? Optional.of(r.nextBoolean()) : Optional.empty(),
                annotations, between(r, EPOCH, LocalDate.of(2035, 1, 1)), past(r));
    }

    static DbsCheck dbs(Random r) {
        DbsCheck.Level level = pick(r, DbsCheck.Level.class);
        DbsCheck.Workforce workforce = pick(r, DbsCheck.Workforce.class);
        Set<DbsCheck.BarredList> lists = EnumSet.noneOf(DbsCheck.BarredList.class);
        if (level == DbsCheck.Level.ENHANCED_WITH_BARRED_LISTS) {
            // A workforce that allows at least one list.
            workforce = pick(r, List.of(DbsCheck.Workforce.CHILD, DbsCheck.Workforce.ADULT, DbsCheck.Workforce.CHILD_AND_ADULT));
            if (workforce != DbsCheck.Workforce.ADULT) {
                lists.add(DbsCheck.BarredList.CHILDREN);
            }
            if (workforce != DbsCheck.Workforce.CHILD && (lists.isEmpty() || r.nextBoolean())) {
                lists.add(DbsCheck.BarredList.ADULTS);
            }
        }
        LocalDate issued = past(r);
        boolean updateService = level != DbsCheck.Level.BASIC && r.nextBoolean();
        Optional<DbsCheck.StatusCheck> statusCheck = updateService && r.nextBoolean()
                ? Optional.of(new DbsCheck.StatusCheck(between(r, issued, Samples.TODAY), pick(r, DbsCheck.StatusCheck.Result.class)))
                : Optional.empty();
        return new DbsCheck(level, workforce, lists, Optional.of(digits(r, 12)), issued, updateService, statusCheck,
                pick(r, DbsCheck.Clearance.class), between(r, issued, Samples.TODAY));
    }

    static OccupationalHealth occupationalHealth(Random r) {
        List<AntigenDefinition> antigens = new ArrayList<>(VOCAB.antigens());
        java.util.Collections.shuffle(antigens, r);
        List<OccupationalHealth.Immunisation> immunisations = new ArrayList<>();
        for (AntigenDefinition antigen : antigens.subList(0, r.nextInt(antigens.size() + 1))) {
            LocalDate recorded = past(r);
            immunisations.add(new OccupationalHealth.Immunisation(antigen.code(),
                    pick(r, OccupationalHealth.Immunisation.Evidence.class), pick(r, OccupationalHealth.Immunisation.Status.class),
                    recorded, maybe(r, after(r, recorded))));
        }
        return new OccupationalHealth(pick(r, OccupationalHealth.Fitness.class), pick(r, OccupationalHealth.EppClearance.class),
                immunisations, past(r));
    }

    static MandatoryTraining training(Random r) {
        Map<String, MandatoryTraining.TrainingRecord> records = new LinkedHashMap<>();
        List<TrainingSubjectDefinition> subjects = new ArrayList<>(VOCAB.trainingSubjects());
        int count = 1 + r.nextInt(15);
        for (int i = 0; i < count; i++) {
            TrainingSubjectDefinition subject = pick(r, subjects);
            TrainingLevel level = pick(r, subject.levels());
            LocalDate completed = past(r);
            records.putIfAbsent(subject.code().value() + "/" + level.level(), new MandatoryTraining.TrainingRecord(
                    subject.code(), level.level(), completed, completed.plus(level.refresher())));
        }
        return new MandatoryTraining(new ArrayList<>(records.values()));
    }

    static Grade grade(Random r) {
        Grade.StaffGroup group = pick(r, Grade.StaffGroup.class);
        PayScheme scheme = group.payScheme();
        List<GradeDefinition> grades = VOCAB.grades().stream().filter(g -> g.scheme() == scheme).toList();
        LocalDate from = between(r, EPOCH, Samples.TODAY.plusYears(1));
        return new Grade(group, pick(r, grades).code(), from, maybe(r, from.plusDays(r.nextInt(2000))));
    }

    static Specialty specialty(Random r) {
        List<SpecialtyDefinition> all = new ArrayList<>(VOCAB.specialties());
        java.util.Collections.shuffle(all, r);
        List<SpecialtyCode> specialties = all.subList(0, 1 + r.nextInt(5)).stream().map(SpecialtyDefinition::code).toList();
        List<LifeSupportDefinition> types = new ArrayList<>(VOCAB.lifeSupportTypes());
        java.util.Collections.shuffle(types, r);
        List<Specialty.LifeSupportCertificate> certificates = new ArrayList<>();
        for (LifeSupportDefinition type : types.subList(0, r.nextInt(4))) {
            LocalDate issued = past(r);
            certificates.add(new Specialty.LifeSupportCertificate(type.code(), issued, issued.plus(type.validity())));
        }
        List<Specialty.Competency> competencies = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            LocalDate attained = past(r);
            competencies.add(new Specialty.Competency("C" + competencies.size() + "_" + digits(r, 3), name(r), attained,
                    maybe(r, after(r, attained))));
        }
        return new Specialty(specialties, certificates, competencies);
    }

    static Employment employment(Random r) {
        Employment.Type type = pick(r, Employment.Type.class);
        LocalDate started = past(r);
        Optional<LocalDate> ends = maybe(r, started.plusDays(400 + r.nextInt(2000)));
        List<Employment.Placement> placements = new ArrayList<>();
        if (type == Employment.Type.LEAD_EMPLOYER_TRAINEE) {
            LocalDate from = started;
            for (int i = r.nextInt(5); i > 0; i--) {
                LocalDate to = from.plusDays(r.nextInt(80));
                placements.add(new Employment.Placement(trust(r),
                        maybe(r, pick(r, new ArrayList<>(VOCAB.specialties())).code()), from, to));
                from = to.plusDays(1);
            }
        }
        return new Employment(trust(r), type, started, ends, placements);
    }
}
