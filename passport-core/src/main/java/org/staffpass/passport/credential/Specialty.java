package org.staffpass.passport.credential;

import jakarta.validation.Valid;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.staffpass.passport.internal.ClaimLimits;
import org.staffpass.passport.vocab.LifeSupportCode;
import org.staffpass.passport.vocab.SpecialtyCode;

/**
 * A worker's specialties, life-support certificates and other competencies. Immutable.
 *
 * <p>Specialties are always visible; each certificate and competency is selectively
 * disclosable. Rules: at least one specialty, none repeated ({@code COLLECTION_SIZE},
 * {@code DUPLICATE_ENTRY}); specialty and certificate codes from the vocabularies
 * ({@code UNKNOWN_SPECIALTY}, {@code UNKNOWN_LIFE_SUPPORT}); one certificate per type and
 * one competency per code ({@code DUPLICATE_ENTRY}); expiry after issue or attainment
 * ({@code DATE_ORDER}).
 *
 * @param specialties  specialty codes
 * @param lifeSupport  life-support certificates
 * @param competencies other competencies, under issuer-local codes
 * @since 0.1
 */
@CredentialRules
public record Specialty(
        @Size(min = 1, max = ClaimLimits.MAX_SPECIALTIES) List<@Known SpecialtyCode> specialties,
        @Size(max = ClaimLimits.MAX_ITEMS) List<@Valid LifeSupportCertificate> lifeSupport,
        @Size(max = ClaimLimits.MAX_ITEMS) List<@Valid Competency> competencies) implements Credential {

    /** The {@code vct} of specialty credentials. */
    public static final String VCT = "https://staffpass.example/vct/specialty/v1";

    public Specialty {
        specialties = List.copyOf(specialties);
        lifeSupport = List.copyOf(lifeSupport);
        competencies = List.copyOf(competencies);
    }

    @Override
    public CredentialType credentialType() {
        return CredentialType.SPECIALTY;
    }

    /**
     * A life-support certificate. Immutable.
     *
     * @param type      the certificate type (vocabulary code)
     * @param issuedOn  the course date (not in the future)
     * @param expiresOn when it expires (after the course)
     */
    @CredentialRules
    public record LifeSupportCertificate(@Known LifeSupportCode type, @PastOrPresent LocalDate issuedOn,
            LocalDate expiresOn) {
        public LifeSupportCertificate {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(issuedOn, "issuedOn");
            Objects.requireNonNull(expiresOn, "expiresOn");
        }
    }

    /**
     * A competency the issuer attests under its own code (not a national vocabulary).
     * Immutable.
     *
     * @param code       issuer-local code (A-Z, 0-9, _)
     * @param title      what the competency is
     * @param attainedOn when it was attained (not in the future)
     * @param expiresOn  when it lapses, if it does (after attainment)
     */
    @CredentialRules
    public record Competency(
            @Pattern(regexp = ClaimLimits.COMPETENCY_CODE) String code,
            @Size(min = 1, max = ClaimLimits.TITLE_MAX) @Pattern(regexp = ClaimLimits.PLAIN_TEXT) String title,
            @PastOrPresent LocalDate attainedOn,
            Optional<LocalDate> expiresOn) {
        public Competency {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(attainedOn, "attainedOn");
            Objects.requireNonNull(expiresOn, "expiresOn");
        }
    }
}
