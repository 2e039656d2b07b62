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

    /**
     * One line: {@code CODE at /json/pointer: message}. The pointer holds member names from the
     * document, so anything but printable ASCII is shown as a backslash-u escape and it is cut at
     * 200 characters: a crafted name can neither forge a second line nor flood the output.
     */
    @Override
    public String toString() {
        return problem + " at " + (pointer.isEmpty() ? "/" : printable(pointer)) + ": " + message;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 200; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.length() >= 200 && text.length() > 200 ? out + "..." : out.toString();
    }
}
