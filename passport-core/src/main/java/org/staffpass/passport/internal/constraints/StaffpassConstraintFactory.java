package org.staffpass.passport.internal.constraints;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.staffpass.passport.vocab.Vocabularies;

/**
 * Builds Staffpass's constraint validators with the vocabularies they check against, and
 * leaves Jakarta's built-in constraints to Hibernate Validator's default factory. Our
 * validators are created with {@code new}, so Hibernate Validator never needs reflective
 * access to the internal package, and there is no global registry of vocabularies.
 */
public final class StaffpassConstraintFactory implements ConstraintValidatorFactory {
    private final ConstraintValidatorFactory builtIn;
    private final Map<Class<?>, Supplier<ConstraintValidator<?, ?>>> ours;

    public StaffpassConstraintFactory(ConstraintValidatorFactory builtIn, Vocabularies vocabularies) {
        this.builtIn = Objects.requireNonNull(builtIn, "builtIn");
        Objects.requireNonNull(vocabularies, "vocabularies");
        this.ours = Map.ofEntries(
                Map.entry(KnownCodeValidators.Grade.class, () -> new KnownCodeValidators.Grade(vocabularies)),
                Map.entry(KnownCodeValidators.TrainingSubject.class,
                        () -> new KnownCodeValidators.TrainingSubject(vocabularies)),
                Map.entry(KnownCodeValidators.Specialty.class, () -> new KnownCodeValidators.Specialty(vocabularies)),
                Map.entry(KnownCodeValidators.LifeSupport.class, () -> new KnownCodeValidators.LifeSupport(vocabularies)),
                Map.entry(KnownCodeValidators.Antigen.class, () -> new KnownCodeValidators.Antigen(vocabularies)),
                Map.entry(CrossFieldValidators.IdentityRules.class, CrossFieldValidators.IdentityRules::new),
                Map.entry(CrossFieldValidators.RightToWorkRules.class, CrossFieldValidators.RightToWorkRules::new),
                Map.entry(CrossFieldValidators.RegistrationRules.class,
                        () -> new CrossFieldValidators.RegistrationRules(vocabularies)),
                Map.entry(CrossFieldValidators.AnnotationRules.class, CrossFieldValidators.AnnotationRules::new),
                Map.entry(CrossFieldValidators.DbsRules.class, CrossFieldValidators.DbsRules::new),
                Map.entry(CrossFieldValidators.OccupationalHealthRules.class,
                        CrossFieldValidators.OccupationalHealthRules::new),
                Map.entry(CrossFieldValidators.ImmunisationRules.class, CrossFieldValidators.ImmunisationRules::new),
                Map.entry(CrossFieldValidators.TrainingRules.class, CrossFieldValidators.TrainingRules::new),
                Map.entry(CrossFieldValidators.TrainingRecordRules.class,
                        () -> new CrossFieldValidators.TrainingRecordRules(vocabularies)),
                Map.entry(CrossFieldValidators.GradeRules.class, () -> new CrossFieldValidators.GradeRules(vocabularies)),
                Map.entry(CrossFieldValidators.SpecialtyRules.class, CrossFieldValidators.SpecialtyRules::new),
                Map.entry(CrossFieldValidators.LifeSupportRules.class, CrossFieldValidators.LifeSupportRules::new),
                Map.entry(CrossFieldValidators.CompetencyRules.class, CrossFieldValidators.CompetencyRules::new),
                Map.entry(CrossFieldValidators.EmploymentRules.class, CrossFieldValidators.EmploymentRules::new),
                Map.entry(CrossFieldValidators.PlacementRules.class, CrossFieldValidators.PlacementRules::new));
    }

    @Override
    public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
        Supplier<ConstraintValidator<?, ?>> supplier = ours.get(key);
        if (supplier != null) {
            return key.cast(supplier.get());
        }
        if (key.getName().startsWith("org.staffpass.")) {
            // A validator class listed in an annotation but not here: a programming error.
            throw new IllegalStateException("no factory entry for " + key.getName());
        }
        return builtIn.getInstance(key);
    }

    @Override
    public void releaseInstance(ConstraintValidator<?, ?> instance) {
        if (!ours.containsKey(instance.getClass())) {
            builtIn.releaseInstance(instance);
        }
    }
}
