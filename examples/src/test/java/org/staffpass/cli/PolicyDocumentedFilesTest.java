package org.staffpass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The commands docs/policy-language.md shows, on the files under examples/policies, say what the docs say. */
class PolicyDocumentedFilesTest {
    private static final Path REPOSITORY = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).getParent();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String file(String relative) {
        return REPOSITORY.resolve(relative).toString();
    }

    private static CliRun evaluate(String shift) {
        return CliRun.of("policy", "evaluate", "--policy", file("examples/policies/regional-doctors-bank.json"),
                "--passport", file("examples/policies/workers/st4-medicine.json"), "--shift", file(shift),
                "--history", file("examples/policies/histories/st4-june.json"), "--at", "2026-06-01T09:00:00Z");
    }

    @Test
    void theBankShiftIsEligibleAndTheAgencyShiftNeedsTheDivisionalDirector() {
        CliRun bank = evaluate("examples/policies/shifts/rtd-amu-day.json");
        assertEquals(0, bank.exit(), bank.err());
        assertEquals("ELIGIBLE", bank.outLines().get(0));
        assertEquals("  total pay at the offered rate 837.00", bank.outLines().get(2));
        CliRun agency = evaluate("examples/policies/shifts/rtd-amu-day-agency.json");
        assertEquals(0, agency.exit(), agency.err());
        assertEquals("NEEDS_APPROVAL", agency.outLines().get(0));
        assertTrue(agency.out().contains("  approval by divisional-director for RATE_ESCALATION at /rules/rates/escalation/2"),
                agency.out());
        assertTrue(agency.out().contains("  PASS RESTRICTION_APPLIES at /rules/restrictions/noAgencyForSubstantiveStaffOf:"),
                agency.out());
    }

    @Test
    void theAgencyShiftAlsoAsksForEmployment() {
        CliRun r = CliRun.of("policy", "disclosure", "--policy", file("examples/policies/regional-doctors-bank.json"),
                "--shift", file("examples/policies/shifts/rtd-amu-day-agency.json"));
        assertEquals(0, r.exit(), r.err());
        assertEquals("EMPLOYMENT", r.outLines().get(r.outLines().size() - 1));
    }

    @Test
    void theNursesNightOverTheSpringClockChangeLastsElevenHoursAtTheWeekendRate() {
        CliRun r = CliRun.of("policy", "evaluate", "--policy", file("examples/policies/regional-nursing-ahp-bank.json"),
                "--passport", file("examples/policies/workers/band5-nurse-acute.json"),
                "--shift", file("examples/policies/shifts/rtd-amu-night-clock-change.json"),
                "--history", file("examples/policies/histories/band5-nurse-march.json"), "--at", "2027-03-20T09:00:00Z");
        assertEquals(0, r.exit(), r.err());
        assertEquals("ELIGIBLE", r.outLines().get(0));
        assertEquals("  card hourly pay 23.03", r.outLines().get(1));
        assertEquals("  total pay at the offered rate 253.33", r.outLines().get(2));
        assertTrue(r.out().contains("  PASS WORKING_TIME_SHIFT_TOO_LONG at /rules/workingTime/maxShiftHours: expected <= 13 h, actual 11 h"),
                r.out());
    }

    @Test
    void theNursesLongDayIsEligibleAtTheBandFiveCard() {
        CliRun r = CliRun.of("policy", "evaluate", "--policy", file("examples/policies/regional-nursing-ahp-bank.json"),
                "--passport", file("examples/policies/workers/band5-nurse-acute.json"),
                "--shift", file("examples/policies/shifts/rtd-amu-long-day-band5.json"),
                "--history", file("examples/policies/histories/band5-nurse-march.json"), "--at", "2026-06-01T09:00:00Z");
        assertEquals(0, r.exit(), r.err());
        assertEquals("ELIGIBLE", r.outLines().get(0));
        assertEquals("  total pay at the offered rate 198.50", r.outLines().get(2));
    }

    @Test
    void theNursesFactsFileIsThePolicysExampleWorker() throws IOException {
        JsonNode policy = JSON.readTree(Files.readString(REPOSITORY.resolve("examples/policies/regional-nursing-ahp-bank.json")));
        JsonNode facts = JSON.readTree(Files.readString(REPOSITORY.resolve("examples/policies/workers/band5-nurse-acute.json")));
        assertEquals(policy.at("/exampleWorkers/rn5"), facts);
    }
}
