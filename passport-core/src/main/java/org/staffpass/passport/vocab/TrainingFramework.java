package org.staffpass.passport.vocab;

/**
 * The framework a training subject comes from.
 *
 * @since 0.1
 */
public enum TrainingFramework {
    /** Skills for Health, Core Skills Training Framework (England). */
    CSTF,
    /** Oliver McGowan Mandatory Training on learning disability and autism (tiers as levels). */
    OLIVER_MCGOWAN
}
