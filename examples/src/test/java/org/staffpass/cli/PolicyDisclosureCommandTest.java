package org.staffpass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyDisclosureCommandTest {
    private static final Path REPOSITORY = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).getParent();
    private static final String EXAMPLE = REPOSITORY.resolve("examples/policies/regional-doctors-bank.json").toString();

    @TempDir
    Path dir;

    private String shift(String organisation, String specialty, String channel) throws IOException {
        Path p = dir.resolve("shift-" + organisation + specialty + channel + ".json");
        Files.writeString(p, "{\"organisation\": \"" + organisation + "\", \"site\": \"Main\", \"department\": \"AMU\","
                + " \"specialty\": \"" + specialty + "\", \"minGrade\": \"ST3\", \"maxGrade\": \"ST5\","
                + " \"start\": \"2026-06-10T08:00\", \"end\": \"2026-06-10T17:00\", \"channel\": \"" + channel
                + "\", \"hourlyRate\": \"93.00\", \"bankReleaseAt\": \"2026-06-01T09:00:00Z\"}");
        return p.toString();
    }

    @Test
    void printsOneLinePerTypeWithTheArraysTheShiftNeeds() throws IOException {
        CliRun r = CliRun.of("policy", "disclosure", "--policy", EXAMPLE, "--shift", shift("RTD", "300", "BANK"));
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("IDENTITY_VERIFICATION", "RIGHT_TO_WORK", "PROFESSIONAL_REGISTRATION", "DBS_CHECK",
                "OCCUPATIONAL_HEALTH", "MANDATORY_TRAINING /subjects/*", "GRADE", "SPECIALTY /life_support/*"), r.outLines());
        assertEquals("", r.err());
    }

    @Test
    void jsonNamesTypeVctAndClaims() throws IOException {
        CliRun r = CliRun.of("policy", "disclosure", "--policy", EXAMPLE, "--shift", shift("RTD", "100", "AGENCY"), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode credentials = Json.mapper().readTree(r.out()).get("credentials");
        JsonNode last = credentials.get(credentials.size() - 1);
        assertEquals("EMPLOYMENT", last.get("type").textValue(), "an agency shift at a restricted trust reads employment");
        assertEquals("https://staffpass.example/vct/employment/v1", last.get("vct").textValue());
        JsonNode specialty = credentials.get(credentials.size() - 2);
        assertEquals("/competencies/*", specialty.get("claims").get(0).textValue());
    }

    @Test
    void badInputIsOneAndUsageTwo() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"organisation\": \"RTD\"}");
        CliRun r = CliRun.of("policy", "disclosure", "--policy", EXAMPLE, "--shift", bad.toString());
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("shift file "), r.err());
        assertEquals(2, CliRun.of("policy", "disclosure", "--policy", EXAMPLE).exit());
    }
}
