package org.staffpass.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository (docs, examples, shared vectors) from any module's test run. */
public final class Repository {
    private Repository() {
    }

    /** The repository root: the nearest directory upwards holding pom.xml, docs/ and crypto/. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("docs"))
                    && Files.isDirectory(dir.resolve("crypto"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
    }
}
