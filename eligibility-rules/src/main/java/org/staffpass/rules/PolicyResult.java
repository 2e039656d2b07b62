package org.staffpass.rules;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link Policy#parse(String)}: a valid policy, or every problem found (never
 * just the first). Immutable.
 *
 * @since 0.1
 */
public sealed interface PolicyResult {
    /** A policy that passed every check. */
    record Valid(Policy policy) implements PolicyResult {
        public Valid {
            Objects.requireNonNull(policy, "policy");
        }
    }

    /** A refused document with all its problems, in document order (never empty). */
    record Invalid(List<PolicyIssue> issues) implements PolicyResult {
        public Invalid {
            issues = List.copyOf(issues);
            if (issues.isEmpty()) {
                throw new IllegalArgumentException("an invalid policy has at least one issue");
            }
        }
    }

    /** Whether the policy is valid. */
    default boolean isValid() {
        return this instanceof Valid;
    }
}
