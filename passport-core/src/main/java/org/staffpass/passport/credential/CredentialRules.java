package org.staffpass.passport.credential;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.staffpass.passport.internal.constraints.CrossFieldValidators;

/**
 * The annotated record's cross-field rules hold (date order, a time-limited right to work has
 * an end date, a registration number is in its register's format, ...). Each record type has
 * its own rule set; docs/passport.md lists them with their {@link CredentialProblem} codes.
 *
 * @since 0.1
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
@Constraint(validatedBy = {CrossFieldValidators.IdentityRules.class, CrossFieldValidators.RightToWorkRules.class,
        CrossFieldValidators.RegistrationRules.class, CrossFieldValidators.AnnotationRules.class,
        CrossFieldValidators.DbsRules.class, CrossFieldValidators.OccupationalHealthRules.class,
        CrossFieldValidators.ImmunisationRules.class, CrossFieldValidators.TrainingRules.class,
        CrossFieldValidators.TrainingRecordRules.class, CrossFieldValidators.GradeRules.class,
        CrossFieldValidators.SpecialtyRules.class, CrossFieldValidators.LifeSupportRules.class,
        CrossFieldValidators.CompetencyRules.class, CrossFieldValidators.EmploymentRules.class,
        CrossFieldValidators.PlacementRules.class})
public @interface CredentialRules {
    /** The message template: each rule names its own problem code. */
    String message() default "CROSS_FIELD";

    /** Validation groups. */
    Class<?>[] groups() default {};

    /** Payload. */
    Class<? extends Payload>[] payload() default {};
}
