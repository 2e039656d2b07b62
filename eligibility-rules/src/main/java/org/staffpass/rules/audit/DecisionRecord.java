package org.staffpass.rules.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.staffpass.rules.Decision;
import org.staffpass.rules.Outcome;
import org.staffpass.rules.RuleCode;
import org.staffpass.rules.Shift;

/**
 * The content of a signed decision record (docs/audit.md): what was decided, for which shift,
 * under which policy, on which credentials (by digest only, never their content), and where
 * the record sits in its audit log ({@code seq}, {@code prev}). Everything replay needs is
 * here: the decision instant, the full shift, the policy id, version and digest, the
 * credential digests, the holder key thumbprint and, when given, digests of the presentation
 * and of the work history.
 *
 * <p>Immutable; lists are copied and keep the decision's order. The constructor checks the
 * same bounds and formats the verifier enforces, and throws {@link IllegalArgumentException}
 * for a value no verifier would accept (programmer error). Build one from a {@link Decision}
 * with {@link #from}; sign it with {@link DecisionRecordSigner}.
 *
 * @param issuer              the deciding organisation's identifier on the trust list ({@code iss})
 * @param seq                 0-based position in the audit log (0 for a record outside any log)
 * @param prev                base64url SHA-256 of the previous record's compact JWS, or {@link #GENESIS}
 * @param decidedAt           the decision instant
 * @param shift               the shift decided
 * @param policy              the policy that decided
 * @param credentialDigests   digests of the presented credentials, in presentation order
 * @param holderKeyThumbprint RFC 7638 thumbprint of the holder's key
 * @param presentationDigest  digest of the presentation (binds audience and nonce), if recorded
 * @param historyDigest       digest of the work history the decision used, if recorded
 * @param outcome             the outcome
 * @param findings            every finding, in the decision's order
 * @param hourlyPay           the hourly pay the card gave, if the rates family applied
 * @param totalPay            the offered rate times the shift's elapsed time, if the rates family applied
 * @param approvalsRequired   roles the decision asked to approve
 * @param approvals           approvals recorded
 * @param disclosureRequest   claim paths the decision asked the worker to disclose
 * @since 0.1
 */
