package org.staffpass.passport.vocab;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The controlled vocabularies credentials use: registers and their number formats, grades and
 * bands, mandatory-training subjects with levels and refresher periods, specialties,
 * life-support certificate types and antigens.
 *
 * <p>Each comes from a versioned JSON file bundled under
 * {@code org/staffpass/passport/vocab/}, naming its sources and marking UNCONFIRMED facts.
 * {@link #standard()} reads them once, strictly (unknown members, duplicate members or codes,
 * a register without a definition: all fail), into immutable maps. Instances are immutable and
 * thread-safe.
 *
 * @since 0.1
 */
public final class Vocabularies {
    /** The bundled files, in the order they are loaded and listed. */
    static final List<String> FILES = List.of("registers", "grades", "training-subjects", "specialties",
            "life-support", "antigens");

    private final List<VocabularyFile> files;
    private final Map<Register, RegisterDefinition> registers;
    private final Map<Register, Pattern> numberPatterns;
    private final Map<GradeCode, GradeDefinition> grades;
    private final Map<TrainingSubjectCode, TrainingSubjectDefinition> trainingSubjects;
    private final Map<SpecialtyCode, SpecialtyDefinition> specialties;
    private final Map<LifeSupportCode, LifeSupportDefinition> lifeSupport;
    private final Map<AntigenCode, AntigenDefinition> antigens;

    private Vocabularies(List<VocabularyFile> files, List<RegisterDefinition> registers, List<GradeDefinition> grades,
            List<TrainingSubjectDefinition> trainingSubjects, List<SpecialtyDefinition> specialties,
            List<LifeSupportDefinition> lifeSupport, List<AntigenDefinition> antigens) {
        this.files = List.copyOf(files);
        Map<Register, RegisterDefinition> byRegister = new EnumMap<>(Register.class);
        Map<Register, Pattern> patterns = new EnumMap<>(Register.class);
        for (RegisterDefinition definition : registers) {
            byRegister.put(definition.register(), definition);
            patterns.put(definition.register(), Pattern.compile(definition.numberPattern()));
            if (!patterns.get(definition.register()).matcher(definition.numberExample()).matches()) {
                throw new IllegalStateException("vocabulary registers: the example number of "
                        + definition.register() + " does not match its pattern");
            }
        }
        for (Register register : Register.values()) {
            if (!byRegister.containsKey(register)) {
                throw new IllegalStateException("vocabulary registers does not define " + register);
            }
        }
        this.registers = Map.copyOf(byRegister);
        this.numberPatterns = Map.copyOf(patterns);
        this.grades = index(grades, GradeDefinition::code);
        this.trainingSubjects = index(trainingSubjects, TrainingSubjectDefinition::code);
        this.specialties = index(specialties, SpecialtyDefinition::code);
        this.lifeSupport = index(lifeSupport, LifeSupportDefinition::code);
        this.antigens = index(antigens, AntigenDefinition::code);
    }

    private static <K, V> Map<K, V> index(List<V> values, Function<V, K> key) {
        Map<K, V> map = new LinkedHashMap<>();
        values.forEach(value -> map.put(key.apply(value), value));
        return java.util.Collections.unmodifiableMap(map);
    }

    /** The vocabularies bundled with this version of Staffpass, read once. */
    public static Vocabularies standard() {
        return Standard.INSTANCE;
    }

    /** Lazy, immutable holder: the files are read on first use, once, by the class loader's lock. */
    private static final class Standard {
        static final Vocabularies INSTANCE = load();
    }

    private static Vocabularies load() {
        Set<String> withCode = Set.of("code", "name", "confidence", "note");
        VocabularyLoader registers = VocabularyLoader.load("registers");
        VocabularyLoader grades = VocabularyLoader.load("grades");
        VocabularyLoader subjects = VocabularyLoader.load("training-subjects");
        VocabularyLoader specialties = VocabularyLoader.load("specialties");
        VocabularyLoader lifeSupport = VocabularyLoader.load("life-support");
        VocabularyLoader antigens = VocabularyLoader.load("antigens");
        List<VocabularyFile> files = List.of(registers.file("registers"), grades.file("grades"),
                subjects.file("training-subjects"), specialties.file("specialties"), lifeSupport.file("life-support"),
                antigens.file("antigens"));
        return new Vocabularies(files,
                registers.entries(
                        union(withCode, "numberPattern", "numberExample", "provisionalRegistration", "separateLicence",
                                "renewalYears"),
                        Set.of("code", "name", "numberPattern", "numberExample", "provisionalRegistration",
                                "separateLicence", "renewalYears", "confidence"),
                        e -> new RegisterDefinition(e.enumValue("code", Register.class), e.text("name"),
                                pattern(e), e.text("numberExample"), e.bool("provisionalRegistration"),
                                e.bool("separateLicence"), e.integer("renewalYears", 1, 10), e.confidence(),
                                e.optionalText("note")),
                        RegisterDefinition::register),
                grades.entries(union(withCode, "scheme", "rank", "typicalTier"),
                        Set.of("code", "name", "scheme", "rank", "confidence"),
                        e -> new GradeDefinition(new GradeCode(e.code()), e.text("name"),
                                e.enumValue("scheme", PayScheme.class), e.integer("rank", 0, 1000),
                                e.optionalInteger("typicalTier", 1, 3), e.confidence(), e.optionalText("note")),
                        GradeDefinition::code),
                subjects.entries(union(withCode, "framework", "levels"),
                        Set.of("code", "name", "framework", "levels", "confidence"),
                        e -> new TrainingSubjectDefinition(new TrainingSubjectCode(e.code()), e.text("name"),
                                e.enumValue("framework", TrainingFramework.class), levels(e), e.confidence(),
                                e.optionalText("note")),
                        TrainingSubjectDefinition::code),
                specialties.entries(withCode, Set.of("code", "name", "confidence"),
                        e -> new SpecialtyDefinition(new SpecialtyCode(e.code()), e.text("name"), e.confidence(),
                                e.optionalText("note")),
                        SpecialtyDefinition::code),
                lifeSupport.entries(union(withCode, "provider", "validityMonths"),
                        Set.of("code", "name", "provider", "validityMonths", "confidence"),
                        e -> new LifeSupportDefinition(new LifeSupportCode(e.code()), e.text("name"),
                                e.text("provider"), e.months("validityMonths"), e.confidence(), e.optionalText("note")),
                        LifeSupportDefinition::code),
                antigens.entries(withCode, Set.of("code", "name", "confidence"),
                        e -> new AntigenDefinition(new AntigenCode(e.code()), e.text("name"), e.confidence(),
                                e.optionalText("note")),
                        AntigenDefinition::code));
    }

