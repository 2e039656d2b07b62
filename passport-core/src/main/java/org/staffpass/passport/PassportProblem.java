package org.staffpass.passport;

/**
 * Stable codes for refusals that belong to the passport layer, beside crypto's
 * {@link org.staffpass.crypto.ReasonCode} (envelope, signature, trust, status list) and
 * {@link org.staffpass.passport.credential.CredentialProblem} (content). Codes are only ever
 * added, never renamed; docs/passport.md lists each ({@code PassportDocTest} checks it).
 *
 * @since 0.1
 */
public enum PassportProblem {
    /** The credential's status list entry is INVALID (0x01): revoked for good. */
    CREDENTIAL_REVOKED("the credential has been revoked by its issuer"),
    /** The credential's status list entry is SUSPENDED (0x02). */
    CREDENTIAL_SUSPENDED("the credential is suspended by its issuer"),
    /** The credential's status list entry is a value other than VALID, INVALID or SUSPENDED. */
    CREDENTIAL_STATUS_NOT_VALID("the credential's status is neither VALID nor a status this verifier knows"),
    /** The credentials of one presentation are bound to different holder keys. */
    HOLDER_MISMATCH("the credentials of the presentation are bound to different holder keys"),
    /** Two credentials of the same type in one presentation. */
    DUPLICATE_CREDENTIAL_TYPE("the presentation carries two credentials of the same type"),
    /** A presentation with no credential. */
    EMPTY_PRESENTATION("the presentation carries no credential");

    private final String description;

    PassportProblem(String description) {
        this.description = description;
    }

    /** A sentence saying what the code means. */
    public String description() {
        return description;
    }
}
