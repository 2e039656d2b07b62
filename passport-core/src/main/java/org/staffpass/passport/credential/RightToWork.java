package org.staffpass.passport.credential;

import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The right to work in the UK (NHS Employment Check Standards: right to work). Immutable.
 *
 * <p>Rules: a {@link Permission#TIME_LIMITED} permission has an end date
 * ({@code RIGHT_TO_WORK_END_DATE_REQUIRED}); an {@link Permission#UNLIMITED} one has none
 * ({@code RIGHT_TO_WORK_END_DATE_NOT_ALLOWED}); the end date is after the check
 * ({@code DATE_ORDER}).
 *
 * @param permission  unlimited or time-limited
 * @param expiresOn   the last day of a time-limited permission
 * @param checkMethod how the right to work was checked
 * @param checkedOn   the date of the check (not in the future)
 * @since 0.1
 */
@CredentialRules
public record RightToWork(
        Permission permission,
        Optional<LocalDate> expiresOn,
        CheckMethod checkMethod,
        @PastOrPresent LocalDate checkedOn) implements Credential {

    /** The {@code vct} of right-to-work credentials. */
    public static final String VCT = "https://staffpass.example/vct/right-to-work/v1";

    public RightToWork {
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(expiresOn, "expiresOn");
        Objects.requireNonNull(checkMethod, "checkMethod");
        Objects.requireNonNull(checkedOn, "checkedOn");
    }

    @Override
    public CredentialType credentialType() {
        return CredentialType.RIGHT_TO_WORK;
    }

    /** The kind of permission. */
    public enum Permission {
        /** No time limit (British or Irish citizen, settled status, indefinite leave). */
        UNLIMITED,
        /** Permission that ends; recheck before it does. */
        TIME_LIMITED
    }

    /** How the right to work was checked (Home Office check types; UNCONFIRMED list). */
    public enum CheckMethod {
        /** Original documents checked by the employer. */
        MANUAL_DOCUMENT_CHECK,
        /** A certified identity service provider (British and Irish passports). */
        IDENTITY_SERVICE_PROVIDER,
        /** The Home Office online right-to-work service (share code). */
        HOME_OFFICE_ONLINE_CHECK
    }
}
