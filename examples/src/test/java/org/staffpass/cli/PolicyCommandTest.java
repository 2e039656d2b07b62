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

class PolicyCommandTest {
    private static final Path REPOSITORY = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).getParent();
    private static final String EXAMPLE = REPOSITORY.resolve("examples/policies/regional-doctors-bank.json").toString();

    @TempDir
    Path dir;

    @Test
    void theExamplePolicyChecksValid() {
        CliRun run = CliRun.of("policy", "check", EXAMPLE);
        assertEquals(0, run.exit(), run.err());
        assertEquals("VALID policy nenc-doctors-bank version 2026.1", run.outLines().get(0));
        assertTrue(run.outLines().get(1).matches("  digest [A-Za-z0-9_-]{43}"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void jsonOutputForAValidPolicy() throws IOException {
        CliRun run = CliRun.of("policy", "check", "--json", EXAMPLE);
        assertEquals(0, run.exit());
        JsonNode out = Json.mapper().readTree(run.out());
        assertTrue(out.get("valid").booleanValue());
        assertEquals("nenc-doctors-bank", out.get("id").textValue());
        assertEquals(43, out.get("digest").textValue().length());
    }

    @Test
    void everyProblemIsOneLineWithCodeAndPointer() throws IOException {
        String text = Files.readString(Path.of(EXAMPLE))
                .replace("\"minRestHours\": 11", "\"minRestHours\": 30")
                .replace("\"priceCap\": \"300.00\"", "\"priceCap\": \"50.00\"");
        Path file = dir.resolve("bad.json");
        Files.writeString(file, text);
        CliRun run = CliRun.of("policy", "check", file.toString());
        assertEquals(1, run.exit());
        assertEquals(List.of(
                "CONTRADICTORY_LIMITS at /rules/workingTime/minRestHours: rest between shifts over 24 h leaves no shift in a day",
                "CAP_BELOW_FLOOR at /rules/rates/priceCap: the price cap is below the floor"), run.outLines());
        CliRun json = CliRun.of("policy", "check", "--json", file.toString());
        assertEquals(1, json.exit());
        JsonNode out = Json.mapper().readTree(json.out());
        assertEquals(false, out.get("valid").booleanValue());
        assertEquals("/rules/rates/priceCap", out.at("/problems/1/pointer").textValue());
        assertEquals("CAP_BELOW_FLOOR", out.at("/problems/1/code").textValue());
    }

    @Test
    void invalidUtf8IsMalformedNotGuessed() throws IOException {
        Path file = dir.resolve("latin1.json");
        Files.write(file, new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}'});
        CliRun run = CliRun.of("policy", "check", file.toString());
        assertEquals(1, run.exit());
        assertTrue(run.out().startsWith("MALFORMED_JSON at /: "), run.out());
    }

    @Test
    void usageErrorsExitTwo() {
        CliRun missing = CliRun.of("policy", "check", dir.resolve("absent.json").toString());
        assertEquals(2, missing.exit());
        assertEquals("", missing.out());
        assertTrue(missing.err().contains("absent.json"), missing.err());
        assertEquals(2, CliRun.of("policy", "check").exit());
        assertEquals(2, CliRun.of("policy").exit());
    }
}
