package org.staffpass.passport.credential;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.staffpass.passport.internal.ClaimLimits;
import org.staffpass.passport.vocab.TrainingSubjectCode;

/**
 * Statutory and mandatory training: Core Skills Training Framework subjects and the Oliver
 * McGowan tiers, each with level, completion and expiry. Immutable.
 *
 * <p>Each subject is selectively disclosable. Rules: subjects and levels from the
 * training-subjects vocabulary ({@code UNKNOWN_TRAINING_SUBJECT},
 * {@code UNKNOWN_TRAINING_LEVEL}); one entry per subject and level ({@code DUPLICATE_ENTRY});
 * expiry after completion ({@code DATE_ORDER}); at least one subject when issued.
 *
 * @param subjects the training records
 * @since 0.1
 */
@CredentialRules
public record MandatoryTraining(
        @Size(min = 1, max = ClaimLimits.MAX_ITEMS, groups = IssuanceChecks.class)
        @Size(max = ClaimLimits.MAX_ITEMS) List<@Valid TrainingRecord> subjects) implements Credential {

    /** The {@code vct} of mandatory-training credentials. */
    public static final String VCT = "https://staffpass.example/vct/mandatory-training/v1";

    public MandatoryTraining {
        subjects = List.copyOf(subjects);
    }

    @Override
    public CredentialType credentialType() {
        return CredentialType.MANDATORY_TRAINING;
    }

    /**
     * One completed subject. Immutable.
     *
     * @param subject     the subject (vocabulary code)
     * @param level       the level completed (or the Oliver McGowan tier)
     * @param completedOn when it was completed (not in the future)
     * @param expiresOn   when a refresher is due (after completion)
     */
    @CredentialRules
    public record TrainingRecord(
            @Known TrainingSubjectCode subject,
            @Min(1) @Max(ClaimLimits.MAX_TRAINING_LEVEL) int level,
            @PastOrPresent LocalDate completedOn,
            LocalDate expiresOn) {
        public TrainingRecord {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(completedOn, "completedOn");
            Objects.requireNonNull(expiresOn, "expiresOn");
        }
    }
}
