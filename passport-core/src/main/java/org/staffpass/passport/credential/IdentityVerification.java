package org.staffpass.passport.credential;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.valueextraction.Unwrapping;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.staffpass.passport.internal.ClaimLimits;

/**
 * An identity check (NHS Employment Check Standards: identity): how confident, how it was
 * done and when, with the least personal data that lets a receiving trust match the person.
 * The issuer (the SD-JWT {@code iss}) is who did the check. Immutable.
 *
 * <p>Name and date of birth are selectively disclosable, so they are {@link Optional} here: a
 * verifier sees only what the holder disclosed. An issuer must supply them
 * ({@link CredentialValidator#validateForIssue}).
 *
 * @param givenName  given name(s) as on the identity documents
 * @param familyName family name as on the identity documents
 * @param birthdate  date of birth (before the check)
 * @param level      the level of confidence the check reached
 * @param method     how the documents were checked
 * @param checkedOn  the date of the check (not in the future)
 * @since 0.1
 */
@CredentialRules
public record IdentityVerification(
        @NotNull(groups = IssuanceChecks.class, payload = Unwrapping.Unwrap.class)
        Optional<@Size(min = 1, max = ClaimLimits.NAME_MAX) @Pattern(regexp = ClaimLimits.PLAIN_TEXT) String> givenName,
        @NotNull(groups = IssuanceChecks.class, payload = Unwrapping.Unwrap.class)
        Optional<@Size(min = 1, max = ClaimLimits.NAME_MAX) @Pattern(regexp = ClaimLimits.PLAIN_TEXT) String> familyName,
        @NotNull(groups = IssuanceChecks.class, payload = Unwrapping.Unwrap.class)
        Optional<LocalDate> birthdate,
        Level level,
        Method method,
        @PastOrPresent LocalDate checkedOn) implements Credential {

    /** The {@code vct} of identity-verification credentials. */
    public static final String VCT = "https://staffpass.example/vct/identity-verification/v1";

    public IdentityVerification {
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(birthdate, "birthdate");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(checkedOn, "checkedOn");
    }

    @Override
    public CredentialType credentialType() {
        return CredentialType.IDENTITY_VERIFICATION;
    }

    /**
     * Level of confidence in the identity, after the UK digital identity and attributes trust
     * framework's GPG 45 levels (the mapping of NHS checks to these levels is UNCONFIRMED).
     */
    public enum Level {
        /** Low confidence. */
        LOW,
        /** Medium confidence (the usual level for employment checks). */
        MEDIUM,
        /** High confidence. */
        HIGH,
        /** Very high confidence. */
        VERY_HIGH
    }

    /** How the identity documents were checked. */
    public enum Method {
        /** Original documents seen in person. */
        IN_PERSON_ORIGINAL_DOCUMENTS,
        /** Identity document validation technology assisting the check. */
        IDENTITY_DOCUMENT_VALIDATION_TECHNOLOGY,
        /** A certified digital identity service provider. */
        DIGITAL_IDENTITY_SERVICE
    }
}
