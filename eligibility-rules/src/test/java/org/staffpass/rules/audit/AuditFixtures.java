package org.staffpass.rules.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.trust.TrustAnchors;
import org.staffpass.crypto.trust.TrustList;
import org.staffpass.crypto.trust.TrustedIssuer;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.SpecialtyCode;
import org.staffpass.rules.Decision;
import org.staffpass.rules.Finding;
import org.staffpass.rules.Outcome;
import org.staffpass.rules.RuleCode;
import org.staffpass.rules.Shift;
import org.staffpass.rules.audit.DecisionRecord.Approval;
import org.staffpass.rules.audit.DecisionRecord.PolicyReference;

/** Fixed keys, inputs and trust lists for the audit tests. */
final class AuditFixtures {
    static final Path REPOSITORY = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).getParent();
    static final Path RESOURCES = REPOSITORY.resolve("eligibility-rules/src/test/resources/audit");
    static final String ORG = "https://rtd.nhs.example";
    static final String ORG_CODE = "RTD";
    static final String POLICY_DIGEST = DecisionContext.digest("policy");
    static final Instant DECIDED_AT = Instant.parse("2026-03-01T12:00:00Z");
    static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    static final Instant SIGNER_FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final SigningKey ED25519 = key("ed25519-signer.jwk.json");
    static final SigningKey P256 = key("p256-signer.jwk.json");

    private AuditFixtures() {
    }

    static String resource(String name) {
        try {
            return Files.readString(RESOURCES.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String repositoryFile(String relative) {
        try {
            return Files.readString(REPOSITORY.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SigningKey key(String name) {
        return SigningKey.fromJwk(resource(name)).value();
    }

    static Shift shift() {
        return new Shift("RTD", "Royal Devon", "Emergency Department", new SpecialtyCode("EMERGENCY_MEDICINE"),
                new GradeCode("ST3"), new GradeCode("ST8"), Instant.parse("2026-03-02T19:00:00Z"),
                Instant.parse("2026-03-03T08:00:00Z"), Shift.Channel.BANK, new BigDecimal("95.00"));
    }

    static Decision decision(Outcome outcome) {
        return new Decision(outcome, List.of(
                new Finding("/rules/gradeAndSpecialty/minimumGrade", true, RuleCode.GRADE_TOO_LOW, ">= ST3", "ST5",
                        List.of("credential:grade")),
                new Finding("/rules/workingTime/maxShiftHours", true, RuleCode.WORKING_TIME_SHIFT_TOO_LONG, "<= 13 h",
                        "13 h", List.of("shift:candidate")),
                new Finding("/rules/rates/escalation/0", false, RuleCode.RATE_ESCALATION, "<= 80.00", "95.00",
                        List.of("shift:candidate", "rate-card:ST3-ST8/night"))),
                Optional.of(new BigDecimal("80.00")), List.of("medical-director"), List.of(), POLICY_DIGEST);
    }

    static DecisionContext context() {
        return DecisionContext.builder().shift(shift())
                .policy(new PolicyReference("regional-doctors-bank", "2026.1", POLICY_DIGEST))
                .credentialDigests(List.of(DecisionContext.credentialDigest("credential-1~disclosure"),
                        DecisionContext.credentialDigest("credential-2")))
                .holderKeyThumbprint(DecisionContext.digest("holder key"))
                .decidedAt(DECIDED_AT)
                .approvals(List.of(new Approval("medical-director", "staff-0042", Instant.parse("2026-03-01T12:05:00Z"))))
                .presentationDigest(DecisionContext.digest("presentation"))
                .historyDigest(DecisionContext.digest("history"))
                .build();
    }

    static DecisionRecordSigner signer(SigningKey key) {
        return DecisionRecordSigner.of(key, ORG);
    }

    static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    /** The deciding organisation on a trust list, authorised for decision records. */
    static TrustedIssuer.Builder organisation() {
        return TrustedIssuer.builder().id(ORG).name("Royal Devon").organisationCode(ORG_CODE)
                .status(TrustedIssuer.Status.ACTIVE).validFrom(SIGNER_FROM)
                .key(ED25519.verificationKey()).key(P256.verificationKey());
    }

    /** Anchors holding a list with {@code issuers}, signed by a fresh operator key. */
    static TrustAnchors anchors(TrustedIssuer... issuers) {
        SigningKey operator = SigningKey.generate(SignatureAlgorithm.EDDSA);
        TrustList list = TrustList.builder().operator("https://operator.example").sequence(1)
                .issuedAt(NOW.minus(Duration.ofDays(90))).expiresAt(NOW.plus(Duration.ofDays(30)))
                .issuers(List.of(issuers)).build();
        return TrustAnchors.load(list.sign(operator), List.of(operator.verificationKey()), clock()).value();
    }

    /** The standard anchors: the organisation authorised for decision records. */
    static TrustAnchors anchors() {
        return anchors(organisation().credentialType(DecisionRecord.TYPE_URI).build());
    }

    static DecisionRecordVerifier verifier() {
        return DecisionRecordVerifier.of(anchors());
    }
}
