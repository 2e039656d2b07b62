package org.staffpass.crypto;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the official test-vector files; missing vectors fail the test, never skip it. */
final class Vectors {
    private Vectors() {
    }

    /** A file under {@code wycheproof/} of the vectors directory. */
    static Path wycheproof(String file) {
        Path path = directory().resolve("wycheproof").resolve(file);
        if (!Files.isRegularFile(path)) {
            fail("Wycheproof vector file missing: " + path);
        }
        return path;
    }

    /**
     * The {@code staffpass.vectors} directory set by crypto/pom.xml; if that does not exist
     * (a git worktree sits one level deeper than the main checkout, so {@code ../shared}
     * points elsewhere), the first {@code shared/vectors} found walking up from the working
     * directory.
     */
    static Path directory() {
        List<Path> tried = new ArrayList<>();
        String configured = System.getProperty("staffpass.vectors", "");
        if (!configured.isBlank()) {
            Path path = Path.of(configured).toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                return path;
            }
            tried.add(path);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("vectors");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            tried.add(candidate);
        }
        return fail("official test vectors not found; looked in " + tried);
    }
}
