package org.staffpass.passport.credential;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import jakarta.validation.valueextraction.Unwrapping;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.staffpass.passport.internal.ClaimLimits;
import org.staffpass.passport.vocab.Register;

/**
 * Registration with a professional regulator, as the issuer found it on the register.
 * Immutable.
 *
 * <p>Rules: the number is in its register's format ({@code REGISTRATION_NUMBER_FORMAT});
 * provisional registration exists only where the register has it, the GMC
 * ({@code PROVISIONAL_NOT_ON_REGISTER}); the licence to practise is stated exactly when the
 * register separates it from registration, the GMC ({@code LICENCE_REQUIRED},
 * {@code LICENCE_NOT_APPLICABLE}). Formats and flags come from the registers vocabulary.
 *
 * <p>Annotations (conditions, undertakings, warnings ...) are always visible: an empty list
 * means the issuer found none.
 *
 * @param register           the regulator
 * @param registrationNumber the number on that register (selectively disclosable)
 * @param registrationType   full or provisional
 * @param registrationStatus the register status (claim {@code registration_status}: {@code status} is
 *                           the SD-JWT VC status list reference)
 * @param licenceToPractise  whether a GMC registrant holds a licence to practise
 * @param annotations        conditions, undertakings and other entries against the registration
 * @param renewalDue         when revalidation or renewal is next due
 * @param checkedOn          when the issuer checked the register (not in the future)
 * @since 0.1
 */
@CredentialRules
public record ProfessionalRegistration(
        Register register,
        @NotNull(groups = IssuanceChecks.class, payload = Unwrapping.Unwrap.class)
        Optional<@Size(min = 1, max = ClaimLimits.REGISTRATION_NUMBER_MAX) String> registrationNumber,
        RegistrationType registrationType,
        Status registrationStatus,
        Optional<Boolean> licenceToPractise,
        @Size(max = ClaimLimits.MAX_ITEMS) List<@Valid RegistrationAnnotation> annotations,
        LocalDate renewalDue,
        @PastOrPresent LocalDate checkedOn) implements Credential {

    /** The {@code vct} of professional-registration credentials. */
    public static final String VCT = "https://staffpass.example/vct/professional-registration/v1";

    public ProfessionalRegistration {
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(registrationNumber, "registrationNumber");
        Objects.requireNonNull(registrationType, "registrationType");
        Objects.requireNonNull(registrationStatus, "registrationStatus");
        Objects.requireNonNull(licenceToPractise, "licenceToPractise");
        annotations = List.copyOf(annotations);
        Objects.requireNonNull(renewalDue, "renewalDue");
        Objects.requireNonNull(checkedOn, "checkedOn");
    }

    @Override
    public CredentialType credentialType() {
        return CredentialType.PROFESSIONAL_REGISTRATION;
    }

    /** Full or provisional registration. */
    public enum RegistrationType {
        /** Full registration. */
        FULL,
        /** Provisional registration (GMC: foundation year 1 only, in an approved post). */
        PROVISIONAL
    }

    /** The registration's status on the register. */
    public enum Status {
        /** On the register (for the GMC see also the licence). */
        REGISTERED,
        /** Lapsed for unpaid fees or missed revalidation; may not practise until readmitted. */
        LAPSED,
        /** Registered as not practising. */
        NOT_PRACTISING,
        /** Suspended by an interim order pending a hearing. */
        INTERIM_SUSPENSION,
        /** Suspended. */
        SUSPENDED,
        /** Erased (GMC, including administrative erasure) or removed (NMC) from the register. */
        REMOVED
    }

    /**
     * An entry against a registration. Immutable.
     *
     * @param type           what kind of entry
     * @param effectiveFrom  when it took effect
     * @param effectiveUntil when it ends, if it has an end (not before it took effect)
     */
    @CredentialRules
    public record RegistrationAnnotation(Kind type, LocalDate effectiveFrom, Optional<LocalDate> effectiveUntil) {
        public RegistrationAnnotation {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(effectiveFrom, "effectiveFrom");
            Objects.requireNonNull(effectiveUntil, "effectiveUntil");
        }

        /** Kinds of entry (GMC and NMC fitness-to-practise outcomes). */
        public enum Kind {
            /** Conditions of practice. */
            CONDITIONS,
            /** Interim conditions of practice. */
            INTERIM_CONDITIONS,
            /** Undertakings agreed with the regulator. */
            UNDERTAKINGS,
            /** A warning. */
            WARNING,
            /** A caution order (NMC). */
            CAUTION,
            /** A sanction or hearing pending. */
            SANCTION_PENDING
        }
    }
}
