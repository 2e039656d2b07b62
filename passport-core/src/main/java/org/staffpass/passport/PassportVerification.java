package org.staffpass.passport;

import java.util.List;
import java.util.Objects;

/**
 * The answer of {@link PassportVerifier#verify}: a {@link VerifiedPassport} or a
 * {@link Rejected} listing every reason found. Immutable.
 *
 * @since 0.1
 */
public sealed interface PassportVerification permits VerifiedPassport, PassportVerification.Rejected {
    /** Whether the presentation was accepted. */
    default boolean isAccepted() {
        return this instanceof VerifiedPassport;
    }

    /**
     * The presentation was refused; nothing of it may be used.
     *
     * @param failures every reason, in credential order (document-level first); never empty
     */
    record Rejected(List<PassportFailure> failures) implements PassportVerification {
        public Rejected {
            failures = List.copyOf(Objects.requireNonNull(failures, "failures"));
            if (failures.isEmpty()) {
                throw new IllegalArgumentException("a rejection lists at least one failure");
            }
        }

        /** Whether any failure carries {@code code}. */
        public boolean has(Enum<?> code) {
            return failures.stream().anyMatch(f -> f.code() == code);
        }
    }
}
