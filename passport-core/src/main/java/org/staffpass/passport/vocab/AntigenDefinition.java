package org.staffpass.passport.vocab;

import java.util.Objects;
import java.util.Optional;

/**
 * One antigen an occupational-health credential can record immunity evidence for. Immutable.
 *
 * @param code       the antigen's code
 * @param name       display name
 * @param confidence whether the entry is confirmed against its source
 * @param note       free text from the vocabulary file
 * @since 0.1
 */
public record AntigenDefinition(AntigenCode code, String name, Confidence confidence, Optional<String> note) {
    public AntigenDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(note, "note");
    }
}
