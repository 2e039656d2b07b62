package org.staffpass.rules.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.staffpass.passport.DisclosureRequest;
import org.staffpass.rules.BreakGlass;
import org.staffpass.rules.Decision;
import org.staffpass.rules.Outcome;
import org.staffpass.rules.RuleCode;
import org.staffpass.rules.audit.DecisionRecord.Approval;

/** The break glass a decision relied on is recorded with its reason, once, and reads back. */
class DecisionRecordBreakGlassTest {
    private static final BreakGlass GLASS = new BreakGlass("chief-executive", "E1234", "no cover for the resus team",
            Instant.parse("2026-03-01T11:00:00Z"));

    private static Decision relyingOnGlass() {
        Decision base = AuditFixtures.decision(Outcome.NEEDS_APPROVAL);
        // two approvals relying on the same glass (price cap and tiers): recorded once
        List<org.staffpass.rules.Approval> approvals = List.of(
                new org.staffpass.rules.Approval("chief-executive", "/rules/rates/breakGlassRole", RuleCode.RATE_ABOVE_CAP,
                        Optional.of(GLASS)),
                new org.staffpass.rules.Approval("chief-executive", "/rules/rates/breakGlassRole", RuleCode.RATE_ABOVE_TIERS,
                        Optional.of(GLASS)),
                new org.staffpass.rules.Approval("medical-director", "/rules/rates/escalation/0", RuleCode.RATE_ESCALATION,
                        Optional.empty()));
        return new Decision(base.outcome(), base.findings(), base.hourlyPay(), List.of("chief-executive", "medical-director"),
                List.of(), base.policyDigest(), Optional.of(new BigDecimal("2700.09")), approvals,
                new DisclosureRequest(Map.of()));
    }

    @Test
    void theReasonIsRecordedAfterTheOutsideApprovalsAndVerifies() {
        SignedDecisionRecord signed = AuditFixtures.signer(AuditFixtures.ED25519).sign(relyingOnGlass(), AuditFixtures.context());
        assertEquals(List.of(
                new Approval("medical-director", "staff-0042", Instant.parse("2026-03-01T12:05:00Z")),
                new Approval("chief-executive", "E1234", GLASS.approvedAt(), Optional.of(GLASS.reason()))),
                signed.record().approvals());
        RecordResult.Valid valid = assertInstanceOf(RecordResult.Valid.class, AuditFixtures.verifier().verify(signed.compact()));
        assertEquals(signed.record(), valid.record());
        assertEquals(Optional.of("no cover for the resus team"), valid.record().approvals().get(1).reason());
    }

    @Test
    void anOutsideApprovalThatIsTheGlassGainsItsReasonInPlace() {
        DecisionContext base = AuditFixtures.context();
        DecisionContext context = DecisionContext.builder().shift(base.shift()).policy(base.policy())
                .credentialDigests(base.credentialDigests()).holderKeyThumbprint(base.holderKeyThumbprint())
                .decidedAt(base.decidedAt())
                .approvals(List.of(new Approval("chief-executive", "E1234", GLASS.approvedAt()),
                        new Approval("medical-director", "staff-0042", Instant.parse("2026-03-01T12:05:00Z"))))
                .build();
        DecisionRecord record = DecisionRecord.from(AuditFixtures.ORG, relyingOnGlass(), context, 0, DecisionRecord.GENESIS);
        assertEquals(List.of(new Approval("chief-executive", "E1234", GLASS.approvedAt(), Optional.of(GLASS.reason())),
                new Approval("medical-director", "staff-0042", Instant.parse("2026-03-01T12:05:00Z"))), record.approvals());
    }

    @Test
    void aDecisionWithoutGlassRecordsNoReason() {
        DecisionRecord record = AuditFixtures.signer(AuditFixtures.P256)
                .sign(AuditFixtures.decision(Outcome.NEEDS_APPROVAL), AuditFixtures.context()).record();
        assertEquals(List.of(Optional.empty()), record.approvals().stream().map(Approval::reason).toList());
    }

    @Test
    void reasonBoundsAreChecked() {
        Instant at = GLASS.approvedAt();
        assertEquals(500, new Approval("r", "a", at, Optional.of("x".repeat(500))).reason().orElseThrow().length());
        assertThrows(IllegalArgumentException.class, () -> new Approval("r", "a", at, Optional.of("x".repeat(501))));
        assertThrows(IllegalArgumentException.class, () -> new Approval("r", "a", at, Optional.of("")));
        assertThrows(IllegalArgumentException.class, () -> new Approval("r", "a", at, Optional.of("line\nbreak")));
    }
}