    private static Set<String> union(Set<String> base, String... more) {
        return java.util.stream.Stream.concat(base.stream(), java.util.Arrays.stream(more)).collect(Collectors.toUnmodifiableSet());
    }

    private static String pattern(VocabularyLoader.Entry entry) {
        String pattern = entry.text("numberPattern");
        if (!pattern.startsWith("^") || !pattern.endsWith("$")) {
            throw entry.fail(entry.path() + "/numberPattern", "is not anchored with ^ and $");
        }
        try {
            Pattern.compile(pattern);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw entry.fail(entry.path() + "/numberPattern", "is not a regular expression");
        }
        return pattern;
    }

    private static List<TrainingLevel> levels(VocabularyLoader.Entry entry) {
        Set<String> members = Set.of("level", "refresherMonths");
        List<TrainingLevel> levels = entry.objects("levels", members, members,
                level -> new TrainingLevel(level.integer("level", 1, 9), level.months("refresherMonths")));
        if (levels.isEmpty()) {
            throw entry.fail(entry.path() + "/levels", "is empty");
        }
        for (int i = 1; i < levels.size(); i++) {
            if (levels.get(i).level() <= levels.get(i - 1).level()) {
                throw entry.fail(entry.path() + "/levels/" + i, "is not in ascending order without repeats");
            }
        }
        return levels;
    }

    /** Every bundled file with its version and sources. */
    public List<VocabularyFile> files() {
        return files;
    }

    /** The definition of a register (every {@link Register} has one). */
    public RegisterDefinition register(Register register) {
        return registers.get(Objects.requireNonNull(register, "register"));
    }

    /** Whether {@code number} is in the register's number format (the whole string must match). */
    public boolean isRegistrationNumber(Register register, String number) {
        Objects.requireNonNull(number, "number");
        return numberPatterns.get(Objects.requireNonNull(register, "register")).matcher(number).matches();
    }

    /** A grade's definition, if the vocabulary has that code. */
    public Optional<GradeDefinition> grade(GradeCode code) {
        return Optional.ofNullable(grades.get(Objects.requireNonNull(code, "code")));
    }

    /** Every grade, in file order. */
    public Collection<GradeDefinition> grades() {
        return grades.values();
    }

    /** A training subject's definition, if the vocabulary has that code. */
    public Optional<TrainingSubjectDefinition> trainingSubject(TrainingSubjectCode code) {
        return Optional.ofNullable(trainingSubjects.get(Objects.requireNonNull(code, "code")));
    }

    /** Every training subject, in file order. */
    public Collection<TrainingSubjectDefinition> trainingSubjects() {
        return trainingSubjects.values();
    }

    /** A specialty's definition, if the vocabulary has that code. */
    public Optional<SpecialtyDefinition> specialty(SpecialtyCode code) {
        return Optional.ofNullable(specialties.get(Objects.requireNonNull(code, "code")));
    }

    /** Every specialty, in file order. */
    public Collection<SpecialtyDefinition> specialties() {
        return specialties.values();
    }

    /** A life-support certificate type's definition, if the vocabulary has that code. */
    public Optional<LifeSupportDefinition> lifeSupport(LifeSupportCode code) {
        return Optional.ofNullable(lifeSupport.get(Objects.requireNonNull(code, "code")));
    }

    /** Every life-support certificate type, in file order. */
    public Collection<LifeSupportDefinition> lifeSupportTypes() {
        return lifeSupport.values();
    }

    /** An antigen's definition, if the vocabulary has that code. */
    public Optional<AntigenDefinition> antigen(AntigenCode code) {
        return Optional.ofNullable(antigens.get(Objects.requireNonNull(code, "code")));
    }

    /** Every antigen, in file order. */
    public Collection<AntigenDefinition> antigens() {
        return antigens.values();
    }
}
