package org.staffpass.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/threat-model.md names, for each mitigation, the tests that show it as {@code Class#method}:
 * each must be a method of a test class in some module's src/test/java, so renaming or deleting a
 * test breaks this build instead of leaving the threat model pointing at nothing.
 */
class ThreatModelDocTest {
    private static final Path DOC = ModulePoms.ROOT.resolve("docs/threat-model.md");
    private static final Pattern REFERENCE = Pattern.compile("`([A-Z][A-Za-z0-9]*)#([a-z][A-Za-z0-9]*)`");

    private static String doc() throws IOException {
        return Files.readString(DOC);
    }

    private static List<Path> testSources(String className) {
        List<Path> found = new ArrayList<>();
        for (String module : ModulePoms.moduleNames()) {
            Path tests = ModulePoms.ROOT.resolve(module).resolve("src/test/java");
            if (!Files.isDirectory(tests)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(tests)) {
                files.filter(f -> f.getFileName().toString().equals(className + ".java")).forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    @Test
    void everyReferencedTestExists() throws IOException {
        Set<String> references = new LinkedHashSet<>();
        Matcher m = REFERENCE.matcher(doc());
        while (m.find()) {
            references.add(m.group(1) + "#" + m.group(2));
        }
        assertTrue(references.size() >= 60, "the threat model names its tests: found " + references.size());
        List<String> missing = new ArrayList<>();
        for (String reference : references) {
            String className = reference.substring(0, reference.indexOf('#'));
            String method = reference.substring(reference.indexOf('#') + 1);
            Pattern declaration = Pattern.compile("\\bvoid\\s+" + method + "\\s*\\(");
            boolean declared = testSources(className).stream().anyMatch(file -> {
                try {
                    return declaration.matcher(Files.readString(file)).find();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!declared) {
                missing.add(reference);
            }
        }
        assertEquals(List.of(), missing, "named in docs/threat-model.md but not a test method in src/test/java");
    }

    @Test
    void coversEveryAssetAndAttackerOfTheIssue() throws IOException {
        String doc = doc();
        for (String heading : List.of("### Forging worker", "### Malicious or compromised issuer", "### Replaying verifier",
                "### Insider editing the audit log", "### Network attacker", "### Dodgy agency")) {
            assertTrue(doc.contains("\n" + heading + "\n"), "threat-model.md has a section " + heading);
        }
        for (String asset : List.of("Signing keys", "personal data", "Policies", "audit log")) {
            assertTrue(doc.contains(asset), "threat-model.md names the asset " + asset);
        }
    }

    @Test
    void aMissingTestWouldBeFound() {
        // The check above is only as good as its lookup: a name that is not a test must not pass.
        assertTrue(testSources("PassportAttackTest").size() == 1, "PassportAttackTest is found");
        assertTrue(testSources("NoSuchTest").isEmpty());
    }
}
