package org.staffpass.crypto;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates files of the repository (docs, shared vectors) from a module's test run. */
final class RepositoryFiles {
    private RepositoryFiles() {
    }

    /** The repository root: the nearest directory upwards holding both pom.xml and docs/. */
    static Path root() {
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
