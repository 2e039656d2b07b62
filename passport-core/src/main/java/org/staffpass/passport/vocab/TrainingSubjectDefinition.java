package org.staffpass.passport.vocab;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One mandatory-training subject and its levels. Immutable.
 *
 * @param code       the subject's code
 * @param name       display name
 * @param framework  where the subject is defined
 * @param levels     its levels, ascending (never empty)
 * @param confidence whether the levels' refresher periods are confirmed
 * @param note       free text from the vocabulary file
 * @since 0.1
 */
public record TrainingSubjectDefinition(TrainingSubjectCode code, String name, TrainingFramework framework,
        List<TrainingLevel> levels, Confidence confidence, Optional<String> note) {
    public TrainingSubjectDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(framework, "framework");
        levels = List.copyOf(levels);
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(note, "note");
    }

    /** The level with that number, if the subject has it. */
    public Optional<TrainingLevel> level(int level) {
        return levels.stream().filter(l -> l.level() == level).findFirst();
    }
}
