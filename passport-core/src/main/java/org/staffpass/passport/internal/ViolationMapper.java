package org.staffpass.passport.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.Map;
import org.staffpass.passport.credential.CredentialProblem;
import org.staffpass.passport.credential.CredentialRules;
import org.staffpass.passport.credential.CredentialViolation;
import org.staffpass.passport.credential.Known;

/**
 * Turns a Jakarta constraint violation into a {@link CredentialViolation}: a problem code
 * from the constraint (our constraints name it in their message template; built-in ones map
 * by annotation type) and a JSON Pointer from the property path (record component names in
 * snake_case are the claim names; list indexes become pointer tokens).
 */
public final class ViolationMapper {
    /** The built-in constraints the records use; anything else is a programming error. */
    private static final Map<Class<? extends Annotation>, CredentialProblem> BUILT_IN = Map.of(
            NotNull.class, CredentialProblem.MISSING_CLAIM,
            Pattern.class, CredentialProblem.TEXT_FORMAT,
            Min.class, CredentialProblem.NUMBER_RANGE,
            Max.class, CredentialProblem.NUMBER_RANGE,
            PastOrPresent.class, CredentialProblem.DATE_IN_FUTURE);

    private ViolationMapper() {
    }

    /** The credential violation for {@code violation}. */
    public static CredentialViolation map(ConstraintViolation<?> violation) {
        return CredentialViolation.of(problem(violation), pointer(violation.getPropertyPath()));
    }

    /** The problem code of a violation. */
    static CredentialProblem problem(ConstraintViolation<?> violation) {
        Class<? extends Annotation> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
        if (constraint == Known.class || constraint == CredentialRules.class) {
            return CredentialProblem.valueOf(violation.getMessageTemplate());
        }
        if (constraint == Size.class) {
            return violation.getInvalidValue() instanceof CharSequence
                    ? CredentialProblem.TEXT_LENGTH
                    : CredentialProblem.COLLECTION_SIZE;
        }
        CredentialProblem problem = BUILT_IN.get(constraint);
        if (problem == null) {
            throw new IllegalStateException("constraint @" + constraint.getSimpleName() + " has no problem code");
        }
        return problem;
    }

    /** Whether the constraint type has a problem code (for the test that every constraint maps). */
    public static boolean mapped(Class<? extends Annotation> constraint) {
        return constraint == Known.class || constraint == CredentialRules.class || constraint == Size.class
                || BUILT_IN.containsKey(constraint);
    }

    /** {@code subjects[2].expiresOn} becomes {@code /subjects/2/expires_on}. */
    static String pointer(Path path) {
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                pointer.append('/').append(node.getIndex());
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                pointer.append('/').append(snakeCase(node.getName()));
            }
        }
        return pointer.toString();
    }

    /** {@code registrationNumber} becomes {@code registration_number}. */
    public static String snakeCase(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
