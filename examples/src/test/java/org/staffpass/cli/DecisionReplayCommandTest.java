package org.staffpass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.status.StatusList;
import org.staffpass.crypto.status.StatusListSigner;
import org.staffpass.crypto.status.StatusListStore;
import org.staffpass.crypto.status.StatusReference;
import org.staffpass.crypto.status.TokenStatus;
import org.staffpass.crypto.trust.TrustAnchors;
import org.staffpass.crypto.trust.TrustList;
import org.staffpass.crypto.trust.TrustedIssuer;
import org.staffpass.passport.PassportIssuer;
import org.staffpass.passport.PassportVerification;
import org.staffpass.passport.PassportVerifier;
import org.staffpass.passport.VerifiedPassport;
import org.staffpass.passport.Wallet;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.CredentialValidator;
import org.staffpass.passport.vocab.Vocabularies;
import org.staffpass.rules.Decision;
import org.staffpass.rules.Outcome;
import org.staffpass.rules.PassportFacts;
import org.staffpass.rules.Policy;
import org.staffpass.rules.Shift;
import org.staffpass.rules.WorkHistory;
import org.staffpass.rules.audit.AuditLogWriter;
import org.staffpass.rules.audit.DecisionContext;
import org.staffpass.rules.audit.DecisionRecord;
import org.staffpass.rules.audit.DecisionRecordSigner;
import org.staffpass.rules.audit.DecisionRecordVerifier;
import org.staffpass.rules.audit.DecisionReplay;
import org.staffpass.rules.audit.RecordResult;
import org.staffpass.rules.audit.ReplayResult;
import org.staffpass.rules.audit.SignedDecisionRecord;
import org.staffpass.rules.audit.SignedPolicy;

/**
 * {@code staffpass decision replay}, in process, on files made by the real flow: credentials
 * issued and presented, the presentation verified, the example policy evaluated, the decision
 * signed as a record; then replayed from the files. Exit codes, text and JSON output.
 */
