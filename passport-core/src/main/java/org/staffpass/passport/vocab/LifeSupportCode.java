package org.staffpass.passport.vocab;

import java.util.Objects;

/**
 * The code of a life-support certificate type (`ALS`), as it appears in credential claims. A code is only a name: whether
 * the vocabulary defines it is checked by the credential validator, so an unknown code is a
 * reported problem, never a silent pass. Immutable.
 *
 * @param value the code, exactly as in the vocabulary file
 * @since 0.1
 */
public record LifeSupportCode(String value) {
    public LifeSupportCode {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
