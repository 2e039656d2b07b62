package org.staffpass.passport.credential;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.staffpass.passport.internal.constraints.KnownCodeValidators;

/**
 * The annotated vocabulary code (grade, training subject, specialty, life-support type,
 * antigen) is defined by the validator's {@link org.staffpass.passport.vocab.Vocabularies};
 * an unknown code is a violation with its own {@link CredentialProblem} ({@code UNKNOWN_*}).
 *
 * @since 0.1
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Constraint(validatedBy = {KnownCodeValidators.Grade.class, KnownCodeValidators.TrainingSubject.class,
        KnownCodeValidators.Specialty.class, KnownCodeValidators.LifeSupport.class, KnownCodeValidators.Antigen.class})
public @interface Known {
    /** The message template: the problem code is chosen by the validator. */
    String message() default "UNKNOWN_CODE";

    /** Validation groups. */
    Class<?>[] groups() default {};

    /** Payload. */
    Class<? extends Payload>[] payload() default {};
}