class DecisionReplayCommandTest {
    private static final Path REPOSITORY = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).getParent();
    private static final Instant DECIDED_AT = Instant.parse("2026-06-01T09:00:00Z");
    private static final Clock AT_DECISION = Clock.fixed(DECIDED_AT, ZoneOffset.UTC);
    private static final String ISSUER = "https://lead-employer.nhs.example";
    private static final String ORG = "https://trust.rtd.nhs.example";
    private static final String PUBLISHER = "https://bank.region.nhs.example";
    private static final String STATUS_URI = "https://lead-employer.nhs.example/status/1";
    private static final String AUDIENCE = "ODS:RTD";

    @TempDir
    Path dir;

    private final SigningKey operator = SigningKey.generate(SignatureAlgorithm.EDDSA);
    private final SigningKey issuerKey = SigningKey.generate(SignatureAlgorithm.ES256);
    private final SigningKey holder = SigningKey.generate(SignatureAlgorithm.ES256);
    private final SigningKey orgKey = SigningKey.generate(SignatureAlgorithm.EDDSA);
    private final SigningKey publisherKey = SigningKey.generate(SignatureAlgorithm.EDDSA);
    private Policy policy;
    private Shift shift;
    private WorkHistory history;
    private Decision decision;
    private DecisionContext context;
    private Path root;
    private Path trust;
    private Path statusDir;
    private Path statusKey;
    private Path presentation;
    private Path policyFile;
    private Path historyFile;
    private Path record;
    private String trustJws;
    private String listBefore;
    private String document;
    private SignedDecisionRecord signed;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private String statusList(Instant issuedAt, Optional<TokenStatus> first) {
        StatusList.Builder list = StatusList.builder(2, 64);
        first.ifPresent(status -> list.set(0, status));
        return StatusListSigner.builder().key(issuerKey).clock(Clock.fixed(issuedAt, ZoneOffset.UTC))
                .validFor(Duration.ofDays(7)).build().sign(STATUS_URI, list.build());
    }

    private String trustList(Instant issuedAt) {
        TrustedIssuer.Builder issuer = TrustedIssuer.builder().id(ISSUER).name("Lead employer").organisationCode("RRF")
                .status(TrustedIssuer.Status.ACTIVE).validFrom(DECIDED_AT.minus(Duration.ofDays(365)))
                .key(issuerKey.verificationKey());
        for (CredentialType type : CredentialType.values()) {
            issuer.credentialType(type.vct());
        }
        return TrustList.builder().operator("https://operator.example").sequence(1).issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(Duration.ofDays(30))).issuer(issuer.build())
                .issuer(TrustedIssuer.builder().id(ORG).name("Royal Devon").organisationCode("RH8")
                        .status(TrustedIssuer.Status.ACTIVE).validFrom(DECIDED_AT.minus(Duration.ofDays(365)))
                        .credentialType(DecisionRecord.TYPE_URI).key(orgKey.verificationKey()).build())
                .issuer(TrustedIssuer.builder().id(PUBLISHER).name("Regional bank").organisationCode("QE1")
                        .status(TrustedIssuer.Status.ACTIVE).validFrom(DECIDED_AT.minus(Duration.ofDays(365)))
                        .credentialType(SignedPolicy.TYPE_URI).key(publisherKey.verificationKey()).build())
                .build().sign(operator);
    }

    /** The real flow up to a signed record, and every file an auditor is given. */
    @BeforeEach
    void decide() throws IOException, PolicyInputs.BadInput {
        policyFile = REPOSITORY.resolve("examples/policies/regional-doctors-bank.json");
        policy = PolicyInputs.policy(Files.readAllBytes(policyFile), policyFile);
        String shiftWhat = "shift";
        shift = PolicyInputs.shift(PolicyInputs.object(Files.readAllBytes(
                REPOSITORY.resolve("examples/policies/shifts/rtd-amu-day.json")), shiftWhat), shiftWhat);
        historyFile = REPOSITORY.resolve("examples/policies/histories/st4-june.json");
        history = PolicyInputs.history(PolicyInputs.object(Files.readAllBytes(historyFile), "history"), "history");
        CredentialValidator validator = CredentialValidator.create(Vocabularies.standard(),
                Clock.fixed(DECIDED_AT.minus(Duration.ofDays(1)), ZoneOffset.UTC));
        PassportFacts worker = PolicyInputs.facts(Files.readAllBytes(
                REPOSITORY.resolve("examples/policies/workers/st4-medicine.json")), "worker", DECIDED_AT);
        PassportIssuer issuer = PassportIssuer.builder().issuerId(ISSUER).signingKey(issuerKey)
                .clock(Clock.fixed(DECIDED_AT.minus(Duration.ofDays(1)), ZoneOffset.UTC)).random(new SecureRandom())
                .validator(validator).build();
        Wallet wallet = Wallet.create(holder, Clock.fixed(DECIDED_AT.minusSeconds(30), ZoneOffset.UTC));
        int index = 0;
        for (PassportFacts.CredentialFacts facts : worker.credentials().values()) {
            String issued = issuer.issue(facts.credential(), holder.verificationKey(), DECIDED_AT.plus(Duration.ofDays(365)),
                    new StatusReference(STATUS_URI, index++)).value().compact();
            assertTrue(wallet.add(issued).isAccepted());
        }
        document = wallet.present(AUDIENCE, "nonce-7", policy.disclosureRequest(shift));

        trustJws = trustList(DECIDED_AT.minus(Duration.ofDays(1)));
        listBefore = statusList(DECIDED_AT.minus(Duration.ofHours(2)), Optional.empty());
        TrustAnchors anchors = TrustAnchors.load(trustJws, List.of(operator.verificationKey()), AT_DECISION).value();
        StatusListStore store = StatusListStore.builder().trustedKeys(List.of(issuerKey.verificationKey())).clock(AT_DECISION)
                .maxAge(Duration.ofHours(24)).build();
        assertTrue(store.load("list", listBefore).isStored());
        PassportVerification verification = PassportVerifier.builder().trustAnchors(anchors).statusLists(store)
                .audience(AUDIENCE).clock(AT_DECISION).validator(CredentialValidator.create(Vocabularies.standard(), AT_DECISION))
                .build().verify(document, "nonce-7");
        VerifiedPassport passport = assertInstanceOf(VerifiedPassport.class, verification, verification::toString);
        decision = policy.evaluate(passport, shift, history, DECIDED_AT);
        context = DecisionContext.builder().shift(shift).policy(policy)
                .credentialDigests(passport.credentials().stream().map(c -> c.credentialDigest()).toList())
                .holderKeyThumbprint(passport.holderKeyThumbprint()).decidedAt(DECIDED_AT)
                .presentationDigest(DecisionContext.digest(document))
                .historyDigest(DecisionContext.historyDigest(history)).build();
        signed = DecisionRecordSigner.of(orgKey, ORG).sign(decision, context);

        root = write("operator.pub.jwk", operator.verificationKey().toJwkJson());
        trust = write("trust.jws", trustJws);
        statusDir = Files.createDirectory(dir.resolve("status"));
        Files.writeString(statusDir.resolve("lead-employer-1.jwt"), listBefore);
        statusKey = write("status.pub.jwk", issuerKey.verificationKey().toJwkJson());
        presentation = write("presentation.json", document + "\n");
        record = write("record.jws", signed.compact() + "\n");
    }

    private CliRun replay(String... extra) {
        List<String> args = new ArrayList<>(List.of("decision", "replay", "--record", record.toString(),
                "--presentation", presentation.toString(), "--policy", policyFile.toString(), "--trust", trust.toString(),
                "--root", root.toString(), "--status", statusDir.toString(), "--status-key", statusKey.toString(),
                "--history", historyFile.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** {@code args} with the option {@code name}'s value replaced, or the option removed when {@code value} is null. */
    private static CliRun run(List<String> args, String name, String value) {
        List<String> out = new ArrayList<>(args);
        int i = out.indexOf(name);
        if (value == null) {
            out.remove(i + 1);
            out.remove(i);
        } else {
            out.set(i + 1, value);
        }
        return CliRun.of(out.toArray(String[]::new));
    }

    private List<String> baseArgs() {
        return List.of("decision", "replay", "--record", record.toString(), "--presentation", presentation.toString(),
                "--policy", policyFile.toString(), "--trust", trust.toString(), "--root", root.toString(),
                "--status", statusDir.toString(), "--status-key", statusKey.toString(), "--history", historyFile.toString());
    }

    private Path resigned(DecisionRecord changed) throws IOException {
        return write("changed.jws", DecisionRecordSigner.of(orgKey, ORG).sign(changed).compact() + "\n");
    }

    @Test
    void theRecordedDecisionReplaysTheSameAndExitsZero() {
        assertEquals(Outcome.ELIGIBLE, decision.outcome(), decision.findings().toString());
        CliRun run = replay();
        assertEquals(Exit.OK, run.exit(), run.out() + run.err());
        assertEquals("SAME: record " + record + " (seq 0, decided " + DECIDED_AT + " by RH8) replays to ELIGIBLE, as recorded",
                run.outLines().get(0));
        assertEquals("  policy " + policy.id() + " version " + policy.version() + ", plain JSON (not signed), digest "
                + policy.digest(), run.outLines().get(1));
        assertEquals(2, run.outLines().size(), run.out());
        assertEquals("", run.err());
    }

    @Test
    void jsonOutputIsOneObjectWithAStableShape() throws IOException {
        CliRun run = replay("--json");
        assertEquals(Exit.OK, run.exit(), run.err());
        assertEquals(1, run.outLines().size());
        JsonNode out = Json.mapper().readTree(run.out());
        assertEquals(List.of("record", "result", "ok", "seq", "issuer", "decidedAt", "recordDigest", "recordedOutcome",
                "replayedOutcome", "policy", "problem", "differences", "failures", "notes"), names(out));
        assertTrue(out.get("problem").isNull());
        assertEquals("SAME", out.get("result").textValue());
        assertTrue(out.get("ok").booleanValue());
        assertEquals(ORG, out.get("issuer").textValue());
        assertEquals("ELIGIBLE", out.get("replayedOutcome").textValue());
        assertEquals(policy.digest(), out.get("policy").get("digest").textValue());
        assertFalse(out.get("policy").get("signed").booleanValue());
        assertEquals(0, out.get("differences").size());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aSignedPolicyIsAcceptedFromAListedPublisherAndSaysSo() throws IOException {
        Path signed = write("policy.jws", SignedPolicy.sign(policy, publisherKey, PUBLISHER,
                DECIDED_AT.minus(Duration.ofDays(3))) + "\n");
        CliRun run = run(baseArgs(), "--policy", signed.toString());
        assertEquals(Exit.OK, run.exit(), run.out() + run.err());
        assertTrue(run.outLines().get(1).contains("signed by " + PUBLISHER + " (QE1) at 2026-05-29T09:00:00Z"), run.out());

        Path stranger = write("stranger.jws", SignedPolicy.sign(policy, SigningKey.generate(SignatureAlgorithm.EDDSA),
                "https://stranger.example", DECIDED_AT.minus(Duration.ofDays(3))));
        CliRun refused = run(baseArgs(), "--policy", stranger.toString());
        assertEquals(Exit.FAILED, refused.exit(), refused.err());
        assertTrue(refused.outLines().get(0).startsWith("FAILED: signed policy " + stranger + " refused: "), refused.out());
        assertTrue(refused.outLines().get(0).endsWith("(UNKNOWN_ISSUER)"), refused.out());
    }

    @Test
    void anAlteredOutcomeIsDifferentWithATable() throws IOException {
        DecisionRecord r = DecisionRecord.from(ORG, decision, context, 0, DecisionRecord.GENESIS);
        DecisionRecord altered = new DecisionRecord(r.issuer(), r.seq(), r.prev(), r.decidedAt(), r.shift(), r.policy(),
                r.credentialDigests(), r.holderKeyThumbprint(), r.presentationDigest(), r.historyDigest(), Outcome.INELIGIBLE,
                r.findings(), r.hourlyPay(), r.totalPay(), r.approvalsRequired(), r.approvals(), r.disclosureRequest());
        CliRun run = run(baseArgs(), "--record", resigned(altered).toString());
        assertEquals(Exit.FAILED, run.exit(), run.err());
        assertTrue(run.outLines().get(0).startsWith("DIFFERENT: record "), run.out());
        assertTrue(run.outLines().get(0).endsWith(" replays to ELIGIBLE; recorded INELIGIBLE"), run.out());
        assertEquals(List.of("member", "recorded", "replayed"), List.of(run.outLines().get(1).trim().split("\\s+")));
        assertEquals(List.of("outcome", "INELIGIBLE", "ELIGIBLE"), List.of(run.outLines().get(2).trim().split("\\s+")));

        JsonNode json = Json.mapper().readTree(CliRun.of(withJson(baseArgs(), "--record", dir.resolve("changed.jws"))).out());
        assertEquals("DIFFERENT", json.get("result").textValue());
        assertEquals("outcome", json.get("differences").get(0).get("member").textValue());
        assertEquals("INELIGIBLE", json.get("differences").get(0).get("recorded").textValue());
    }

    private static String[] withJson(List<String> args, String name, Path value) {
        List<String> out = new ArrayList<>(args);
        out.set(out.indexOf(name) + 1, value.toString());
        out.add("--json");
        return out.toArray(String[]::new);
    }

    @Test
    void anotherHistoryIsNotReplayable() throws IOException {
        Path other = write("other-history.json", "{\"shifts\": []}");
        CliRun run = run(baseArgs(), "--history", other.toString());
        assertEquals(Exit.FAILED, run.exit(), run.err());
        assertTrue(run.outLines().get(0).contains(": HISTORY_MISMATCH: work history digest "), run.out());
        assertTrue(run.outLines().get(0).startsWith("NOT REPLAYABLE: record "), run.out());
        JsonNode json = Json.mapper().readTree(CliRun.of(withJson(baseArgs(), "--history", other)).out());
        assertEquals("NOT_REPLAYABLE", json.get("result").textValue());
        assertEquals("HISTORY_MISMATCH", json.get("problem").get("code").textValue());
        assertFalse(json.get("ok").booleanValue());
    }

    @Test
    void aStatusListIssuedAfterTheDecisionIsNotUsed() throws IOException {
        Files.writeString(statusDir.resolve("lead-employer-2.jwt"),
                statusList(DECIDED_AT.plus(Duration.ofDays(2)), Optional.of(TokenStatus.INVALID)));
        CliRun run = replay();
        assertEquals(Exit.OK, run.exit(), run.out() + run.err());
        assertTrue(run.outLines().get(2).startsWith("  note: status list 'lead-employer-2.jwt' not used: "), run.out());

        Files.delete(statusDir.resolve("lead-employer-1.jwt"));
        CliRun after = replay("--json");
        assertEquals(Exit.FAILED, after.exit(), after.err());
        JsonNode json = Json.mapper().readTree(after.out());
        assertEquals("VERIFICATION_REFUSED", json.get("problem").get("code").textValue());
        assertEquals("STATUS_LIST_UNKNOWN", json.get("failures").get(0).get("code").textValue());
    }

    @Test
    void aTrustListIssuedAfterTheDecisionIsRefused() throws IOException {
        Path later = write("later.jws", trustList(DECIDED_AT.plus(Duration.ofDays(5))));
        CliRun run = run(baseArgs(), "--trust", later.toString());
        assertEquals(Exit.FAILED, run.exit(), run.err());
        assertTrue(run.outLines().get(0).startsWith("FAILED: trust list " + later + " refused as at the decision instant "
                + DECIDED_AT + ": "), run.out());
        assertTrue(run.outLines().get(0).endsWith("(TRUST_LIST_NOT_YET_VALID)"), run.out());
    }

    @Test
    void aRecordByAnUnlistedSignerIsRefused() throws IOException {
        Path foreign = write("foreign.jws", DecisionRecordSigner.of(SigningKey.generate(SignatureAlgorithm.EDDSA), ORG)
                .sign(decision, context).compact());
        CliRun run = run(baseArgs(), "--record", foreign.toString());
        assertEquals(Exit.FAILED, run.exit(), run.err());
        JsonNode json = Json.mapper().readTree(CliRun.of(withJson(baseArgs(), "--record", foreign)).out());
        assertEquals("RECORD_REFUSED", json.get("result").textValue());
        assertEquals("SIGNER_UNKNOWN", json.get("problem").get("code").textValue());
    }

    @Test
    void aRecordIsPickedFromALogBySeq() throws IOException {
        Path log = dir.resolve("decisions.log");
        try (AuditLogWriter writer = ((AuditLogWriter.Ready) AuditLogWriter.open(log, DecisionRecordSigner.of(orgKey, ORG)))
                .writer()) {
            writer.append(decision, context);
            writer.append(decision, context);
        }
        CliRun run = run(baseArgs(), "--record", log.toString());
        assertEquals(Exit.USAGE, run.exit());
        assertTrue(run.err().contains("record file " + log + " holds 2 lines; give a file of one record, or pick one"), run.err());
        List<String> args = new ArrayList<>(baseArgs());
        args.set(args.indexOf("--record") + 1, log.toString());
        args.addAll(List.of("--seq", "1"));
        CliRun second = CliRun.of(args.toArray(String[]::new));
        assertEquals(Exit.OK, second.exit(), second.out() + second.err());
        assertTrue(second.outLines().get(0).contains("(seq 1, decided "), second.out());
        args.set(args.size() - 1, "2");
        CliRun beyond = CliRun.of(args.toArray(String[]::new));
        assertEquals(Exit.USAGE, beyond.exit());
        assertTrue(beyond.err().contains("--seq 2: record file " + log + " holds 2 lines"), beyond.err());
    }

    @Test
    void aMissingHistoryIsAUsageErrorNamingTheOption() {
        CliRun run = run(baseArgs(), "--history", null);
        assertEquals(Exit.USAGE, run.exit());
        assertEquals("", run.out());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("staffpass: --history is required: record " + record + " carries a historyDigest"),
                run.err());
    }

    @Test
    void malformedInputIsOneLineNamingTheFileAndField() throws IOException {
        Path badHistory = write("bad-history.json", "{\"shifts\": [{\"organisation\": \"RTF\", \"start\": \"2026-06-08T07:00:00Z\","
                + " \"end\": \"yesterday\"}]}");
        Path badPolicy = write("bad-policy.json", "{\"id\": \"x\"}");
        Path notARecord = write("not-a-record.jws", "hello\n");
        Path noDecidedAt = write("no-decided-at.jws", "eyJhbGciOiJFZERTQSJ9.e30.c2ln\n");
        Path badKey = write("bad.jwk", "{\"kty\": \"RSA\"}");
        List<Object[]> cases = List.of(
                new Object[] {"--history", badHistory, "history file " + badHistory + ": shifts/0: end must be an instant"},
                new Object[] {"--policy", badPolicy, "policy file " + badPolicy + " is invalid"},
                new Object[] {"--record", notARecord, "record file " + notARecord + " is not a decision record"},
                new Object[] {"--record", noDecidedAt, "record file " + noDecidedAt + ": payload member decidedAt is missing"},
                new Object[] {"--status-key", badKey, "key file " + badKey + ": "},
                new Object[] {"--presentation", dir.resolve("missing.json"), "presentation file " + dir.resolve("missing.json")
                        + " is not a readable file"},
                new Object[] {"--status", presentation, "--status " + presentation + " is not a directory"});
        for (Object[] c : cases) {
            CliRun run = run(baseArgs(), (String) c[0], c[1].toString());
            assertEquals(Exit.USAGE, run.exit(), c[0] + ": " + run.out() + run.err());
            assertEquals("", run.out(), c[0].toString());
            assertEquals(1, run.errLines().size(), run.err());
            assertTrue(run.err().startsWith("staffpass: " + c[2]), c[0] + ": " + run.err());
        }
        CliRun age = replay("--max-age", "-PT1H");
        assertEquals(Exit.USAGE, age.exit());
        assertTrue(age.err().startsWith("staffpass: --max-age must be positive"), age.err());
    }

    /** The library example of docs/audit.md ("Replay"), on the same material the command reads. */
    @Test
    void theDocumentedLibraryExampleReplaysTheSame() {
        TrustAnchors anchorsHoldingTheListInForceAtTheDecision = TrustAnchors.load(trustJws,
                List.of(operator.verificationKey()), AT_DECISION).value();
        List<VerificationKey> statusKeys = List.of(issuerKey.verificationKey());
        String statusListJws = listBefore;
        RecordResult.Valid verifiedRecord = assertInstanceOf(RecordResult.Valid.class,
                DecisionRecordVerifier.of(anchorsHoldingTheListInForceAtTheDecision).verify(signed.compact()));
        String presentationDocument = document;

        // tag::replay-library[]
        DecisionReplay replay = DecisionReplay.builder()
                .trustAnchors(anchorsHoldingTheListInForceAtTheDecision)
                .statusListKeys(statusKeys)
                .statusLists(Map.of("lead-employer-1.jwt", statusListJws))   // every list the auditor has
                .statusListMaxAge(Duration.ofHours(24))
                .vocabularies(Vocabularies.standard())
                .policy(policy)
                .build();
        ReplayResult result = replay.replay(verifiedRecord, presentationDocument, history);  // a RecordResult.Valid
        // end::replay-library[]

        ReplayResult.Same same = assertInstanceOf(ReplayResult.Same.class, result, result::toString);
        assertEquals(decision, same.replayed());
    }

    @Test
    void helpDescribesEveryOption() {
        CliRun run = CliRun.of("decision", "replay", "--help");
        assertEquals(Exit.OK, run.exit());
        for (String option : List.of("--record", "--seq", "--presentation", "--policy", "--history", "--trust", "--root",
                "--status", "--status-key", "--max-age", "--json")) {
            assertTrue(run.out().contains(option), option);
        }
        assertTrue(run.out().contains("Exit 0 the same decision"), run.out());
    }

    @Test
    void decisionWithoutSubcommandNamesBoth() {
        CliRun run = CliRun.of("decision");
        assertEquals(Exit.USAGE, run.exit());
        assertTrue(run.err().contains("choose a subcommand: verify, replay"), run.err());
    }
}
