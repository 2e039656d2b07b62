package org.staffpass.passport.credential;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The credential types of a staff passport, each with its {@code vct} (SD-JWT VC type) and
 * the claims a holder may disclose selectively.
 *
 * <p>A {@code vct} is {@code https://staffpass.example/vct/<type>/v<major>}. Claims are read
 * with an allow-list, so any change to a type's claims (even an added optional claim) is a
 * new major version and a new {@code vct}; the old one stays readable.
 *
 * <p>{@link #selectivelyDisclosable()} lists JSON Pointers (RFC 6901) into the claims object;
 * a last token {@code *} means "each element of this array, separately". Claims not listed
 * are always visible. Claims whose absence would read as good news (registration conditions,
 * barred lists, clearance outcomes) are never selectively disclosable: a holder must not be
 * able to hide them.
 *
 * @since 0.1
 */
public enum CredentialType {
    /** Identity check: level, method and date, with minimal personal data. */
    IDENTITY_VERIFICATION(IdentityVerification.VCT, IdentityVerification.class,
            List.of("/given_name", "/family_name", "/birthdate")),
    /** Right to work in the UK: unlimited, or time-limited with its end date. */
    RIGHT_TO_WORK(RightToWork.VCT, RightToWork.class, List.of()),
    /** Registration with a professional regulator (GMC, NMC, HCPC, GPhC). */
    PROFESSIONAL_REGISTRATION(ProfessionalRegistration.VCT, ProfessionalRegistration.class,
            List.of("/registration_number")),
    /** A DBS check and the employer's clearance decision (never the certificate's content). */
    DBS_CHECK(DbsCheck.VCT, DbsCheck.class, List.of("/certificate_number")),
    /** Occupational-health clearance, exposure-prone procedures and immunisation evidence. */
    OCCUPATIONAL_HEALTH(OccupationalHealth.VCT, OccupationalHealth.class, List.of("/immunisations/*")),
    /** Statutory and mandatory training (CSTF subjects and Oliver McGowan tiers). */
    MANDATORY_TRAINING(MandatoryTraining.VCT, MandatoryTraining.class, List.of("/subjects/*")),
    /** Staff group and grade or band, with the period it applies to. */
    GRADE(Grade.VCT, Grade.class, List.of()),
    /** Specialties, life-support certificates and other competencies. */
    SPECIALTY(Specialty.VCT, Specialty.class, List.of("/life_support/*", "/competencies/*")),
    /** Employing organisation, kind of employment and rotation placements. */
    EMPLOYMENT(Employment.VCT, Employment.class, List.of("/placements/*"));

    private final String vct;
    private final Class<? extends Credential> recordType;
    private final List<String> selectivelyDisclosable;

    CredentialType(String vct, Class<? extends Credential> recordType, List<String> selectivelyDisclosable) {
        this.vct = vct;
        this.recordType = recordType;
        this.selectivelyDisclosable = List.copyOf(selectivelyDisclosable);
    }

    /** The {@code vct} claim value of this type. */
    public String vct() {
        return vct;
    }

    /** The record class that carries this type. */
    public Class<? extends Credential> recordType() {
        return recordType;
    }

    /** JSON Pointers of the claims a holder may disclose selectively (see the class comment). */
    public List<String> selectivelyDisclosable() {
        return selectivelyDisclosable;
    }

    /** The type whose {@code vct} is exactly {@code vct}. */
    public static Optional<CredentialType> fromVct(String vct) {
        Objects.requireNonNull(vct, "vct");
        for (CredentialType type : values()) {
            if (type.vct.equals(vct)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
