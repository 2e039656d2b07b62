package org.staffpass.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.trust.TrustAnchors;
import org.staffpass.crypto.trust.TrustList;
import org.staffpass.crypto.trust.TrustedIssuer;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.SpecialtyCode;
import org.staffpass.rules.Decision;
import org.staffpass.rules.Outcome;
import org.staffpass.rules.PassportFacts;
import org.staffpass.passport.credential.CredentialValidator;
import org.staffpass.passport.vocab.Vocabularies;
import org.staffpass.rules.Policy;
import org.staffpass.rules.PolicyResult;
import org.staffpass.rules.Shift;
import org.staffpass.rules.WorkHistory;
import org.staffpass.rules.audit.AuditLogVerifier;
import org.staffpass.rules.audit.AuditLogWriter;
import org.staffpass.rules.audit.DecisionContext;
import org.staffpass.rules.audit.DecisionRecord;
import org.staffpass.rules.audit.DecisionRecordSigner;
import org.staffpass.rules.audit.DecisionRecordVerifier;
import org.staffpass.rules.audit.LogReport;

/**
 * The example of docs/audit.md through the public API, with real decisions: the example
 * policy evaluates shifts, each decision is appended to a log, and an auditor verifies it.
 */
class DecisionRecordExampleTest {
    private static final String ORG = "https://trust.rtd.nhs.example";

    @TempDir
    Path dir;

    private static Shift shift(String start, String end, String rate) {
        return ((Shift.Resolved) Shift.ofLocal("RTD", "Main", "AMU", new SpecialtyCode("300"), new GradeCode("ST3"),
                new GradeCode("ST5"), LocalDateTime.parse(start), LocalDateTime.parse(end), Shift.Channel.BANK,
                new BigDecimal(rate))).shift();
    }

    @Test
    void realDecisionsAreRecordedChainedAndVerified() throws IOException {
        Path repository = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).getParent();
        Policy policy = ((PolicyResult.Valid) Policy.parse(
                Files.readAllBytes(repository.resolve("examples/policies/regional-doctors-bank.json")))).policy();
        Instant decidedAt = Instant.parse("2026-06-01T09:00:00Z");
        PassportFacts worker = ((PassportFacts.Parsed) PassportFacts.parse(
                Files.readAllBytes(repository.resolve("examples/policies/workers/st4-medicine.json")),
                CredentialValidator.create(Vocabularies.standard(), Clock.fixed(decidedAt, ZoneOffset.UTC)))).facts();
        SigningKey orgKey = SigningKey.generate(SignatureAlgorithm.ES256);
        DecisionRecordSigner signer = DecisionRecordSigner.of(orgKey, ORG);

        Path path = dir.resolve("decisions.log");
        java.util.Map<Outcome, Long> outcomes = new java.util.EnumMap<>(Outcome.class);
        long rateViolations = 0;
        List<Shift> shifts = List.of(shift("2026-06-10T08:00", "2026-06-10T17:00", "93.00"),
                shift("2026-06-11T20:00", "2026-06-12T08:00", "150.00"),
                shift("2026-06-13T08:00", "2026-06-13T17:00", "999.00"));
        try (AuditLogWriter log = ((AuditLogWriter.Ready) AuditLogWriter.open(path, signer)).writer()) {
            for (Shift shift : shifts) {
                Decision decision = policy.evaluate(worker, shift, WorkHistory.empty(), decidedAt);
                DecisionContext context = DecisionContext.builder()
                        .shift(shift).policy(policy)
                        .credentialDigests(List.of(DecisionContext.credentialDigest("issuer-signed.jwt~disclosure~")))
                        .holderKeyThumbprint(SigningKey.generate(SignatureAlgorithm.ES256).verificationKey().thumbprint())
                        .decidedAt(decidedAt)
                        .presentationDigest(DecisionContext.digest("the presentation"))
                        .build();
                log.append(decision, context);
                outcomes.merge(decision.outcome(), 1L, Long::sum);
                rateViolations += decision.findings().stream()
                        .filter(f -> !f.passed() && f.code().name().startsWith("RATE_")).count();
            }
        }

        Clock clock = Clock.fixed(decidedAt.plus(Duration.ofDays(30)), ZoneOffset.UTC);
        SigningKey operator = SigningKey.generate(SignatureAlgorithm.EDDSA);
        String trustList = TrustList.builder().operator("https://trust.scheme.example").sequence(1)
                .issuedAt(decidedAt.minus(Duration.ofDays(1))).expiresAt(decidedAt.plus(Duration.ofDays(90)))
                .issuer(TrustedIssuer.builder().id(ORG).name("Royal Devon").organisationCode("RH8")
                        .status(TrustedIssuer.Status.ACTIVE).validFrom(decidedAt.minus(Duration.ofDays(1)))
                        .credentialType(DecisionRecord.TYPE_URI).key(orgKey.verificationKey()).build())
                .build().sign(operator);
        TrustAnchors anchors = TrustAnchors.load(trustList, List.of(operator.verificationKey()), clock).value();

        LogReport report = AuditLogVerifier.builder().records(DecisionRecordVerifier.of(anchors))
                .expectedCount(3).build().verify(path);

        assertTrue(report.isIntact(), report.problems().toString());
        assertEquals(3, report.summary().records());
        assertEquals(3, report.summary().recordsBySigner().get("RH8"));
        for (Outcome outcome : Outcome.values()) {
            assertEquals(outcomes.getOrDefault(outcome, 0L), report.summary().outcomes().get(outcome), outcome.name());
        }
        assertEquals(1L, outcomes.get(Outcome.ELIGIBLE), "the card-rate shift");
        assertTrue(rateViolations >= 2, "the two shifts above the card rate");
        assertEquals(rateViolations, report.summary().rateViolations().values().stream().mapToLong(Long::longValue).sum());
    }
}
