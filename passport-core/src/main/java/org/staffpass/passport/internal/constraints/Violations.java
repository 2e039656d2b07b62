package org.staffpass.passport.internal.constraints;

import jakarta.validation.ConstraintValidatorContext;
import org.staffpass.passport.credential.CredentialProblem;

/**
 * Reports a cross-field or vocabulary problem from a constraint validator: the message
 * template is the problem's name (read back by the credential validator, never shown as is),
 * the path names the offending property.
 */
final class Violations {
    private Violations() {
    }

    /** A problem on the annotated element itself. */
    static void here(ConstraintValidatorContext context, CredentialProblem problem) {
        context.buildConstraintViolationWithTemplate(problem.name()).addConstraintViolation();
    }

    /** A problem on a property of the annotated record. */
    static void at(ConstraintValidatorContext context, CredentialProblem problem, String property) {
        context.buildConstraintViolationWithTemplate(problem.name()).addPropertyNode(property).addConstraintViolation();
    }

    /** A problem on a property of the element at {@code index} of the record's list {@code list}. */
    static void atElement(ConstraintValidatorContext context, CredentialProblem problem, String list, int index,
            String property) {
        context.buildConstraintViolationWithTemplate(problem.name())
                .addPropertyNode(list)
                .addPropertyNode(property).inIterable().atIndex(index)
                .addConstraintViolation();
    }

    /** A problem on the element at {@code index} of the record's list {@code list}. */
    static void atElement(ConstraintValidatorContext context, CredentialProblem problem, String list, int index) {
        context.buildConstraintViolationWithTemplate(problem.name())
                .addPropertyNode(list)
                .addBeanNode().inIterable().atIndex(index)
                .addConstraintViolation();
    }
}
