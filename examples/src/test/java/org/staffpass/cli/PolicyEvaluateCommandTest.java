package org.staffpass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyEvaluateCommandTest {
    private static final Path REPOSITORY = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).getParent();
    private static final String EXAMPLE = REPOSITORY.resolve("examples/policies/regional-doctors-bank.json").toString();
    private static final String ST4 = REPOSITORY.resolve("examples/policies/workers/st4-medicine.json").toString();
    private static final String AT = "2026-05-01T09:00:00Z";

    @TempDir
    Path dir;

    private String shift(String start, String end, String rate) throws IOException {
        Path p = dir.resolve("shift-" + start.replace(':', '-') + "-" + rate + ".json");
        Files.writeString(p, "{\"organisation\": \"RTD\", \"site\": \"Main\", \"department\": \"AMU\","
                + " \"specialty\": \"300\", \"minGrade\": \"ST3\", \"maxGrade\": \"ST5\", \"start\": \"" + start
                + "\", \"end\": \"" + end + "\", \"channel\": \"BANK\", \"hourlyRate\": \"" + rate + "\"}");
        return p.toString();
    }

    private String file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p.toString();
    }

    private String history() throws IOException {
        return file("history.json", "{\"shifts\": [{\"organisation\": \"RTF\", \"start\": \"2026-06-09T07:00:00Z\","
                + " \"end\": \"2026-06-09T20:00:00Z\"}]}");
    }

    private CliRun run(String shift, String history, String... extra) {
        String[] base = {"policy", "evaluate", "--policy", EXAMPLE, "--passport", ST4, "--shift", shift,
            "--history", history, "--at", AT};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    @Test
    void eligibleAtTheCardRateAfterExactlyElevenHoursRest() throws IOException {
        CliRun r = run(shift("2026-06-10T08:00", "2026-06-10T17:00", "93.00"), history());
        assertEquals(0, r.exit(), r.err());
        assertEquals("ELIGIBLE", r.outLines().get(0));
        assertEquals("  card hourly pay 93.00", r.outLines().get(1));
        assertEquals("  total pay at the offered rate 837.00", r.outLines().get(2));
        assertTrue(r.out().contains("  PASS COMPLIANCE_TRAINING_LAPSED at /rules/compliance/training/0:"), r.out());
        assertTrue(r.out().contains("  this shift reads: IDENTITY_VERIFICATION; RIGHT_TO_WORK; PROFESSIONAL_REGISTRATION; DBS_CHECK;"), r.out());
        assertTrue(r.out().contains("  PASS WORKING_TIME_REST_TOO_SHORT at /rules/workingTime/minRestHours:"
                + " expected >= 11 h before, actual 11 h before"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void aDecisionAgainstTheWorkerIsStillExitZero() throws IOException {
        CliRun r = run(shift("2026-06-10T07:59", "2026-06-10T17:00", "110.00"), history(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode out = Json.mapper().readTree(r.out());
        assertEquals("INELIGIBLE", out.get("outcome").textValue());
        assertEquals(0, out.get("approvalsRequired").size());
        boolean restFailed = false;
        for (JsonNode f : out.get("findings")) {
            if (f.get("code").textValue().equals("WORKING_TIME_REST_TOO_SHORT") && !f.get("passed").booleanValue()) {
                restFailed = true;
                assertEquals("10 h 59 min before", f.get("actual").textValue());
            }
        }
        assertTrue(restFailed, r.out());
    }

    @Test
    void escalationNamesTheRole() throws IOException {
        CliRun r = run(shift("2026-06-10T08:00", "2026-06-10T17:00", "110.00"), history(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode out = Json.mapper().readTree(r.out());
        assertEquals("NEEDS_APPROVAL", out.get("outcome").textValue());
        assertEquals("medical-staffing-manager", out.get("approvalsRequired").get(0).textValue());
        CliRun text = run(shift("2026-06-10T08:00", "2026-06-10T17:00", "110.00"), history());
        assertTrue(text.out().contains("  APPROVE RATE_ESCALATION at /rules/rates/escalation/1:"), text.out());
        assertFalse(text.out().contains("  FAIL "), text.out());
    }

    @Test
    void invalidInputIsExitOne() throws IOException {
        CliRun gap = run(shift("2026-03-29T01:30", "2026-03-29T09:00", "93.00"), history());
        assertEquals(1, gap.exit());
        assertEquals("", gap.out());
        assertTrue(gap.err().startsWith("shift file ") && gap.err().contains(": START_IN_DST_GAP"), gap.err());

        CliRun unknown = run(file("extra.json", "{\"shifts\": [], \"x\": 1}"),
                history());
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("unknown member"), unknown.err());

        CliRun duplicate = run(shift("2026-06-10T08:00", "2026-06-10T17:00", "93.00"),
                file("dup.json", "{\"shifts\": [], \"shifts\": []}"));
        assertEquals(1, duplicate.exit());

        CliRun backwards = run(shift("2026-06-10T08:00", "2026-06-10T17:00", "93.00"),
                file("back.json", "{\"shifts\": [{\"organisation\": \"RTF\", \"start\": \"2026-06-09T20:00:00Z\","
                        + " \"end\": \"2026-06-09T07:00:00Z\"}]}"));
        assertEquals(1, backwards.exit());
        assertTrue(backwards.err().contains("shifts/0"), backwards.err());

        String facts = Files.readString(Path.of(ST4)).replace("\"grade\" : \"ST4\"", "\"grade\" : \"ST99\"");
        CliRun badFacts = CliRun.of("policy", "evaluate", "--policy", EXAMPLE, "--passport", file("facts.json", facts),
                "--shift", shift("2026-06-10T08:00", "2026-06-10T17:00", "93.00"), "--history", history(), "--at", AT);
        assertEquals(1, badFacts.exit());
        assertEquals("", badFacts.out());
        assertEquals(1, badFacts.errLines().size(), badFacts.err());
        assertTrue(badFacts.err().startsWith("passport file ") && badFacts.err().contains("INVALID_CLAIMS at /credentials/6/claims/grade"),
                badFacts.err());

        CliRun badGlass = run(shift("2026-06-10T08:00", "2026-06-10T17:00", "93.00"), history(), "--break-glass",
                file("glass.json", "{\"role\": \"chief-executive\", \"approverId\": \"E1\", \"reason\": \"cover\"}"));
        assertEquals(1, badGlass.exit());
        assertTrue(badGlass.err().contains("break-glass file") && badGlass.err().contains("approvedAt"), badGlass.err());
    }

    @Test
    void usageIsExitTwo() throws IOException {
        CliRun missing = CliRun.of("policy", "evaluate", "--policy", EXAMPLE);
        assertEquals(2, missing.exit());
        assertEquals("", missing.out());
        CliRun badAt = run(shift("2026-06-10T08:00", "2026-06-10T17:00", "93.00"), history());
        assertEquals(0, badAt.exit());
        CliRun at = CliRun.of("policy", "evaluate", "--policy", EXAMPLE, "--passport", ST4, "--shift",
                shift("2026-06-10T08:00", "2026-06-10T17:00", "93.00"), "--history", history(), "--at", "yesterday");
        assertEquals(2, at.exit());
        assertFalse(at.err().isEmpty());
        CliRun noFile = run(dir.resolve("absent.json").toString(), history());
        assertEquals(2, noFile.exit());
        assertTrue(noFile.err().contains("shift file"), noFile.err());
        CliRun gradeGroup = CliRun.of("policy", "evaluate", "--policy", EXAMPLE, "--passport", ST4, "--shift",
                shift("2026-06-10T08:00", "2026-06-10T17:00", "93.00"), "--history", history(), "--at", AT,
                "--grade-group", "higher");
        assertEquals(2, gradeGroup.exit(), "the grade group now comes from the passport");
    }

    @Test
    void breakGlassAboveTheCapIsCarriedInTheDecision() throws IOException {
        String glass = file("glass.json", "{\"role\": \"chief-executive\", \"approverId\": \"E1234\","
                + " \"reason\": \"no resus cover\", \"approvedAt\": \"2026-05-01T08:00:00Z\"}");
        String above = shift("2026-06-10T08:00", "2026-06-10T17:00", "300.01");
        CliRun refused = run(above, history(), "--json");
        assertEquals("INELIGIBLE", Json.mapper().readTree(refused.out()).get("outcome").textValue());
        CliRun r = run(above, history(), "--json", "--break-glass", glass);
        assertEquals(0, r.exit(), r.err());
        JsonNode out = Json.mapper().readTree(r.out());
        assertEquals("NEEDS_APPROVAL", out.get("outcome").textValue());
        assertEquals("2700.09", out.get("totalPay").textValue());
        JsonNode approval = out.get("approvals").get(0);
        assertEquals("chief-executive", approval.get("role").textValue());
        assertEquals("RATE_ABOVE_CAP", approval.get("code").textValue());
        assertEquals("E1234", approval.at("/breakGlass/approverId").textValue());
    }

    @Test
    void undisclosedFactsAreNamed() throws IOException {
        String facts = Files.readString(Path.of(ST4));
        // withhold every life-support certificate: the medicine group requires ALS
        String withheld = facts.replaceAll("(?s)\"life_support\" : \\[.*?\\],", "\"life_support\" : [ ],")
                .replace("\"disclosed\" : [ \"/competencies/0\", \"/life_support/0\" ]", "\"disclosed\" : [ \"/competencies/0\" ]");
        CliRun r = CliRun.of("policy", "evaluate", "--policy", EXAMPLE, "--passport", file("withheld.json", withheld),
                "--shift", shift("2026-06-10T08:00", "2026-06-10T17:00", "93.00"), "--history", history(), "--at", AT,
                "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode out = Json.mapper().readTree(r.out());
        assertEquals("INELIGIBLE", out.get("outcome").textValue());
        assertEquals("SPECIALTY /life_support/*", out.get("disclosureRequest").get(0).textValue());
    }
}
