package org.staffpass.passport;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.staffpass.passport.credential.Credential;
import org.staffpass.passport.credential.DbsCheck;
import org.staffpass.passport.credential.Employment;
import org.staffpass.passport.credential.Grade;
import org.staffpass.passport.credential.IdentityVerification;
import org.staffpass.passport.credential.MandatoryTraining;
import org.staffpass.passport.credential.OccupationalHealth;
import org.staffpass.passport.credential.ProfessionalRegistration;
import org.staffpass.passport.credential.RightToWork;
import org.staffpass.passport.credential.Specialty;

/**
 * An accepted presentation: every credential passed every check, all are bound to one holder
 * key, and there is at most one of each type. Only {@link PassportVerifier} makes one.
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class VerifiedPassport implements PassportVerification {
    private final String holderKeyThumbprint;
    private final List<VerifiedCredential<? extends Credential>> credentials;

    VerifiedPassport(String holderKeyThumbprint, List<VerifiedCredential<? extends Credential>> credentials) {
        this.holderKeyThumbprint = Objects.requireNonNull(holderKeyThumbprint, "holderKeyThumbprint");
        this.credentials = List.copyOf(credentials);
    }

    /** The RFC 7638 thumbprint of the holder key every credential is bound to. */
    public String holderKeyThumbprint() {
        return holderKeyThumbprint;
    }

    /** Every credential, in the order presented. */
    public List<VerifiedCredential<? extends Credential>> credentials() {
        return credentials;
    }

    /** The credential of record type {@code type}, if presented. */
    @SuppressWarnings("unchecked")
    public <T extends Credential> Optional<VerifiedCredential<T>> credential(Class<T> type) {
        for (VerifiedCredential<? extends Credential> credential : credentials) {
            if (type.isInstance(credential.credential())) {
                return Optional.of((VerifiedCredential<T>) credential);
            }
        }
        return Optional.empty();
    }

    /** The identity verification, if presented. */
    public Optional<VerifiedCredential<IdentityVerification>> identityVerification() {
        return credential(IdentityVerification.class);
    }

    /** The right to work, if presented. */
    public Optional<VerifiedCredential<RightToWork>> rightToWork() {
        return credential(RightToWork.class);
    }

    /** The professional registration, if presented. */
    public Optional<VerifiedCredential<ProfessionalRegistration>> professionalRegistration() {
        return credential(ProfessionalRegistration.class);
    }

    /** The DBS check, if presented. */
    public Optional<VerifiedCredential<DbsCheck>> dbsCheck() {
        return credential(DbsCheck.class);
    }

    /** The occupational-health clearance, if presented. */
    public Optional<VerifiedCredential<OccupationalHealth>> occupationalHealth() {
        return credential(OccupationalHealth.class);
    }

    /** The mandatory training, if presented. */
    public Optional<VerifiedCredential<MandatoryTraining>> mandatoryTraining() {
        return credential(MandatoryTraining.class);
    }

    /** The grade, if presented. */
    public Optional<VerifiedCredential<Grade>> grade() {
        return credential(Grade.class);
    }

    /** The specialty, if presented. */
    public Optional<VerifiedCredential<Specialty>> specialty() {
        return credential(Specialty.class);
    }

    /** The employment, if presented. */
    public Optional<VerifiedCredential<Employment>> employment() {
        return credential(Employment.class);
    }

    @Override
    public String toString() {
        return "VerifiedPassport" + credentials;
    }
}
