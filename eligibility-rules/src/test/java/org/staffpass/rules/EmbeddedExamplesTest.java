package org.staffpass.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The example policy's embedded cases hold, and together they exercise every family. */
class EmbeddedExamplesTest {
    @Test
    void everyCasePassesAndTheCasesCoverEveryFamily() {
        Policy policy = PolicyFiles.valid(PolicyFiles.examplePolicy());
        Set<RuleCode> seen = EnumSet.noneOf(RuleCode.class);
        for (Policy.Example example : policy.examples()) {
            Decision d = example.decide(policy);
            Set<RuleCode> failing = d.findings().stream().filter(f -> !f.passed()).map(Finding::code)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(example.expect(), d.outcome(), example.name() + ": " + failing);
            example.expectFailing().ifPresent(codes -> assertEquals(new TreeSet<>(codes), failing, example.name()));
            seen.addAll(failing);
        }
        for (String family : new String[] {"CREDENTIAL_", "REGISTRATION_", "GRADE_", "SPECIALTY_", "LIFE_SUPPORT_",
            "COMPLIANCE_", "WORKING_TIME_", "RESTRICTION_", "RATE_", "FACT_NOT_DISCLOSED", "POLICY_NOT_EFFECTIVE"}) {
            assertTrue(seen.stream().anyMatch(c -> c.name().startsWith(family)), "no case fails a " + family + " rule");
        }
    }
}
