package org.staffpass.cli.demo.region;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffpass.cli.CliAccess;

/**
 * The region demo end to end on a smaller region (the README runs 2,000 workers and 500
 * shifts): every file an auditor needs is written, the same seed gives the same decisions.log
 * bytes, the log verifies with the CLI, the planted attacks are refused for their reasons,
 * and the HTML report renders in headless Chromium with the report's own figures.
 */
class RegionDemoTest {
    private static final RegionDemo.Settings SMALL = new RegionDemo.Settings(77, 300, 60, 8);
    @TempDir
    static Path first;
    @TempDir
    static Path second;
    private static RegionReport report;

    @BeforeAll
    static void runTwice() throws Exception {
        List<String> progress = new ArrayList<>();
        report = RegionDemo.run(SMALL, first, progress::add);
        RegionDemo.run(SMALL, second, line -> { });
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("building the region")), progress.toString());
    }

    @Test
    void everyFileAnAuditorNeedsIsWritten() throws Exception {
        for (String file : List.of("trust-list.jws", "keys/operator.jwk", "keys/rl1.jwk", "keys/ra1.jwk",
                "status/rl1.jwt", "status/ra9.jwt", "policies/ra1-doctors.json", "policies/ra1-nursing-ahp.json",
                "policies/demo-ra1-doctors-bank.jws", "decisions.log", "report.txt", "report.json", "report.html")) {
            assertTrue(Files.isRegularFile(first.resolve(file)), file);
        }
        try (Stream<Path> presentations = Files.list(first.resolve("presentations"));
                Stream<Path> histories = Files.list(first.resolve("histories"))) {
            long presented = presentations.count();
            assertEquals(report.timing().presentations(), presented);
            assertEquals(report.decisionLogRecords(), histories.count(), "one history snapshot per decision");
        }
        assertEquals(report.decisionLogRecords(), Files.readAllLines(first.resolve("decisions.log")).size());
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(first.resolve("report.json")));
        assertEquals(60, json.get("shifts_offered").intValue());
        assertEquals(report.shiftsFilled(), json.get("shifts_filled").intValue());
        int outcomes = 0;
        for (JsonNode count : json.get("decision_outcomes")) {
            outcomes += count.intValue();
        }
        assertEquals(report.decisionLogRecords(), outcomes, "every decision is in the log");
    }

    @Test
    void theSameSeedGivesTheSameDecisionLogBytesAndFigures() throws Exception {
        assertArrayEquals(Files.readAllBytes(first.resolve("decisions.log")), Files.readAllBytes(second.resolve("decisions.log")));
        ObjectNode a = (ObjectNode) JsonMapper.builder().build().readTree(Files.readString(first.resolve("report.json")));
        ObjectNode b = (ObjectNode) JsonMapper.builder().build().readTree(Files.readString(second.resolve("report.json")));
        a.remove("timing");
        b.remove("timing");
        assertEquals(a, b, "only the timing differs between runs");
    }

    @Test
    void theDecisionLogVerifiesWithTheAuditorsCommand() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CliAccess.run(new PrintWriter(out), new PrintWriter(err), "decision", "verify", "--json",
                "--trust", first.resolve("trust-list.jws").toString(), "--root", first.resolve("keys/operator.jwk").toString(),
                "--at", RegionCalendar.BOOKING_RUN.toString(), first.resolve("decisions.log").toString());
        assertEquals(0, exit, out + " " + err);
        assertTrue(out.toString().contains("\"records\":" + report.decisionLogRecords()), out.toString());
    }

    @Test
    void theForgedAndTheUnauthorisedCredentialAreRefusedAtEnrolment() {
        assertEquals(1, report.enrolment().get("SIGNATURE_INVALID"), report.enrolment().toString());
        assertEquals(1, report.enrolment().get("ISSUER_NOT_AUTHORISED_FOR_TYPE"), report.enrolment().toString());
        int total = report.enrolment().values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(300, total, "every worker is checked once");
        assertTrue(report.enrolment().get("ACCEPTED") > 280, report.enrolment().toString());
        assertTrue(report.decisionOutcomes().containsKey("ELIGIBLE") && report.decisionOutcomes().containsKey("INELIGIBLE"),
                report.decisionOutcomes().toString());
    }

    @Test
    void theHtmlReportRendersInChromiumWithTheReportsFigures(@TempDir Path work) throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        String dom = chromium.dumpDom(first.resolve("report.html"), work);
        Matcher fill = Pattern.compile("id=\"kpi-fill-rate\"><b>([^<]+)</b>").matcher(dom);
        assertTrue(fill.find(), "fill-rate KPI rendered");
        assertEquals(String.format(Locale.ROOT, "%.1f%%", 100.0 * report.shiftsFilled() / report.shiftsOffered()), fill.group(1));
        Matcher filled = Pattern.compile("id=\"kpi-filled\"><b>([^<]+)</b>").matcher(dom);
        assertTrue(filled.find());
        assertEquals(report.shiftsFilled() + " of " + report.shiftsOffered(), filled.group(1));
        int bars = ReportHtmlTest.count(dom, "<rect class=\"bar\"");
        int figures = report.fillByTrust().size() + report.fillBySpecialty().size() + report.enrolment().size()
                + report.verification().size() + report.decisionOutcomes().size() + report.failedRules().size()
                + report.payByBand().size() + report.rateFindings().size() + report.approvalsByRole().size();
        assertEquals(figures, bars, "one bar per figure of the report");
    }
}
