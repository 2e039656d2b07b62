package org.staffpass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTestCommandTest {
    private static final Path REPOSITORY = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).getParent();
    private static final Path EXAMPLE = REPOSITORY.resolve("examples/policies/regional-doctors-bank.json");

    @TempDir
    Path dir;

    @Test
    void theExamplePolicysCasesAllPass() {
        CliRun r = CliRun.of("policy", "test", EXAMPLE.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.outLines().size() >= 17, r.out());
        assertTrue(r.outLines().get(1).startsWith("PASS "), r.out());
        assertTrue(r.out().contains("PASS above the price cap with the chief executive's break glass"), r.out());
        assertTrue(r.outLines().get(r.outLines().size() - 1).matches("all [0-9]+ passed"), r.out());
    }

    @Test
    void everyExamplePolicysCasesPassTogether() throws IOException {
        List<String> args = new ArrayList<>(List.of("policy", "test"));
        try (Stream<Path> files = Files.list(EXAMPLE.getParent())) {
            files.filter(p -> p.toString().endsWith(".json")).sorted().forEach(p -> args.add(p.toString()));
        }
        assertTrue(args.size() >= 4, args.toString());
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("regional-nursing-ahp-bank.json: policy regional-nursing-ahp-bank version 2026.1, "),
                r.out());
        assertTrue(r.out().contains("PASS a Saturday night over the spring clock change lasts eleven hours"), r.out());
        assertEquals(args.size() - 2, r.outLines().stream().filter(l -> l.matches("all [0-9]+ passed")).count(), r.out());
    }

    @Test
    void aWrongExpectationFailsWithExpectedAndActual() throws IOException {
        String text = Files.readString(EXAMPLE).replace("\"expect\": \"NEEDS_APPROVAL\", \"expectFailing\": [\"RATE_ESCALATION\"]",
                "\"expect\": \"ELIGIBLE\", \"expectFailing\": []");
        Path changed = dir.resolve("changed.json");
        Files.writeString(changed, text);
        CliRun r = CliRun.of("policy", "test", EXAMPLE.toString(), changed.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("FAIL ST4 night 20 percent above the card needs the staffing manager: expected ELIGIBLE [],"
                + " actual NEEDS_APPROVAL [RATE_ESCALATION]"), r.out());
        assertTrue(r.out().contains("1 of "), r.out());
    }

    @Test
    void anInvalidWorkerClaimFailsItsCase() throws IOException {
        // The ST4's registration was checked on 2026-04-30: a case decided before then sees a date in the future.
        String text = Files.readString(EXAMPLE).replace("\"at\": \"2026-05-01T09:00:00Z\"", "\"at\": \"2026-04-01T09:00:00Z\"");
        Path changed = dir.resolve("early.json");
        Files.writeString(changed, text);
        CliRun r = CliRun.of("policy", "test", changed.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("worker st4 has an invalid PROFESSIONAL_REGISTRATION credential: DATE_IN_FUTURE"), r.out());
    }

    @Test
    void anInvalidPolicyIsOneAndNoFileIsTwo() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{}");
        CliRun r = CliRun.of("policy", "test", bad.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("policy file "), r.err());
        assertEquals(2, CliRun.of("policy", "test").exit());
        assertEquals(2, CliRun.of("policy", "test", dir.resolve("absent.json").toString()).exit());
    }
}
