package org.staffpass.passport.vocab;

import java.time.Period;
import java.util.Objects;
import java.util.Optional;

/**
 * One life-support certificate type. Immutable.
 *
 * @param code       the certificate type's code
 * @param name       display name
 * @param provider   who runs the course
 * @param validity   how long a certificate usually lasts from the course; a policy default
 * @param confidence whether the validity is confirmed
 * @param note       free text from the vocabulary file
 * @since 0.1
 */
public record LifeSupportDefinition(LifeSupportCode code, String name, String provider, Period validity,
        Confidence confidence, Optional<String> note) {
    public LifeSupportDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(note, "note");
    }
}
