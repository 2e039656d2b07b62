package org.staffpass.rules;

import java.time.Instant;
import java.util.Objects;

/**
 * A recorded break-glass approval: a named approver in a senior role allowed an offer above the
 * price cap (or above every escalation tier) on exceptional patient-safety grounds (DOMAIN.md
 * section 7). The evaluator accepts it only for the policy's {@code rates.breakGlassRole} and
 * only if recorded at or before the decision instant; a decision that relied on it carries it,
 * so an audit record shows who broke glass, when and why. Immutable.
 *
 * @param role       the approver's role (must equal the policy's break-glass role)
 * @param approverId who approved (a staff or account identifier, 1-100 printable characters)
 * @param reason     why (1-500 printable characters)
 * @param approvedAt when the approval was recorded
 * @since 0.1
 */
public record BreakGlass(String role, String approverId, String reason, Instant approvedAt) {
    public BreakGlass {
        check(role, "role", 100);
        check(approverId, "approverId", 100);
        check(reason, "reason", 500);
        Objects.requireNonNull(approvedAt, "approvedAt");
    }

    private static void check(String value, String name, int max) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty() || value.length() > max || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + " printable ASCII characters");
        }
    }
}
