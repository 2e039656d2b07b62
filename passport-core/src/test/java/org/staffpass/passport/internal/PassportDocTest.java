package org.staffpass.passport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.staffpass.passport.credential.CredentialProblem;
import org.staffpass.passport.credential.CredentialResult;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.CredentialValidator;
import org.staffpass.passport.credential.DbsCheck;
import org.staffpass.passport.vocab.Vocabularies;

/** docs/passport.md lists every problem code, every type with its vct and claims, and a sample that reads. */
class PassportDocTest {

    private static String doc() throws Exception {
        return Files.readString(CredentialSchemaTest.repository().resolve("docs/passport.md"), StandardCharsets.UTF_8);
    }

    /** The codes in the first column of the tables of section {@code heading}, up to the next section. */
    private static Set<String> codesOfSection(String doc, String heading) {
        int start = doc.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "no section " + heading);
        int end = doc.indexOf("\n## ", start + 1);
        String table = doc.substring(start, end < 0 ? doc.length() : end);
        Set<String> rows = new HashSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\|").matcher(table);
        while (row.find()) {
            rows.add(row.group(1));
        }
        return rows;
    }

    @Test
    void problemCodeTableMatchesTheEnum() throws Exception {
        assertEquals(Arrays.stream(CredentialProblem.values()).map(Enum::name).collect(Collectors.toSet()),
                codesOfSection(doc(), "## Problem codes"));
    }

    @Test
    void passportCodeTableMatchesTheEnum() throws Exception {
        assertEquals(Arrays.stream(org.staffpass.passport.PassportProblem.values()).map(Enum::name)
                .collect(Collectors.toSet()), codesOfSection(doc(), "## Passport codes"));
    }

    @Test
    void everyTypeSectionNamesItsVctAndEveryClaim() throws Exception {
        String doc = doc();
        for (CredentialType type : CredentialType.values()) {
            String name = CredentialSchemaTest.typeName(type);
            int start = doc.indexOf("<!-- type: " + name + " -->");
            assertTrue(start >= 0, "no section for " + name);
            int end = doc.indexOf("<!-- type:", start + 1);
            String section = doc.substring(start, end < 0 ? doc.indexOf("## Sample claims") : end);
            assertTrue(section.contains("`" + type.vct() + "`"), name + " vct");
            CredentialCodec<?> codec = Codecs.of(type);
            for (String claim : codec.shape().members()) {
                assertTrue(section.contains("| `" + claim + "` |"), name + " claim " + claim);
                boolean disclosable = type.selectivelyDisclosable().contains("/" + claim);
                boolean each = type.selectivelyDisclosable().contains("/" + claim + "/*");
                String disclosure = each ? "| SD each |" : disclosable ? "| SD |" : "| V |";
                assertTrue(section.lines().anyMatch(l -> l.startsWith("| `" + claim + "` |") && l.contains(disclosure)),
                        name + " claim " + claim + " disclosure " + disclosure);
            }
            for (ClaimShape nested : codec.nestedShapes()) {
                for (String member : nested.members()) {
                    assertTrue(section.contains("`" + member + "`"), name + " " + nested.name() + "." + member);
                }
            }
        }
    }

    @Test
    void theSampleReadsAndValidates() throws Exception {
        String doc = doc();
        int marker = doc.indexOf("<!-- sample: dbs-check -->");
        int start = doc.indexOf("```json\n", marker) + "```json\n".length();
        String sample = doc.substring(start, doc.indexOf("```", start)).trim();
        CredentialValidator validator = CredentialValidator.create(Vocabularies.standard(),
                Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC));
        CredentialResult<DbsCheck> read = validator.read(
                StrictJsonReader.readObject(sample.getBytes(StandardCharsets.UTF_8), "sample"), DbsCheck.class);
        assertEquals(List.of(), read.violations());
        assertEquals(sample, StrictJsonReader.write(org.staffpass.passport.credential.CredentialClaims.toClaims(read.value())));
    }
}
