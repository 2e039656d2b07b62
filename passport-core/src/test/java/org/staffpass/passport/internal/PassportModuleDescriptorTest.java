package org.staffpass.passport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.staffpass.passport.credential.CredentialValidator;

/** The module exports its API packages only and opens the records to Hibernate Validator only. */
class PassportModuleDescriptorTest {

    @Test
    void exportsApiAndOpensRecordsToTheValidatorOnly() throws Exception {
        Path classes = Path.of(CredentialValidator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertEquals("org.staffpass.passport", descriptor.name());
        Set<String> exported = descriptor.exports().stream()
                .peek(export -> assertTrue(export.targets().isEmpty(), "qualified export " + export))
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertEquals(Set.of("org.staffpass.passport", "org.staffpass.passport.credential", "org.staffpass.passport.vocab"),
                exported);
        assertEquals(1, descriptor.opens().size());
        ModuleDescriptor.Opens opens = descriptor.opens().iterator().next();
        assertEquals("org.staffpass.passport.credential", opens.source());
        assertEquals(Set.of("org.hibernate.validator"), opens.targets());
    }
}
