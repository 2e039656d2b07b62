package org.staffpass.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every example policy's embedded cases hold (every JSON file directly under
 * examples/policies, so a new example policy is picked up without touching this test), and in
 * each policy together they exercise every family.
 */
class EmbeddedExamplesTest {
    /** Each policy's cases must fail at least one rule of each of these families. */
    private static final String[] FAMILIES = {"CREDENTIAL_", "REGISTRATION_", "GRADE_", "SPECIALTY_", "LIFE_SUPPORT_",
        "COMPLIANCE_", "WORKING_TIME_", "RESTRICTION_", "RATE_", "FACT_NOT_DISCLOSED", "POLICY_NOT_EFFECTIVE"};

    static List<Path> examplePolicies() throws IOException {
        try (Stream<Path> files = Files.list(PolicyFiles.REPOSITORY.resolve("examples/policies"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void thereAreTheDoctorsAndTheNursingPolicies() throws IOException {
        List<String> names = examplePolicies().stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.contains("regional-doctors-bank.json"), names.toString());
        assertTrue(names.contains("regional-nursing-ahp-bank.json"), names.toString());
    }

    @Test
    void everyCaseOfEveryExamplePolicyPassesAndTheCasesCoverEveryFamily() throws IOException {
        for (Path file : examplePolicies()) {
            String name = file.getFileName().toString();
            Policy policy = PolicyFiles.valid(Files.readString(file));
            assertTrue(policy.examples().size() >= 15, name + " has at least 15 cases (issue 5)");
            Set<RuleCode> seen = EnumSet.noneOf(RuleCode.class);
            for (Policy.Example example : policy.examples()) {
                Decision d = example.decide(policy);
                Set<RuleCode> failing = d.findings().stream().filter(f -> !f.passed()).map(Finding::code)
                        .collect(Collectors.toCollection(TreeSet::new));
                assertEquals(example.expect(), d.outcome(), name + ": " + example.name() + ": " + failing);
                example.expectFailing().ifPresent(codes -> assertEquals(new TreeSet<>(codes), failing,
                        name + ": " + example.name()));
                seen.addAll(failing);
            }
            for (String family : FAMILIES) {
                assertTrue(seen.stream().anyMatch(c -> c.name().startsWith(family)),
                        name + ": no case fails a " + family + " rule");
            }
        }
    }
}