public record DecisionRecord(String issuer, long seq, String prev, Instant decidedAt, Shift shift,
        PolicyReference policy, List<String> credentialDigests, String holderKeyThumbprint,
        Optional<String> presentationDigest, Optional<String> historyDigest, Outcome outcome,
        List<RecordedFinding> findings, Optional<BigDecimal> hourlyPay, Optional<BigDecimal> totalPay,
        List<String> approvalsRequired, List<Approval> approvals, List<String> disclosureRequest) {

    /** The JWS header {@code typ} of every decision record. */
    public static final String TYPE = "staffpass-decision+jwt";
    /** The type URI a trust list must authorise a signer for (in its {@code credentialTypes}). */
    public static final String TYPE_URI = "https://staffpass.example/types/decision-record/v1";
    /** The payload format version this code writes and reads ({@code v}). */
    public static final int FORMAT_VERSION = 1;
    /** The {@code prev} of the first record of a log: base64url of 32 zero bytes. */
    public static final String GENESIS = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    /** Bound on the compact JWS of one record, in characters (also the log's line bound). */
    public static final int MAX_RECORD_CHARS = 1 << 20;
    /** Bound on any text member, in UTF-16 code units. */
    public static final int MAX_TEXT = 1024;
    /** Bound on findings per record. */
    public static final int MAX_FINDINGS = 1024;
    /** Bound on every other list (credentials, roles, approvals, disclosure paths), as on policy arrays. */
    public static final int MAX_LIST = 400;
    /** Bound on a break-glass approval's reason, in UTF-16 code units (as {@link org.staffpass.rules.BreakGlass}'s). */
    public static final int MAX_REASON = 500;
    /** Evidence references recorded per finding; a longer list is shortened and digested ({@link RecordedFinding#of}). */
    public static final int MAX_EVIDENCE = 64;

    public DecisionRecord {
        RecordRules.require(RecordRules.text(Objects.requireNonNull(issuer, "issuer"), true), "issuer");
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative, was " + seq);
        }
        RecordRules.require(RecordRules.digest(Objects.requireNonNull(prev, "prev")), "prev");
        RecordRules.require(RecordRules.instant(Objects.requireNonNull(decidedAt, "decidedAt")), "decidedAt");
        Objects.requireNonNull(shift, "shift");
        RecordRules.require(RecordRules.shift(shift), "shift");
        Objects.requireNonNull(policy, "policy");
        credentialDigests = List.copyOf(credentialDigests);
        RecordRules.require(RecordRules.size(credentialDigests, MAX_LIST), "credentialDigests");
        credentialDigests.forEach(d -> RecordRules.require(RecordRules.digest(d), "credentialDigests"));
        RecordRules.require(RecordRules.digest(Objects.requireNonNull(holderKeyThumbprint, "holderKeyThumbprint")),
                "holderKeyThumbprint");
        Objects.requireNonNull(presentationDigest, "presentationDigest")
                .ifPresent(d -> RecordRules.require(RecordRules.digest(d), "presentationDigest"));
        Objects.requireNonNull(historyDigest, "historyDigest")
                .ifPresent(d -> RecordRules.require(RecordRules.digest(d), "historyDigest"));
        Objects.requireNonNull(outcome, "outcome");
        findings = List.copyOf(findings);
        RecordRules.require(RecordRules.size(findings, MAX_FINDINGS), "findings");
        Objects.requireNonNull(hourlyPay, "hourlyPay")
                .ifPresent(p -> RecordRules.require(RecordRules.money(p), "hourlyPay"));
        Objects.requireNonNull(totalPay, "totalPay")
                .ifPresent(p -> RecordRules.require(RecordRules.money(p), "totalPay"));
        approvalsRequired = List.copyOf(approvalsRequired);
        RecordRules.require(RecordRules.texts(approvalsRequired, true), "approvalsRequired");
        approvals = List.copyOf(approvals);
        RecordRules.require(RecordRules.size(approvals, MAX_LIST), "approvals");
        disclosureRequest = List.copyOf(disclosureRequest);
        RecordRules.require(RecordRules.texts(disclosureRequest, true), "disclosureRequest");
    }

    /**
     * The record of {@code decision}, made with the context the decision does not hold, at
     * position {@code seq} after the record whose digest is {@code prev}. The one mapping from
     * {@link Decision} to record.
     *
     * @throws IllegalArgumentException if the context's policy digest is not the decision's,
     *                                  or a value is outside the record's bounds
     */
    public static DecisionRecord from(String issuer, Decision decision, DecisionContext context, long seq, String prev) {
        return DecisionMapper.toRecord(issuer, decision, context, seq, prev);
    }

    /** The same record at another position in a log. */
    public DecisionRecord at(long seq, String prev) {
        return new DecisionRecord(issuer, seq, prev, decidedAt, shift, policy, credentialDigests, holderKeyThumbprint,
                presentationDigest, historyDigest, outcome, findings, hourlyPay, totalPay, approvalsRequired, approvals,
                disclosureRequest);
    }

    /**
     * The canonical payload: UTF-8 JSON, members sorted, no insignificant whitespace,
     * decimals as strings, instants as ISO-8601 UTC with {@code Z}.
     */
    public byte[] payload() {
        return RecordCodec.write(this);
    }

    /**
     * Which policy decided.
     *
     * @param id      the policy id
     * @param version the policy version
     * @param digest  base64url SHA-256 of the policy's canonical form
     */
    public record PolicyReference(String id, String version, String digest) {
        public PolicyReference {
            RecordRules.require(RecordRules.text(Objects.requireNonNull(id, "id"), true), "policy id");
            RecordRules.require(RecordRules.text(Objects.requireNonNull(version, "version"), true), "policy version");
            RecordRules.require(RecordRules.digest(Objects.requireNonNull(digest, "digest")), "policy digest");
        }
    }

    /**
     * One finding as recorded: rule, verdict, code and evidence references. The finding's
     * expected and actual texts are left out: they can carry credential content (a grade, a
     * registration status), and replay recomputes them.
     *
     * <p>Evidence can be long (an average over a 26-week reference period cites every shift
     * in it). Up to {@link #MAX_EVIDENCE} references are recorded as they are; a longer list
     * is recorded as its first {@link #MAX_EVIDENCE} references plus its full length
     * ({@code evidenceCount}) and {@code evidenceDigest}, the digest of the whole list as a
     * canonical JSON array, which replay recomputes. {@link #of} does this.
     *
     * @param ruleId         the rule, as a JSON Pointer into the policy
     * @param passed         whether it passed
     * @param code           its reason code
     * @param evidence       references to what was used (credential ids, shift intervals), at most {@link #MAX_EVIDENCE}
     * @param evidenceCount  the full number of references (equals {@code evidence.size()} unless shortened)
     * @param evidenceDigest digest of the full list, present exactly when the list was shortened
     */
    public record RecordedFinding(String ruleId, boolean passed, RuleCode code, List<String> evidence, long evidenceCount,
            Optional<String> evidenceDigest) {
        public RecordedFinding {
            RecordRules.require(RecordRules.text(Objects.requireNonNull(ruleId, "ruleId"), true), "finding ruleId");
            Objects.requireNonNull(code, "code");
            evidence = List.copyOf(evidence);
            RecordRules.require(RecordRules.size(evidence, MAX_EVIDENCE), "finding evidence");
            for (String reference : evidence) {
                RecordRules.require(RecordRules.text(reference, false), "finding evidence");
            }
            Objects.requireNonNull(evidenceDigest, "evidenceDigest");
            evidenceDigest.ifPresent(d -> RecordRules.require(RecordRules.digest(d), "finding evidenceDigest"));
            boolean shortened = evidenceDigest.isPresent();
            if (shortened ? evidence.size() != MAX_EVIDENCE || evidenceCount <= MAX_EVIDENCE
                    : evidenceCount != evidence.size()) {
                throw new IllegalArgumentException("finding evidence: evidenceCount and evidenceDigest must describe a list"
                        + " shortened to " + MAX_EVIDENCE + " references, or be the list's size and empty");
            }
        }

        /** The finding with all of {@code evidence}, shortened as described above when longer than {@link #MAX_EVIDENCE}. */
        public static RecordedFinding of(String ruleId, boolean passed, RuleCode code, List<String> evidence) {
            if (evidence.size() <= MAX_EVIDENCE) {
                return new RecordedFinding(ruleId, passed, code, evidence, evidence.size(), Optional.empty());
            }
            return new RecordedFinding(ruleId, passed, code, evidence.subList(0, MAX_EVIDENCE), evidence.size(),
                    Optional.of(RecordCodec.evidenceDigest(evidence)));
        }
    }

    /**
     * An approval given for the decision (an escalation tier's role, or break glass). A
     * break-glass approval the decision relied on also carries its {@code reason}, so replay can
     * rebuild the {@link org.staffpass.rules.BreakGlass} the evaluator was given; approvals
     * recorded outside the decision carry none.
     *
     * @param role       the approving role
     * @param approver   who approved (an identifier, never a name)
     * @param approvedAt when
     * @param reason     why glass was broken (1 to {@link #MAX_REASON} characters), for a break-glass approval
     */
    public record Approval(String role, String approver, Instant approvedAt, Optional<String> reason) {
        public Approval {
            RecordRules.require(RecordRules.text(Objects.requireNonNull(role, "role"), true), "approval role");
            RecordRules.require(RecordRules.text(Objects.requireNonNull(approver, "approver"), true), "approval approver");
            RecordRules.require(RecordRules.instant(Objects.requireNonNull(approvedAt, "approvedAt")), "approval approvedAt");
            Objects.requireNonNull(reason, "reason").ifPresent(r -> RecordRules.require(RecordRules.reason(r), "approval reason"));
        }

        /** An approval without a reason (one recorded outside the decision). */
        public Approval(String role, String approver, Instant approvedAt) {
            this(role, approver, approvedAt, Optional.empty());
        }

        /** Whether {@code other} is the same approval (role, approver, instant), whatever reason either carries. */
        boolean sameApproval(Approval other) {
            return role.equals(other.role) && approver.equals(other.approver) && approvedAt.equals(other.approvedAt);
        }
    }
}
