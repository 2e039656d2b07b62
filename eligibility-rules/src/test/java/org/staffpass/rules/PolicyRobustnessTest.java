package org.staffpass.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.staffpass.testing.Property;

/** Arbitrary input never crashes the validator, and never yields a policy by accident. */
class PolicyRobustnessTest {
    private static final byte[] EXAMPLE = PolicyFiles.examplePolicy().getBytes(StandardCharsets.UTF_8);

    @Test
    void arbitraryBytesAreRefusedWithoutThrowing() {
        Property.forAll("policy parse on random bytes", random -> Property.bytes(random, Property.length(random, 512)),
                bytes -> assertFalse(Policy.parse(bytes).isValid()));
    }

    @Test
    void mutatedExamplePoliciesNeverThrowAndInvalidOnesNameTheirProblems() {
        Property.forAll("policy parse on mutated example", random -> mutate(random, EXAMPLE), bytes -> {
            PolicyResult result = Policy.parse(bytes);
            assertNotNull(result);
            if (result instanceof PolicyResult.Invalid invalid) {
                assertTrue(invalid.issues().stream().allMatch(i -> i.pointer().isEmpty() || i.pointer().startsWith("/")));
            }
        });
    }

    /** Replaces, deletes or inserts a few bytes, mostly JSON punctuation and digits. */
    private static byte[] mutate(Random random, byte[] original) {
        byte[] bytes = original.clone();
        byte[] alphabet = "{}[]\":,0123456789-.aZ \\".getBytes(StandardCharsets.US_ASCII);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            bytes[random.nextInt(bytes.length)] = alphabet[random.nextInt(alphabet.length)];
        }
        return bytes;
    }
}
