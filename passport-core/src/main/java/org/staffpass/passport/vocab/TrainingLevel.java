package org.staffpass.passport.vocab;

import java.time.Period;
import java.util.Objects;

/**
 * One level of a training subject and its default refresher period. Immutable.
 *
 * @param level     the level (1 upwards)
 * @param refresher the default time until refresher training is due; a policy parameter
 * @since 0.1
 */
public record TrainingLevel(int level, Period refresher) {
    public TrainingLevel {
        Objects.requireNonNull(refresher, "refresher");
    }
}
