package org.staffpass.crypto;

import java.nio.file.Path;

/** Locates files of the repository (docs, shared vectors) from a module's test run. */
final class RepositoryFiles {
    private RepositoryFiles() {
    }

    /** The repository root (see {@link org.staffpass.testing.Repository#root()}). */
    static Path root() {
        return org.staffpass.testing.Repository.root();
    }
}
