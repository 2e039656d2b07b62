package org.staffpass.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads repository files (example policy, schema, docs) from tests. */
final class PolicyFiles {
    static final Path REPOSITORY = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).getParent();

    private PolicyFiles() {
    }

    static String read(String relative) {
        try {
            return Files.readString(REPOSITORY.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String examplePolicy() {
        return read("examples/policies/regional-doctors-bank.json");
    }

    static Policy valid(String json) {
        PolicyResult result = Policy.parse(json);
        if (result instanceof PolicyResult.Invalid invalid) {
            throw new AssertionError("expected a valid policy: " + invalid.issues());
        }
        return ((PolicyResult.Valid) result).policy();
    }
}
