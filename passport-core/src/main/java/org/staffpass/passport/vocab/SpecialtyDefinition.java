package org.staffpass.passport.vocab;

import java.util.Objects;
import java.util.Optional;

/**
 * One specialty. Immutable.
 *
 * @param code       the specialty's code
 * @param name       display name
 * @param confidence whether the code is confirmed against its source
 * @param note       free text from the vocabulary file
 * @since 0.1
 */
public record SpecialtyDefinition(SpecialtyCode code, String name, Confidence confidence, Optional<String> note) {
    public SpecialtyDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(note, "note");
    }
}
