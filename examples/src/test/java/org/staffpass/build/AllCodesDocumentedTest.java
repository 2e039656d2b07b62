package org.staffpass.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.staffpass.testing.Repository;

/**
 * docs/reason-codes.md lists every code family beside crypto's ReasonCode (which
 * ReasonCodeDocTest checks): each "### ... (`class`)" section must list exactly that enum's
 * constants, and every public code enum of the API must have a section.
 */
class AllCodesDocumentedTest {
    private static final List<String> FAMILIES = List.of("org.staffpass.passport.PassportProblem",
            "org.staffpass.passport.credential.CredentialProblem", "org.staffpass.rules.PolicyProblem",
            "org.staffpass.rules.PassportFacts.Problem", "org.staffpass.rules.RuleCode",
            "org.staffpass.rules.Shift.TimeProblem", "org.staffpass.rules.audit.AuditProblem",
            "org.staffpass.rules.audit.ReplayProblem");
    private static final Pattern SECTION = Pattern.compile("^### .*\\(`([a-zA-Z.]+)`\\)$");
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z][A-Z0-9_]*)` \\|");

    @Test
    void everyFamilyIsListedInFullAndNothingElse() throws Exception {
        Path root = Repository.root();
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        String current = null;
        for (String line : Files.readAllLines(root.resolve("docs/reason-codes.md"))) {
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                current = section.group(1);
                documented.put(current, new LinkedHashSet<>());
                continue;
            }
            if (line.startsWith("## ")) {
                current = null;
            }
            Matcher row = ROW.matcher(line);
            if (current != null && row.find()) {
                assertTrue(documented.get(current).add(row.group(1)), current + " lists " + row.group(1) + " twice");
            }
        }
        assertEquals(FAMILIES, List.copyOf(documented.keySet()), "one section per family, in this order");
        for (String family : FAMILIES) {
            int dot = family.lastIndexOf('.');
            String binary = Character.isUpperCase(family.charAt(family.lastIndexOf('.', dot - 1) + 1))
                    ? family.substring(0, dot) + "$" + family.substring(dot + 1) : family;
            Set<String> constants = new LinkedHashSet<>();
            for (Object constant : Class.forName(binary).getEnumConstants()) {
                constants.add(((Enum<?>) constant).name());
            }
            assertEquals(constants, documented.get(family), family);
        }
    }
}
