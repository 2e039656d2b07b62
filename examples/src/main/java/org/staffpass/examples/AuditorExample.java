package org.staffpass.examples;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.trust.TrustAnchors;
import org.staffpass.rules.audit.AuditLogVerifier;
import org.staffpass.rules.audit.DecisionRecordVerifier;
import org.staffpass.rules.audit.LogReport;

/**
 * User path 5, the auditor: months later, check a bank's decision log offline in one
 * streaming pass — every record signed by an organisation the trust list authorises for
 * decisions, none edited, deleted or reordered — and summarise it. docs/getting-started.md
 * quotes it; {@code ./staffpass decision verify} is the same check on the command line.
 */
public final class AuditorExample {
    private AuditorExample() {
    }

    /** The log's report: intact or not, every problem with its line, and the summary. */
    public static LogReport audit(String trustListJws, VerificationKey operatorRoot, Path log, long expectedRecords,
            Clock clock) throws Exception {
        // tag::audit[]
        TrustAnchors anchors = TrustAnchors.load(trustListJws, List.of(operatorRoot), clock).value();
        LogReport report = AuditLogVerifier.builder()
                .records(DecisionRecordVerifier.of(anchors))   // signer on the list, authorised for decisions
                .expectedCount(expectedRecords)                 // a hash chain cannot see a cut tail by itself
                .build()
                .verify(log);                                   // one streaming pass
        report.isIntact();        // signatures, types and the chain all hold
        report.problems();        // each with its line and AuditProblem code
        report.summary();         // outcomes, rate violations, approvals by role, records per signer
        // end::audit[]
        return report;
    }
}
