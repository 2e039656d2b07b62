package org.staffpass.rules;

import java.util.List;
import java.util.Objects;

/**
 * What one rule concluded, with its evidence, so a decision explains itself. Immutable.
 *
 * @param ruleId   the rule, as a JSON Pointer into the policy ({@code /rules/workingTime/maxShiftHours})
 * @param passed   whether the rule passed
 * @param code     the stable reason code
 * @param expected the limit or requirement, as text ({@code "<= 13 h"})
 * @param actual   what was found ({@code "14 h"}), or empty when undisclosed
 * @param evidence references to what was used (credential ids, shift ids), never claim contents
 * @since 0.1
 */
public record Finding(String ruleId, boolean passed, RuleCode code, String expected, String actual, List<String> evidence) {
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        evidence = List.copyOf(evidence);
    }
}
