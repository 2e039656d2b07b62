package org.staffpass.passport.credential;

import java.util.Objects;

/**
 * One problem found in a credential or its claims. Immutable.
 *
 * @param problem the stable code
 * @param path    a JSON Pointer (RFC 6901) into the claims object, {@code ""} for the whole
 *                object, e.g. {@code /subjects/2/expires_on}
 * @param message a human sentence naming the field; it never quotes the claim's value
 * @since 0.1
 */
public record CredentialViolation(CredentialProblem problem, String path, String message) {
    public CredentialViolation {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** A violation whose message is the problem's description at the path. */
    public static CredentialViolation of(CredentialProblem problem, String path) {
        return new CredentialViolation(problem, path, (path.isEmpty() ? "claims" : path) + ": " + problem.description());
    }

    @Override
    public String toString() {
        return problem + " at " + (path.isEmpty() ? "/" : path) + " (" + message + ")";
    }
}
