package org.staffpass.passport;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.passport.credential.CredentialProblem;

/**
 * One reason a presentation was refused. Immutable.
 *
 * @param credentialIndex which credential of the presentation (from 0); empty when the reason
 *                        is about the document as a whole
 * @param vct             the credential's {@code vct} when it could be read (unverified if the
 *                        signature failed)
 * @param code            a {@link ReasonCode} (envelope, signature, trust, status list), a
 *                        {@link PassportProblem} (status value, holder binding, document) or a
 *                        {@link CredentialProblem} (content)
 * @param path            for a content problem, the JSON Pointer into the credential's claims;
 *                        otherwise {@code ""}
 * @param message         a sentence naming the field; never key material or claim values
 * @since 0.1
 */
public record PassportFailure(OptionalInt credentialIndex, Optional<String> vct, Enum<?> code, String path,
                              String message) {
    /**
     * @throws IllegalArgumentException if {@code code} is none of the three code types
     */
    public PassportFailure {
        Objects.requireNonNull(credentialIndex, "credentialIndex");
        Objects.requireNonNull(vct, "vct");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        if (!(code instanceof ReasonCode || code instanceof PassportProblem || code instanceof CredentialProblem)) {
            throw new IllegalArgumentException("code must be a ReasonCode, PassportProblem or CredentialProblem");
        }
    }

    /** The code's name, as printed and logged. */
    public String codeName() {
        return code.name();
    }

    @Override
    public String toString() {
        return (credentialIndex.isPresent() ? "credential " + credentialIndex.getAsInt() : "presentation") + ": "
                + code.name() + (path.isEmpty() ? "" : " at " + path) + " (" + message + ")";
    }
}
