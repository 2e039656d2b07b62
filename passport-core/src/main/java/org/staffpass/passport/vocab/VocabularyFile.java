package org.staffpass.passport.vocab;

import java.util.List;
import java.util.Objects;

/**
 * One bundled vocabulary data file: its name, version and sources. Immutable.
 *
 * @param name    the vocabulary's name (also the file name without {@code .json})
 * @param version the file's version; it grows whenever an entry changes meaning or is removed
 * @param sources the documents its entries come from (never empty)
 * @since 0.1
 */
public record VocabularyFile(String name, int version, List<VocabularySource> sources) {
    public VocabularyFile {
        Objects.requireNonNull(name, "name");
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a vocabulary names at least one source");
        }
    }
}
