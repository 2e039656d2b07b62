package org.staffpass.examples;

import java.nio.file.Path;
import java.time.Instant;
import org.staffpass.passport.DisclosureRequest;
import org.staffpass.passport.VerifiedPassport;
import org.staffpass.rules.Decision;
import org.staffpass.rules.PassportFacts;
import org.staffpass.rules.Policy;
import org.staffpass.rules.PolicyResult;
import org.staffpass.rules.Shift;
import org.staffpass.rules.WorkHistory;
import org.staffpass.rules.audit.AuditLogWriter;
import org.staffpass.rules.audit.DecisionContext;
import org.staffpass.rules.audit.DecisionRecordSigner;

/**
 * User path 4, the bank scheduler: load the bank's policy once, ask a worker for exactly what
 * a shift needs, decide the shift on the verified passport and the worker's hours at every
 * trust, and record the decision, signed, in the audit log. docs/getting-started.md quotes it.
 */
public final class BankSchedulerExample {
    private BankSchedulerExample() {
    }

    /** The bank's policy, validated and compiled once (a refusal lists every problem with its JSON Pointer). */
    public static Policy load(String policyJson) {
        // tag::policy[]
        PolicyResult parsed = Policy.parse(policyJson);
        if (parsed instanceof PolicyResult.Invalid invalid) {
            throw new IllegalArgumentException("policy refused: " + invalid.issues());   // CODE at /pointer: message
        }
        Policy policy = ((PolicyResult.Valid) parsed).policy();   // immutable, thread-safe: share it
        // end::policy[]
        return policy;
    }

    /** What the wallet should disclose for {@code shift}: pass it to {@code Wallet.present}. */
    public static DisclosureRequest request(Policy policy, Shift shift) {
        // tag::request[]
        DisclosureRequest needed = policy.disclosureRequest(shift);   // exactly the claims the rules read
        // end::request[]
        return needed;
    }

    /** Decides {@code shift} for the worker and appends the signed record to {@code log}. */
    public static Decision decideAndRecord(Policy policy, VerifiedPassport passport, String presentation, Shift shift,
            WorkHistory hoursAtEveryTrust, Instant now, DecisionRecordSigner trustSigner, Path log) throws Exception {
        // tag::decide[]
        Decision decision = policy.evaluate(PassportFacts.of(passport), shift, hoursAtEveryTrust, now);
        decision.outcome();            // ELIGIBLE, NEEDS_APPROVAL (decision.approvals(): role and why) or INELIGIBLE
        decision.findings();           // every rule: passed?, code, expected vs actual, evidence

        DecisionContext context = DecisionContext.builder()
                .shift(shift).policy(policy).decidedAt(now)
                .credentialDigests(passport.credentials().stream().map(c -> c.credentialDigest()).toList())
                .holderKeyThumbprint(passport.holderKeyThumbprint())
                .presentationDigest(DecisionContext.digest(presentation))   // digests only: no personal data
                .build();
        try (AuditLogWriter writer = ((AuditLogWriter.Ready) AuditLogWriter.open(log, trustSigner)).writer()) {
            writer.append(decision, context);   // signed by the trust, chained to the previous record
        }
        // end::decide[]
        return decision;
    }
}
