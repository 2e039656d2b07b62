package org.staffpass.passport.credential;

/**
 * A staff-passport credential: the typed content of one SD-JWT VC. Each implementation is an
 * immutable record with a stable {@code vct} ({@link CredentialType#vct()}).
 *
 * <p>Records accept any non-null values so that bad data can be represented and reported:
 * whether a credential is acceptable is the job of {@link CredentialValidator}, which lists
 * every violation with a code and JSON path. Constructors throw only for programmer errors
 * (a null argument).
 *
 * @since 0.1
 */
public sealed interface Credential permits IdentityVerification, RightToWork, ProfessionalRegistration, DbsCheck,
        OccupationalHealth, MandatoryTraining, Grade, Specialty, Employment {

    /** The credential's type. */
    CredentialType credentialType();
}
