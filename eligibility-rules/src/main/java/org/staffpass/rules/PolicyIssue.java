package org.staffpass.rules;

import java.util.Objects;

/**
 * One problem the validator found in a policy document. Immutable.
 *
 * @param problem the stable reason code
 * @param pointer RFC 6901 JSON Pointer of the offending node ({@code ""} for the whole document)
 * @param message what is wrong, naming the member; untrusted text is quoted and cut short
 * @since 0.1
 */
public record PolicyIssue(PolicyProblem problem, String pointer, String message) {
    public PolicyIssue {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    /** One line: {@code CODE at /json/pointer: message}. */
    @Override
    public String toString() {
        return problem + " at " + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
