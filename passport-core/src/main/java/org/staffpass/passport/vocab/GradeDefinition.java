package org.staffpass.passport.vocab;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One grade or band. Immutable.
 *
 * @param code        the grade's code
 * @param name        display name
 * @param scheme      the pay scheme it belongs to
 * @param rank        seniority within its scheme (larger is more senior; equal ranks are
 *                    equivalent, as CT1 and ST1); comparing ranks across schemes means nothing
 * @param typicalTier the usual rota tier for doctors (1 junior, 2 middle, 3 consultant);
 *                    tiering is local policy, so this is only a default
 * @param confidence  whether the entry is confirmed
 * @param note        free text from the vocabulary file
 * @since 0.1
 */
public record GradeDefinition(GradeCode code, String name, PayScheme scheme, int rank, OptionalInt typicalTier,
        Confidence confidence, Optional<String> note) {
    public GradeDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(typicalTier, "typicalTier");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(note, "note");
    }
}
