package org.staffpass.rules;

import java.util.Objects;
import java.util.Optional;

/**
 * An approval a decision needs: which role must approve, which rule asked for it and why, and
 * the recorded approval already supplied, if any (break glass). Immutable.
 *
 * @param role     the role that must approve
 * @param ruleId   the rule that asked (JSON Pointer into the policy)
 * @param code     the finding's reason code (the why)
 * @param recorded the break-glass approval the decision relied on, if any
 * @since 0.1
 */
public record Approval(String role, String ruleId, RuleCode code, Optional<BreakGlass> recorded) {
    public Approval {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(recorded, "recorded");
    }
}
