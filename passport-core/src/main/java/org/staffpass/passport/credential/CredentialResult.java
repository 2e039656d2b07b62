package org.staffpass.passport.credential;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The answer to reading or validating credential data: either the credential, or every
 * violation found (never only the first). Never an exception for bad data.
 *
 * @param <T> the credential type
 * @since 0.1
 */
public sealed interface CredentialResult<T> permits CredentialResult.Valid, CredentialResult.Invalid {

    /** The data passed every check. */
    record Valid<T>(T value) implements CredentialResult<T> {
        public Valid {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The data failed; {@code violations} is non-empty, sorted by path then code, without
     * repeats.
     */
    record Invalid<T>(List<CredentialViolation> violations) implements CredentialResult<T> {
        public Invalid {
            violations = violations.stream().distinct()
                    .sorted(Comparator.comparing(CredentialViolation::path).thenComparing(CredentialViolation::problem))
                    .toList();
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("an invalid result lists at least one violation");
            }
        }

        /** The same violations, re-typed. */
        @SuppressWarnings("unchecked")
        public <U> Invalid<U> cast() {
            return (Invalid<U>) this;
        }
    }

    /** Valid when {@code violations} is empty, else invalid. */
    static <T> CredentialResult<T> of(T value, List<CredentialViolation> violations) {
        return violations.isEmpty() ? new Valid<>(value) : new Invalid<>(violations);
    }

    /** Whether the data passed. */
    default boolean isValid() {
        return this instanceof Valid;
    }

    /**
     * The credential.
     *
     * @throws IllegalStateException if invalid (a caller bug: check first)
     */
    default T value() {
        if (this instanceof Valid<T> valid) {
            return valid.value();
        }
        throw new IllegalStateException("invalid credential: " + violations());
    }

    /** The violations; empty when valid. */
    default List<CredentialViolation> violations() {
        return this instanceof Invalid<T> invalid ? invalid.violations() : List.of();
    }

    /** Applies {@code next} to a valid value; an invalid result passes through. */
    default <U> CredentialResult<U> then(Function<? super T, CredentialResult<U>> next) {
        if (this instanceof Valid<T> valid) {
            return Objects.requireNonNull(next.apply(valid.value()), "next returned null");
        }
        return ((Invalid<T>) this).cast();
    }
}
