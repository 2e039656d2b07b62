package org.staffpass.crypto;

import java.util.Objects;
import java.util.function.Function;

/**
 * The result of checking untrusted input: either the checked value or a reason code.
 *
 * <p>Nothing in Staffpass throws for bad input; it answers with {@link Rejected}. Exceptions
 * are kept for programmer errors (a null argument, asking a rejection for its value).
 * Pattern-match on the two records, or use {@link #isAccepted()} and {@link #value()}.
 *
 * @param <T> the value a successful check yields
 * @since 0.1
 */
public sealed interface Verification<T> permits Verification.Accepted, Verification.Rejected {

    /** The input passed every check; {@code value} is what it proved. */
    record Accepted<T>(T value) implements Verification<T> {
        public Accepted {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The input failed a check.
     *
     * @param reason  the stable, documented code
     * @param message a human sentence naming the field; never key material or token contents
     */
    record Rejected<T>(ReasonCode reason, String message) implements Verification<T> {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        /** The same rejection, re-typed for a caller that checks something else. */
        @SuppressWarnings("unchecked")
        public <U> Rejected<U> cast() {
            return (Rejected<U>) this;
        }
    }

    /** A successful result. */
    static <T> Verification<T> accepted(T value) {
        return new Accepted<>(value);
    }

    /** A failed result. */
    static <T> Verification<T> rejected(ReasonCode reason, String message) {
        return new Rejected<>(reason, message);
    }

    /** Whether the input passed. */
    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /**
     * The checked value.
     *
     * @throws IllegalStateException if this is a rejection (check first: that is a bug in the caller)
     */
    default T value() {
        if (this instanceof Accepted<T> accepted) {
            return accepted.value();
        }
        Rejected<T> rejected = (Rejected<T>) this;
        throw new IllegalStateException("rejected (" + rejected.reason() + "): " + rejected.message());
    }

    /** Applies {@code next} to an accepted value; a rejection passes through unchanged. */
    default <U> Verification<U> then(Function<? super T, Verification<U>> next) {
        if (this instanceof Accepted<T> accepted) {
            return Objects.requireNonNull(next.apply(accepted.value()), "next returned null");
        }
        return ((Rejected<T>) this).cast();
    }

    /** Transforms an accepted value; a rejection passes through unchanged. */
    default <U> Verification<U> map(Function<? super T, ? extends U> mapper) {
        if (this instanceof Accepted<T> accepted) {
            return new Accepted<>(mapper.apply(accepted.value()));
        }
        return ((Rejected<T>) this).cast();
    }
}
