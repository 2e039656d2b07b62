package org.staffpass.rules.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.staffpass.rules.Decision;
import org.staffpass.rules.Finding;
import org.staffpass.rules.audit.DecisionRecord.RecordedFinding;

/**
 * The one place a {@link Decision} becomes a {@link DecisionRecord}: when Decision gains a
 * field, this is the only code to change (plus the payload codec and schema if the record
 * carries it).
 */
final class DecisionMapper {
    private DecisionMapper() {
    }

    static DecisionRecord toRecord(String issuer, Decision decision, DecisionContext context, long seq, String prev) {
        if (!decision.policyDigest().equals(context.policy().digest())) {
            throw new IllegalArgumentException("the decision was made by policy digest " + decision.policyDigest()
                    + ", not the context's " + context.policy().digest());
        }
        List<RecordedFinding> findings = new ArrayList<>(decision.findings().size());
        for (Finding finding : decision.findings()) {
            findings.add(RecordedFinding.of(finding.ruleId(), finding.passed(), finding.code(), finding.evidence()));
        }
        // Approvals recorded outside the decision (a staffing manager's sign-off) come first, then
        // the break-glass approvals the decision itself relied on, each once, with the reason
        // replay needs to rebuild the BreakGlass (an outside approval that is the same one gains it).
        List<DecisionRecord.Approval> approvals = new ArrayList<>(context.approvals());
        for (org.staffpass.rules.Approval needed : decision.approvals()) {
            needed.recorded().ifPresent(glass -> {
                DecisionRecord.Approval recorded = new DecisionRecord.Approval(glass.role(), glass.approverId(),
                        glass.approvedAt(), Optional.of(glass.reason()));
                for (int i = 0; i < approvals.size(); i++) {
                    if (approvals.get(i).sameApproval(recorded)) {
                        approvals.set(i, recorded);
                        return;
                    }
                }
                approvals.add(recorded);
            });
        }
        return new DecisionRecord(issuer, seq, prev, context.decidedAt(), context.shift(), context.policy(),
                context.credentialDigests(), context.holderKeyThumbprint(), context.presentationDigest(),
                context.historyDigest(), decision.outcome(), findings, decision.hourlyPay(), decision.totalPay(),
                decision.approvalsRequired(), approvals, decision.disclosureRequest());
    }
}
