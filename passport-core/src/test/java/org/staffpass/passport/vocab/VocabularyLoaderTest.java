package org.staffpass.passport.vocab;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The loader is strict: broken bundled files fail loudly, naming file and pointer. The broken
 * files live in test resources beside the real ones (same package, so the same lookup).
 */
class VocabularyLoaderTest {
    private static final Set<String> ENTRY = Set.of("code", "name", "confidence", "note");
    private static final Set<String> REQUIRED = Set.of("code", "name", "confidence");

    private static void loadEntries(String name) {
        VocabularyLoader loader = VocabularyLoader.load(name);
        loader.file(name);
        loader.entries(ENTRY, REQUIRED, e -> e.code(), code -> code);
    }

    @Test
    void duplicateMembersAreRefused() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> loadEntries("test-duplicate-member"));
        assertTrue(e.getMessage().contains("test-duplicate-member.json"), e.getMessage());
    }

    @Test
    void duplicateCodesAreRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loadEntries("test-duplicate-code"));
        assertTrue(e.getMessage().contains("/entries/1/code"), e.getMessage());
    }

    @Test
    void unknownMembersAreRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loadEntries("test-unknown-member"));
        assertTrue(e.getMessage().contains("/entries/0/colour"), e.getMessage());
    }

    @Test
    void aFileWithoutSourcesIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loadEntries("test-no-sources"));
        assertTrue(e.getMessage().contains("/sources"), e.getMessage());
    }

    @Test
    void aMissingFileIsRefused() {
        assertThrows(IllegalStateException.class, () -> VocabularyLoader.load("no-such-vocabulary"));
    }
}
