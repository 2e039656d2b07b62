package org.staffpass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.trust.TrustList;
import org.staffpass.crypto.trust.TrustedIssuer;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.SpecialtyCode;
import org.staffpass.rules.Decision;
import org.staffpass.rules.Finding;
import org.staffpass.rules.Outcome;
import org.staffpass.rules.RuleCode;
import org.staffpass.rules.Shift;
import org.staffpass.rules.audit.AuditLogWriter;
import org.staffpass.rules.audit.DecisionContext;
import org.staffpass.rules.audit.DecisionRecord;
import org.staffpass.rules.audit.DecisionRecordSigner;

/** {@code staffpass decision verify}, in process: exit codes, text and JSON output. */
class DecisionCommandTest {
    private static final String ORG = "https://rtd.nhs.example";
    private static final String AT = "2026-03-10T00:00:00Z";
    private static final String POLICY_DIGEST = DecisionContext.digest("policy");

    @TempDir
    Path dir;

    private final SigningKey operator = SigningKey.generate(SignatureAlgorithm.EDDSA);
    private final SigningKey orgKey = SigningKey.generate(SignatureAlgorithm.EDDSA);
    private Path root;
    private Path trust;
    private Path log;

    @BeforeEach
    void scheme() throws IOException {
        root = write("operator.pub.jwk", operator.verificationKey().toJwkJson());
        TrustedIssuer org = TrustedIssuer.builder().id(ORG).name("Royal Devon").organisationCode("RTD")
                .status(TrustedIssuer.Status.ACTIVE).validFrom(Instant.parse("2026-01-01T00:00:00Z"))
                .credentialType(DecisionRecord.TYPE_URI).key(orgKey.verificationKey()).build();
        trust = write("trust.jws", TrustList.builder().operator("https://operator.example").sequence(1)
                .issuedAt(Instant.parse("2026-01-01T00:00:00Z")).expiresAt(Instant.parse("2026-06-01T00:00:00Z"))
                .issuer(org).build().sign(operator));
        log = dir.resolve("decisions.log");
        try (AuditLogWriter writer = ((AuditLogWriter.Ready) AuditLogWriter.open(log, DecisionRecordSigner.of(orgKey, ORG)))
                .writer()) {
            writer.append(decision(Outcome.ELIGIBLE, List.of()), context(List.of()));
            writer.append(decision(Outcome.NEEDS_APPROVAL, List.of("medical-director")),
                    context(List.of(new DecisionRecord.Approval("medical-director", "staff-7", Instant.parse("2026-03-01T12:10:00Z")))));
            writer.append(decision(Outcome.INELIGIBLE, List.of()), context(List.of()));
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static Decision decision(Outcome outcome, List<String> roles) {
        boolean rateFails = outcome != Outcome.ELIGIBLE;
        return new Decision(outcome, List.of(new Finding("/rules/rates/cap", !rateFails,
                outcome == Outcome.INELIGIBLE ? RuleCode.RATE_ABOVE_CAP : RuleCode.RATE_ESCALATION, "<= 100.00", "120.00",
                List.of("shift:1"))), Optional.of(new BigDecimal("80.00")), roles, List.of(), POLICY_DIGEST);
    }

    private static DecisionContext context(List<DecisionRecord.Approval> approvals) {
        Shift shift = new Shift("RTD", "Main", "ED", new SpecialtyCode("EMERGENCY_MEDICINE"), new GradeCode("ST3"),
                new GradeCode("ST8"), Instant.parse("2026-03-02T19:00:00Z"), Instant.parse("2026-03-03T08:00:00Z"),
                Shift.Channel.BANK, new BigDecimal("120.00"));
        return DecisionContext.builder().shift(shift)
                .policy(new DecisionRecord.PolicyReference("regional-doctors-bank", "1", POLICY_DIGEST))
                .credentialDigests(List.of(DecisionContext.digest("credential"))).holderKeyThumbprint(DecisionContext.digest("holder"))
                .decidedAt(Instant.parse("2026-03-01T12:00:00Z")).approvals(approvals).build();
    }

    private CliRun verify(String... extra) {
        List<String> args = new ArrayList<>(List.of("decision", "verify", "--trust", trust.toString(), "--root",
                root.toString(), "--at", AT));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void intactLogExitsZeroWithASummaryTable() {
        CliRun run = verify(log.toString());
        assertEquals(Exit.OK, run.exit(), run.err());
        assertTrue(run.outLines().get(0).startsWith("OK: " + log + ": 3 records, chain intact, head "), run.out());
        assertTrue(run.out().contains("Verified records: 3"), run.out());
        assertTrue(run.outLines().stream().anyMatch(l -> l.matches("\\s+NEEDS_APPROVAL\\s+1")), run.out());
        assertTrue(run.outLines().stream().anyMatch(l -> l.matches("\\s+RATE_ABOVE_CAP\\s+1")), run.out());
        assertTrue(run.outLines().stream().anyMatch(l -> l.matches("\\s+medical-director\\s+1")), run.out());
        assertTrue(run.outLines().stream().anyMatch(l -> l.matches("\\s+RTD\\s+3")), run.out());
        assertEquals("", run.err());
    }

    @Test
    void jsonOutputHasAStableShape() throws IOException {
        CliRun run = verify("--json", log.toString());
        assertEquals(Exit.OK, run.exit(), run.err());
        assertEquals(1, run.outLines().size());
        JsonNode out = Json.mapper().readTree(run.out());
        assertTrue(out.get("ok").booleanValue());
        assertEquals("log", out.get("mode").textValue());
        assertEquals(3, out.get("records").intValue());
        assertEquals(43, out.get("head").textValue().length());
        assertEquals(0, out.get("problemCount").intValue());
        assertTrue(out.get("problems").isArray());
        JsonNode summary = out.get("summary");
        assertEquals(3, summary.get("records").intValue());
        assertEquals(1, summary.at("/outcomes/ELIGIBLE").intValue());
        assertEquals(1, summary.at("/rateViolations/RATE_ESCALATION").intValue());
        assertEquals(1, summary.at("/approvalsByRole/medical-director").intValue());
        assertEquals(3, summary.at("/recordsBySigner/RTD").intValue());
    }

    @Test
    void tamperedLogExitsOneNamingFileAndLine() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        Collections.swap(lines, 0, 1);
        Files.write(log, lines);
        CliRun run = verify(log.toString());
        assertEquals(Exit.FAILED, run.exit());
        assertTrue(run.outLines().get(0).startsWith("FAILED: " + log + ": "), run.out());
        assertTrue(run.outLines().contains(log + ":1: SEQUENCE_GAP: seq is 1 where 0 was expected: records are missing before it"),
                run.out());
        assertTrue(run.out().contains(log + ":2: SEQUENCE_REORDER"), run.out());
        CliRun json = verify("--json", log.toString());
        assertEquals(Exit.FAILED, json.exit());
        JsonNode out = Json.mapper().readTree(json.out());
        assertFalse(out.get("ok").booleanValue());
        assertEquals("SEQUENCE_GAP", out.at("/problems/0/code").textValue());
        assertEquals(1, out.at("/problems/0/line").intValue());
    }

    @Test
    void malformedLineIsNamedByFileAndLine() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.set(1, "{\"not\":\"a record\"}");
        Files.write(log, lines);
        CliRun run = verify(log.toString());
        assertEquals(Exit.FAILED, run.exit());
        assertTrue(run.out().contains(log + ":2: MALFORMED_LINE: line holds a byte that is not printable ASCII"), run.out());
        assertTrue(run.out().contains(log + ":3: CHAIN_BROKEN"), run.out());
    }

    @Test
    void schemaViolationNamesTheField() throws IOException {
        String bad = org.staffpass.crypto.JwsSigner.of(orgKey).sign(DecisionRecord.TYPE,
                ("{\"decidedAt\":\"2026-03-01T12:00:00Z\",\"iss\":\"" + ORG + "\",\"v\":1}").getBytes(StandardCharsets.UTF_8));
        Path record = write("bad.jws", bad + "\n");
        CliRun run = verify(record.toString());
        assertEquals(Exit.FAILED, run.exit());
        assertTrue(run.out().contains(record + ":1: SCHEMA_VIOLATION: decision record payload /approvals: is required"), run.out());
    }

    @Test
    void truncatedTailIsCaughtWithExpectations() throws IOException {
        CliRun full = verify("--json", log.toString());
        String head = Json.mapper().readTree(full.out()).get("head").textValue();
        List<String> lines = Files.readAllLines(log);
        Files.write(log, lines.subList(0, 2));
        assertEquals(Exit.OK, verify(log.toString()).exit());
        CliRun byHead = verify("--expect-head", head, log.toString());
        assertEquals(Exit.FAILED, byHead.exit());
        assertTrue(byHead.out().contains(log + ": HEAD_MISMATCH"), byHead.out());
        CliRun byCount = verify("--expect-count", "3", log.toString());
        assertEquals(Exit.FAILED, byCount.exit());
        assertTrue(byCount.out().contains("COUNT_MISMATCH"), byCount.out());
    }

    @Test
    void standaloneRecordFromALogVerifiesWithoutItsChain() throws IOException {
        Path record = write("record.jws", Files.readAllLines(log).get(2) + "\n");
        CliRun run = verify(record.toString());
        assertEquals(Exit.OK, run.exit(), run.out());
        assertTrue(run.outLines().get(0).startsWith("OK: " + record + ": standalone record (chain not checked)"), run.out());
        assertEquals("record", Json.mapper().readTree(verify("--json", record.toString()).out()).get("mode").textValue());
        // With expectations it is a log again, and a broken one.
        assertEquals(Exit.FAILED, verify("--expect-count", "1", record.toString()).exit());
    }

    @Test
    void trustListNotSignedByTheRootFails() throws IOException {
        Path otherRoot = write("other.pub.jwk", SigningKey.generate(SignatureAlgorithm.EDDSA).verificationKey().toJwkJson());
        CliRun run = CliRun.of("decision", "verify", "--trust", trust.toString(), "--root", otherRoot.toString(),
                "--at", AT, log.toString());
        assertEquals(Exit.FAILED, run.exit());
        assertTrue(run.outLines().get(0).startsWith("FAILED: trust list " + trust + " refused"), run.out());
    }

    @Test
    void trustListExpiredAtTheGivenInstantFails() {
        CliRun run = CliRun.of("decision", "verify", "--trust", trust.toString(), "--root", root.toString(),
                "--at", "2026-07-01T00:00:00Z", "--json", log.toString());
        assertEquals(Exit.FAILED, run.exit());
        assertTrue(run.out().contains("\"ok\":false"), run.out());
    }

    @Test
    void usageErrorsExitTwoWithOneLineOnStderr() {
        CliRun missing = verify(dir.resolve("absent.log").toString());
        assertEquals(Exit.USAGE, missing.exit());
        assertEquals("", missing.out());
        assertEquals(1, missing.errLines().size(), missing.err());
        assertTrue(missing.err().contains("absent.log is not a readable file"), missing.err());
        CliRun noTrust = CliRun.of("decision", "verify", "--root", root.toString(), log.toString());
        assertEquals(Exit.USAGE, noTrust.exit());
        CliRun badHead = verify("--expect-head", "abc", log.toString());
        assertEquals(Exit.USAGE, badHead.exit());
        assertTrue(badHead.err().contains("--expect-head"), badHead.err());
        assertEquals(Exit.USAGE, verify("--expect-count", "-1", log.toString()).exit());
        assertEquals(Exit.USAGE, verify("--at", "yesterday", log.toString()).exit());
        CliRun badRoot = CliRun.of("decision", "verify", "--trust", trust.toString(), "--root", trust.toString(), log.toString());
        assertEquals(Exit.USAGE, badRoot.exit());
        assertTrue(badRoot.err().contains("key file " + trust), badRoot.err());
        assertEquals(Exit.USAGE, CliRun.of("decision").exit());
    }

    @Test
    void progressIsSilentForShortWorkOffATerminal() throws IOException {
        StringWriter err = new StringWriter();
        AtomicLong now = new AtomicLong();
        DecisionCommand.Progress progress = new DecisionCommand.Progress(new PrintWriter(err), log, 1000, false, now::get);
        drain(progress.wrap(new ByteArrayInputStream(new byte[1000])));
        progress.finish();
        assertFalse(progress.drawn());
        assertEquals("", err.toString());
    }

    @Test
    void progressDrawsAfterASecondAndErasesItself() throws IOException {
        StringWriter err = new StringWriter();
        AtomicLong now = new AtomicLong();
        DecisionCommand.Progress progress = new DecisionCommand.Progress(new PrintWriter(err), log, 1000, false, now::get);
        InputStream in = progress.wrap(new ByteArrayInputStream(new byte[1000]));
        in.readNBytes(500);
        now.set(1_500_000_000L);
        in.readNBytes(500);
        progress.finish();
        assertTrue(progress.drawn());
        assertTrue(err.toString().contains("verifying decisions.log ["), err.toString());
        assertTrue(err.toString().endsWith("\r"), "erased at the end");
    }

    @Test
    void progressDrawsAtOnceOnATerminal() throws IOException {
        StringWriter err = new StringWriter();
        DecisionCommand.Progress progress = new DecisionCommand.Progress(new PrintWriter(err), log, 10, true, () -> 0L);
        drain(progress.wrap(new ByteArrayInputStream(new byte[10])));
        assertTrue(progress.drawn());
        assertTrue(err.toString().contains("%"), err.toString());
    }

    private static void drain(InputStream in) throws IOException {
        assertInstanceOf(byte[].class, in.readAllBytes());
    }
}
