package org.staffpass.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** docs/policy-language.md lists every PolicyProblem and RuleCode in its tables. */
class CodesDocumentedTest {
    private static final String DOC = PolicyFiles.read("docs/policy-language.md");

    @Test
    void everyPolicyProblemHasARow() {
        for (PolicyProblem problem : PolicyProblem.values()) {
            assertTrue(DOC.contains("| `" + problem.name() + "` |"), problem + " is missing from docs/policy-language.md");
        }
    }

    @Test
    void everyRuleCodeHasARow() {
        for (RuleCode code : RuleCode.values()) {
            assertTrue(DOC.contains("| `" + code.name() + "` |"), code + " is missing from docs/policy-language.md");
        }
    }
}
