package org.staffpass.rules.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.trust.TrustedIssuer;
import org.staffpass.rules.Outcome;
import org.staffpass.rules.RuleCode;
import org.staffpass.testing.Property;

/** The hash-chained log: writer, streaming verifier, and every way of tampering with it. */
class AuditLogTest {
    private static final DecisionRecordVerifier RECORDS = AuditFixtures.verifier();
    private static final Outcome[] OUTCOMES = Outcome.values();

    @TempDir
    Path dir;

    private Path log(int records) throws IOException {
        Path log = dir.resolve("decisions.log");
        try (AuditLogWriter writer = open(log, AuditFixtures.signer(AuditFixtures.ED25519))) {
            for (int i = 0; i < records; i++) {
                writer.append(AuditFixtures.decision(OUTCOMES[i % OUTCOMES.length]), AuditFixtures.context());
            }
        }
        return log;
    }

    private static AuditLogWriter open(Path log, DecisionRecordSigner signer) throws IOException {
        return assertInstanceOf(AuditLogWriter.Ready.class, AuditLogWriter.open(log, signer)).writer();
    }

    private static LogReport verify(Path log) throws IOException {
        return AuditLogVerifier.builder().records(RECORDS).build().verify(log);
    }

    private static LogReport verify(List<String> lines) throws IOException {
        String text = lines.stream().map(l -> l + "\n").collect(Collectors.joining());
        return AuditLogVerifier.builder().records(RECORDS).build()
                .verify(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static List<AuditProblem> problems(LogReport report) {
        return report.problems().stream().map(LogReport.Problem::problem).toList();
    }

    private static void assertProblemAt(LogReport report, long line, AuditProblem problem) {
        assertTrue(report.problems().stream().anyMatch(p -> p.line() == line && p.problem() == problem),
                "expected " + problem + " at line " + line + " in " + report.problems());
    }

    @Test
    void intactLogVerifiesWithSummary() throws IOException {
        LogReport report = verify(log(6));
        assertTrue(report.isIntact(), report.problems().toString());
        assertEquals(6, report.records());
        assertEquals(6, report.summary().records());
        assertEquals(2L, report.summary().outcomes().get(Outcome.ELIGIBLE));
        assertEquals(2L, report.summary().outcomes().get(Outcome.INELIGIBLE));
        assertEquals(6L, report.summary().rateViolations().get(RuleCode.RATE_ESCALATION));
        assertEquals(6L, report.summary().approvalsByRole().get("medical-director"));
        assertEquals(6L, report.summary().recordsBySigner().get(AuditFixtures.ORG_CODE));
        List<String> lines = Files.readAllLines(dir.resolve("decisions.log"));
        assertEquals(DecisionContext.digest(lines.get(5)), report.head());
    }

    @Test
    void emptyLogIsIntactWithGenesisHead() throws IOException {
        LogReport report = verify(List.of());
        assertTrue(report.isIntact());
        assertEquals(0, report.records());
        assertEquals(DecisionRecord.GENESIS, report.head());
    }

    @Test
    void reopenedWriterContinuesTheChain() throws IOException {
        Path log = log(3);
        try (AuditLogWriter writer = open(log, AuditFixtures.signer(AuditFixtures.P256))) {
            assertEquals(3, writer.nextSeq());
            assertEquals(DecisionContext.digest(Files.readAllLines(log).get(2)), writer.head());
            SignedDecisionRecord fourth = writer.append(AuditFixtures.decision(Outcome.ELIGIBLE), AuditFixtures.context());
            assertEquals(3, fourth.record().seq());
            assertEquals(fourth.digest(), writer.head());
        }
        LogReport report = verify(log);
        assertTrue(report.isIntact(), report.problems().toString());
        assertEquals(4, report.records());
    }

    @Test
    void secondWriterIsRefusedWhileTheFirstHoldsTheLog() throws IOException {
        Path log = log(1);
        try (AuditLogWriter first = open(log, AuditFixtures.signer(AuditFixtures.ED25519))) {
            assertThrows(IOException.class, () -> AuditLogWriter.open(log, AuditFixtures.signer(AuditFixtures.ED25519)));
            assertEquals(1, first.nextSeq());
        }
    }

    @Test
    void writerRefusesATailItCannotContinue() throws IOException {
        Path torn = dir.resolve("torn.log");
        String line = Files.readAllLines(log(1)).get(0);
        Files.writeString(torn, line.substring(0, 40));
        AuditLogWriter.Refused refused = assertInstanceOf(AuditLogWriter.Refused.class,
                AuditLogWriter.open(torn, AuditFixtures.signer(AuditFixtures.ED25519)));
        assertEquals(AuditProblem.MALFORMED_LINE, refused.problem());
        assertEquals(40, Files.size(torn), "nothing written");
        Path blankTail = dir.resolve("blank.log");
        Files.writeString(blankTail, line + "\n\n");
        assertEquals(AuditProblem.MALFORMED_LINE, assertInstanceOf(AuditLogWriter.Refused.class,
                AuditLogWriter.open(blankTail, AuditFixtures.signer(AuditFixtures.ED25519))).problem());
        Path crTail = dir.resolve("cr.log");
        Files.writeString(crTail, line + "\r\n");
        assertEquals(AuditProblem.MALFORMED_LINE, assertInstanceOf(AuditLogWriter.Refused.class,
                AuditLogWriter.open(crTail, AuditFixtures.signer(AuditFixtures.ED25519))).problem());
        Path longTail = dir.resolve("long.log");
        Files.writeString(longTail, line + "\n" + "x".repeat(DecisionRecord.MAX_RECORD_CHARS + 5) + "\n");
        assertEquals(AuditProblem.RECORD_TOO_LARGE, assertInstanceOf(AuditLogWriter.Refused.class,
                AuditLogWriter.open(longTail, AuditFixtures.signer(AuditFixtures.ED25519))).problem());
        Path foreign = dir.resolve("foreign.log");
        Files.writeString(foreign, "not.a.record\n");
        assertEquals(AuditProblem.MALFORMED_RECORD, assertInstanceOf(AuditLogWriter.Refused.class,
                AuditLogWriter.open(foreign, AuditFixtures.signer(AuditFixtures.ED25519))).problem());
    }

    @Test
    void deletedRecordIsDetected() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log(5)));
        lines.remove(2);
        LogReport report = verify(lines);
        assertProblemAt(report, 3, AuditProblem.SEQUENCE_GAP);
        assertProblemAt(report, 3, AuditProblem.CHAIN_BROKEN);
        assertEquals(2, report.problemCount(), "reported where it happened, not on every later line");
        List<String> first = new ArrayList<>(Files.readAllLines(dir.resolve("decisions.log")));
        first.remove(0);
        assertProblemAt(verify(first), 1, AuditProblem.CHAIN_BROKEN);
    }

    @Test
    void swappedRecordsAreDetected() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log(5)));
        Collections.swap(lines, 1, 2);
        LogReport report = verify(lines);
        assertProblemAt(report, 2, AuditProblem.SEQUENCE_GAP);
        assertProblemAt(report, 2, AuditProblem.CHAIN_BROKEN);
        assertProblemAt(report, 3, AuditProblem.SEQUENCE_REORDER);
        assertProblemAt(report, 3, AuditProblem.CHAIN_BROKEN);
        assertProblemAt(report, 4, AuditProblem.CHAIN_BROKEN);
        assertEquals(5, report.problemCount(), "line 4's seq is where it belongs: " + report.problems());
    }

    @Test
    void repeatedRecordIsReportedOnce() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log(4)));
        lines.add(2, lines.get(1));
        LogReport report = verify(lines);
        assertProblemAt(report, 3, AuditProblem.SEQUENCE_REORDER);
        assertProblemAt(report, 3, AuditProblem.CHAIN_BROKEN);
        // The copy has the original's bytes, so the record after it still links.
        assertEquals(2, report.problemCount(), report.problems().toString());
    }

    @Test
    void editedByteBreaksTheSignatureAndTheNextLink() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log(4)));
        String line = lines.get(1);
        int at = line.lastIndexOf('.') + 20;
        lines.set(1, line.substring(0, at) + (line.charAt(at) == 'A' ? 'B' : 'A') + line.substring(at + 1));
        LogReport report = verify(lines);
        assertProblemAt(report, 2, AuditProblem.SIGNATURE_INVALID);
        assertProblemAt(report, 3, AuditProblem.CHAIN_BROKEN);
        assertEquals(3, report.summary().records(), "the edited record is not counted");
        // An edit in the payload: whatever it breaks first, the line is refused and the link after it too.
        List<String> payloadEdit = new ArrayList<>(Files.readAllLines(dir.resolve("decisions.log")));
        int inPayload = line.indexOf('.') + 20;
        payloadEdit.set(1, line.substring(0, inPayload) + (line.charAt(inPayload) == 'A' ? 'B' : 'A')
                + line.substring(inPayload + 1));
        LogReport edited = verify(payloadEdit);
        assertEquals(2, edited.problemCount(), edited.problems().toString());
        assertEquals(2, edited.problems().get(0).line());
        assertProblemAt(edited, 3, AuditProblem.CHAIN_BROKEN);
    }

    @Test
    void reSignedEditKeepingPrevIsCaughtByTheNextRecord() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log(4)));
        DecisionRecord original = ((RecordResult.Valid) RECORDS.verify(lines.get(1))).record();
        DecisionRecord edited = DecisionRecord.from(AuditFixtures.ORG, AuditFixtures.decision(Outcome.ELIGIBLE),
                AuditFixtures.context(), original.seq(), original.prev());
        lines.set(1, AuditFixtures.signer(AuditFixtures.ED25519).sign(edited).compact());
        LogReport report = verify(lines);
        assertEquals(List.of(AuditProblem.CHAIN_BROKEN), problems(report));
        assertProblemAt(report, 3, AuditProblem.CHAIN_BROKEN);
    }

    @Test
    void reSignedLastRecordNeedsTheKnownHead() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log(3)));
        String head = verify(lines).head();
        DecisionRecord original = ((RecordResult.Valid) RECORDS.verify(lines.get(2))).record();
        lines.set(2, AuditFixtures.signer(AuditFixtures.ED25519).sign(DecisionRecord.from(AuditFixtures.ORG,
                AuditFixtures.decision(Outcome.ELIGIBLE), AuditFixtures.context(), 2, original.prev())).compact());
        assertTrue(verify(lines).isIntact(), "undetectable from the log alone, as docs/audit.md says");
        String text = String.join("\n", lines) + "\n";
        LogReport report = AuditLogVerifier.builder().records(RECORDS).expectedHead(head).build()
                .verify(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(List.of(AuditProblem.HEAD_MISMATCH), problems(report));
        assertEquals(0, report.problems().get(0).line());
    }

    @Test
    void truncatedTailIsCaughtOnlyByExpectations() throws IOException {
        Path log = log(5);
        LogReport full = verify(log);
        List<String> lines = Files.readAllLines(log).subList(0, 3);
        Files.write(log, lines);
        assertTrue(verify(log).isIntact());
        LogReport byCount = AuditLogVerifier.builder().records(RECORDS).expectedCount(5).build().verify(log);
        assertEquals(List.of(AuditProblem.COUNT_MISMATCH), problems(byCount));
        LogReport byHead = AuditLogVerifier.builder().records(RECORDS).expectedHead(full.head()).build().verify(log);
        assertEquals(List.of(AuditProblem.HEAD_MISMATCH), problems(byHead));
        assertTrue(AuditLogVerifier.builder().records(RECORDS).expectedCount(3).expectedHead(verify(log).head()).build()
                .verify(log).isIntact());
    }

    @Test
    void insertedForeignRecordsAreDetected() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log(3)));
        SigningKey stranger = SigningKey.generate(SignatureAlgorithm.EDDSA);
        lines.add(1, DecisionRecordSigner.of(stranger, AuditFixtures.ORG)
                .sign(AuditFixtures.decision(Outcome.ELIGIBLE), AuditFixtures.context()).compact());
        LogReport report = verify(lines);
        assertProblemAt(report, 2, AuditProblem.SIGNER_UNKNOWN);
        assertProblemAt(report, 3, AuditProblem.CHAIN_BROKEN);
        // A trusted signer's record from another log: valid alone, but not in this chain.
        List<String> other = new ArrayList<>(Files.readAllLines(dir.resolve("decisions.log")));
        other.add(1, AuditFixtures.signer(AuditFixtures.P256)
                .sign(AuditFixtures.decision(Outcome.ELIGIBLE), AuditFixtures.context()).compact());
        LogReport mixed = verify(other);
        assertProblemAt(mixed, 2, AuditProblem.SEQUENCE_REORDER);
        assertProblemAt(mixed, 2, AuditProblem.CHAIN_BROKEN);
    }

    @Test
    void recordsOfWrongTypeOrUntrustedSignerInALogAreNamed() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log(2)));
        TrustedIssuer notAuthorised = AuditFixtures.organisation().credentialType("https://example/other").build();
        LogReport report = AuditLogVerifier.builder().records(DecisionRecordVerifier.of(AuditFixtures.anchors(notAuthorised)))
                .build().verify(dir.resolve("decisions.log"));
        assertEquals(List.of(AuditProblem.SIGNER_NOT_AUTHORISED, AuditProblem.SIGNER_NOT_AUTHORISED), problems(report));
        lines.set(0, org.staffpass.crypto.JwsSigner.of(AuditFixtures.ED25519).sign("kb+jwt", "{}".getBytes(StandardCharsets.UTF_8)));
        assertProblemAt(verify(lines), 1, AuditProblem.WRONG_TYPE);
    }

    @Test
    void malformedLinesAreNamedByLineNumber() throws IOException {
        List<String> lines = Files.readAllLines(log(3));
        String text = lines.get(0) + "\r\n" + "\n" + lines.get(2);
        LogReport report = AuditLogVerifier.builder().records(RECORDS).build()
                .verify(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        assertProblemAt(report, 1, AuditProblem.MALFORMED_LINE);
        assertProblemAt(report, 2, AuditProblem.MALFORMED_LINE);
        assertProblemAt(report, 3, AuditProblem.MALFORMED_LINE);
        assertTrue(report.problems().get(2).message().contains("newline"), report.problems().get(2).message());
        assertEquals(3, report.records());
    }

    @Test
    void overlongLineIsReportedWithoutBufferingIt() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log(2)));
        lines.add(1, "x".repeat(DecisionRecord.MAX_RECORD_CHARS * 3));
        LogReport report = verify(lines);
        assertProblemAt(report, 2, AuditProblem.RECORD_TOO_LARGE);
        assertProblemAt(report, 3, AuditProblem.CHAIN_BROKEN);
        assertEquals(3, report.records());
    }

    @Test
    void problemsBeyondTheCapAreCountedNotListed() throws IOException {
        List<String> lines = Collections.nCopies(AuditLogVerifier.MAX_REPORTED_PROBLEMS + 20, "x");
        LogReport report = verify(lines);
        assertEquals(AuditLogVerifier.MAX_REPORTED_PROBLEMS, report.problems().size());
        assertEquals(AuditLogVerifier.MAX_REPORTED_PROBLEMS + 20, report.problemCount());
    }

    @Test
    void tenThousandRecordsStreamInOnePass() throws IOException {
        Path log = dir.resolve("big.log");
        DecisionRecordSigner signer = AuditFixtures.signer(AuditFixtures.ED25519);
        StringBuilder text = new StringBuilder();
        String prev = DecisionRecord.GENESIS;
        // A small record keeps 10,000 signatures and verifications quick on a shared machine.
        DecisionRecord full = signer.sign(AuditFixtures.decision(Outcome.ELIGIBLE), AuditFixtures.context()).record();
        DecisionRecord template = new DecisionRecord(full.issuer(), 0, DecisionRecord.GENESIS, full.decidedAt(), full.shift(),
                full.policy(), List.of(), full.holderKeyThumbprint(), java.util.Optional.empty(), java.util.Optional.empty(),
                Outcome.ELIGIBLE, List.of(), java.util.Optional.empty(), java.util.Optional.empty(), List.of(), List.of(), List.of());
        for (int i = 0; i < 10_000; i++) {
            SignedDecisionRecord signed = signer.sign(template.at(i, prev));
            text.append(signed.compact()).append('\n');
            prev = signed.digest();
        }
        Files.writeString(log, text, StandardCharsets.US_ASCII);
        LogReport report = verify(log);
        assertTrue(report.isIntact(), report.problems().toString());
        assertEquals(10_000, report.records());
        assertEquals(10_000L, report.summary().outcomes().get(Outcome.ELIGIBLE));
        assertEquals(prev, report.head());
    }

    @Test
    void anySingleBitFlipInALineIsDetected() throws IOException {
        List<String> lines = Files.readAllLines(log(3));
        byte[] original = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.US_ASCII);
        AuditLogVerifier verifier = AuditLogVerifier.builder().records(RECORDS).build();
        Property.forAll("single bit flip in a log is detected", random -> {
            int at = random.nextInt(original.length); // newlines included
            return new int[] {at, random.nextInt(8)};
        }, flip -> {
            byte[] changed = original.clone();
            changed[flip[0]] ^= (byte) (1 << flip[1]);
            try {
                LogReport report = verifier.verify(new ByteArrayInputStream(changed));
                assertTrue(!report.isIntact(), "flip of bit " + flip[1] + " at byte " + flip[0] + " went unnoticed");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void builderChecksItsSettings() {
        assertThrows(IllegalStateException.class, () -> AuditLogVerifier.builder().build());
        assertThrows(IllegalArgumentException.class, () -> AuditLogVerifier.builder().expectedHead("nope"));
        assertThrows(IllegalArgumentException.class, () -> AuditLogVerifier.builder().expectedCount(-1));
        assertThrows(IllegalStateException.class, () -> AuditLogVerifier.builder().expectedCount(1).expectedCount(2));
    }
}
