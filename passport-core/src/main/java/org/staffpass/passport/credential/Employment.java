package org.staffpass.passport.credential;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.staffpass.passport.internal.ClaimLimits;
import org.staffpass.passport.vocab.SpecialtyCode;

/**
 * Who employs the worker and how: substantive, bank only, or a doctor in training employed
 * by a lead employer and rotating through host trusts. Immutable.
 *
 * <p>Each placement is selectively disclosable. Rules: ODS trust codes
 * ({@code TEXT_FORMAT}); placements only for {@link Type#LEAD_EMPLOYER_TRAINEE}
 * ({@code PLACEMENTS_NOT_ALLOWED}), each within the employment
 * ({@code PLACEMENT_OUTSIDE_EMPLOYMENT}); ends not before starts ({@code DATE_ORDER}).
 *
 * @param employer  the employing organisation's ODS code (a trust: {@code R} + 2)
 * @param employmentType the kind of employment
 * @param startedOn first day of the employment
 * @param endsOn    last day, if fixed
 * @param placements rotation placements of a lead-employer trainee
 * @since 0.1
 */
@CredentialRules
public record Employment(
        @Pattern(regexp = ClaimLimits.ODS_TRUST) String employer,
        Type employmentType,
        LocalDate startedOn,
        Optional<LocalDate> endsOn,
        @Size(max = ClaimLimits.MAX_ITEMS) List<@Valid Placement> placements) implements Credential {

    /** The {@code vct} of employment credentials. */
    public static final String VCT = "https://staffpass.example/vct/employment/v1";

    public Employment {
        Objects.requireNonNull(employer, "employer");
        Objects.requireNonNull(employmentType, "employmentType");
        Objects.requireNonNull(startedOn, "startedOn");
        Objects.requireNonNull(endsOn, "endsOn");
        placements = List.copyOf(placements);
    }

    @Override
    public CredentialType credentialType() {
        return CredentialType.EMPLOYMENT;
    }

    /** Kinds of employment. */
    public enum Type {
        /** A substantive (permanent or fixed-term) contract. */
        SUBSTANTIVE,
        /** A bank-only contract. */
        BANK_ONLY,
        /** A doctor in training employed by a lead employer for the whole programme. */
        LEAD_EMPLOYER_TRAINEE
    }

    /**
     * A rotation placement at a host trust. Immutable.
     *
     * @param trust     the host trust's ODS code
     * @param specialty the placement's specialty, if stated (vocabulary code)
     * @param from      first day
     * @param to        last day (not before {@code from})
     */
    @CredentialRules
    public record Placement(
            @Pattern(regexp = ClaimLimits.ODS_TRUST) String trust,
            Optional<@Known SpecialtyCode> specialty,
            LocalDate from,
            LocalDate to) {
        public Placement {
            Objects.requireNonNull(trust, "trust");
            Objects.requireNonNull(specialty, "specialty");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }
}
