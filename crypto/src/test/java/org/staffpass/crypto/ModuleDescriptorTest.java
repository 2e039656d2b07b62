package org.staffpass.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.stream.Stream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module exports its API packages and nothing else: internal stays internal. */
class ModuleDescriptorTest {

    @Test
    void exportsOnlyApiPackagesUnqualified() throws IOException, URISyntaxException {
        // The descriptor compiled beside our classes, not the first module-info on the class path.
        Path classes = Path.of(VerificationKey.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in, () -> packagesUnder(classes));
        }
        assertEquals("org.staffpass.crypto", descriptor.name());
        // Internals may be shared with Staffpass's own modules only, never exported to all.
        descriptor.exports().stream().filter(ModuleDescriptor.Exports::isQualified).forEach(export ->
                assertTrue(export.targets().stream().allMatch(t -> t.startsWith("org.staffpass.")), "qualified export " + export));
        Set<String> exported = descriptor.exports().stream()
                .filter(export -> !export.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        assertTrue(exported.contains("org.staffpass.crypto"), exported.toString());
        for (String pkg : exported) {
            assertTrue(!pkg.contains(".internal"), "internal package exported: " + pkg);
        }
        Set<String> internal = descriptor.packages().stream().filter(p -> p.contains(".internal")).collect(Collectors.toSet());
        assertTrue(!internal.isEmpty(), "the module has internal packages, and they are not exported");
        assertTrue(descriptor.opens().isEmpty(), "no package is opened for reflection");
    }

    private static Set<String> packagesUnder(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.endsWith("module-info.class"))
                    .map(f -> classes.relativize(f.getParent()).toString().replace(java.io.File.separatorChar, '.'))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
