package org.staffpass.passport.credential;

import jakarta.validation.Valid;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.staffpass.passport.internal.ClaimLimits;
import org.staffpass.passport.vocab.AntigenCode;

/**
 * Occupational-health clearance (NHS Employment Check Standards: work health assessment).
 * Immutable.
 *
 * <p>Each immunisation entry is selectively disclosable, so a verifier sees only those the
 * holder chose to show; a missing antigen means "not shown", never "not needed". Rules: one
 * entry per antigen ({@code DUPLICATE_ENTRY}); antigens from the vocabulary
 * ({@code UNKNOWN_ANTIGEN}); a review date after the record date ({@code DATE_ORDER}).
 *
 * @param fitness       fitness for the role
 * @param eppClearance  clearance for exposure-prone procedures
 * @param immunisations immunity evidence by antigen
 * @param assessedOn    the date of the assessment (not in the future)
 * @since 0.1
 */
@CredentialRules
public record OccupationalHealth(
        Fitness fitness,
        EppClearance eppClearance,
        @Size(max = ClaimLimits.MAX_ITEMS) List<@Valid Immunisation> immunisations,
        @PastOrPresent LocalDate assessedOn) implements Credential {

    /** The {@code vct} of occupational-health credentials. */
    public static final String VCT = "https://staffpass.example/vct/occupational-health/v1";

    public OccupationalHealth {
        Objects.requireNonNull(fitness, "fitness");
        Objects.requireNonNull(eppClearance, "eppClearance");
        immunisations = List.copyOf(immunisations);
        Objects.requireNonNull(assessedOn, "assessedOn");
    }

    @Override
    public CredentialType credentialType() {
        return CredentialType.OCCUPATIONAL_HEALTH;
    }

    /** Fitness for the role. */
    public enum Fitness {
        /** Fit for the role. */
        FIT,
        /** Fit with adjustments or restrictions (a receiving trust reviews them). */
        FIT_WITH_ADJUSTMENTS,
        /** Not fit for the role. */
        NOT_FIT
    }

    /** Clearance for exposure-prone procedures (blood-borne virus testing). */
    public enum EppClearance {
        /** Not assessed: not cleared for exposure-prone procedures. */
        NOT_ASSESSED,
        /** Cleared for exposure-prone procedures. */
        CLEARED,
        /** Assessed and not cleared. */
        NOT_CLEARED
    }

    /**
     * Immunity evidence for one antigen. Immutable.
     *
     * @param antigen    the antigen (vocabulary code)
     * @param evidence   the kind of evidence
     * @param status     what the evidence shows
     * @param recordedOn when occupational health recorded it (not in the future)
     * @param reviewDue  when it is next due for review, if ever (after the record date)
     */
    @CredentialRules
    public record Immunisation(@Known AntigenCode antigen, Evidence evidence, Status status,
            @PastOrPresent LocalDate recordedOn, Optional<LocalDate> reviewDue) {
        public Immunisation {
            Objects.requireNonNull(antigen, "antigen");
            Objects.requireNonNull(evidence, "evidence");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(recordedOn, "recordedOn");
            Objects.requireNonNull(reviewDue, "reviewDue");
        }

        /** Kinds of evidence. */
        public enum Evidence {
            /** A documented vaccination course. */
            VACCINATION_COURSE,
            /** A blood test showing immunity. */
            SEROLOGY,
            /** A documented history of the disease. */
            DOCUMENTED_HISTORY,
            /** Screening (for example tuberculosis). */
            SCREENING
        }

        /** What the evidence shows. */
        public enum Status {
            /** Protected. */
            PROTECTED,
            /** Not protected (for example a vaccine non-responder). */
            NOT_PROTECTED,
            /** A course in progress. */
            IN_PROGRESS
        }
    }
}
