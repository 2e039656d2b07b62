package org.staffpass.rules.audit;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.staffpass.rules.Outcome;
import org.staffpass.rules.RuleCode;

/**
 * Counts over the verified records of a log, for an auditor's table: outcomes, failed rate
 * findings ({@code RATE_*} codes), approvals by role, and records by signing organisation.
 * Records that did not verify are not counted. Immutable; maps iterate in sorted order.
 *
 * @param records         verified records counted
 * @param outcomes        records by outcome (every outcome present, possibly 0)
 * @param rateViolations  failed findings with a {@code RATE_*} code, by code
 * @param approvalsByRole recorded approvals, by role
 * @param recordsBySigner records by signer (trust-list organisation code)
 * @since 0.1
 */
public record AuditSummary(long records, Map<Outcome, Long> outcomes, Map<RuleCode, Long> rateViolations,
        Map<String, Long> approvalsByRole, Map<String, Long> recordsBySigner) {
    public AuditSummary {
        EnumMap<Outcome, Long> outcomeCopy = new EnumMap<>(Outcome.class);
        outcomeCopy.putAll(Objects.requireNonNull(outcomes, "outcomes"));
        outcomes = Collections.unmodifiableMap(outcomeCopy);
        EnumMap<RuleCode, Long> rateCopy = new EnumMap<>(RuleCode.class);
        rateCopy.putAll(Objects.requireNonNull(rateViolations, "rateViolations"));
        rateViolations = Collections.unmodifiableMap(rateCopy);
        approvalsByRole = Collections.unmodifiableMap(new TreeMap<>(approvalsByRole));
        recordsBySigner = Collections.unmodifiableMap(new TreeMap<>(recordsBySigner));
    }

    /** Accumulates a summary in one pass. Not thread-safe. */
    static final class Tally {
        private long records;
        private final EnumMap<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        private final EnumMap<RuleCode, Long> rateViolations = new EnumMap<>(RuleCode.class);
        private final TreeMap<String, Long> approvalsByRole = new TreeMap<>();
        private final TreeMap<String, Long> recordsBySigner = new TreeMap<>();

        Tally() {
            for (Outcome outcome : Outcome.values()) {
                outcomes.put(outcome, 0L);
            }
        }

        void add(RecordResult.Valid valid) {
            DecisionRecord record = valid.record();
            records++;
            outcomes.merge(record.outcome(), 1L, Long::sum);
            for (DecisionRecord.RecordedFinding finding : record.findings()) {
                if (!finding.passed() && finding.code().name().startsWith("RATE_")) {
                    rateViolations.merge(finding.code(), 1L, Long::sum);
                }
            }
            for (DecisionRecord.Approval approval : record.approvals()) {
                approvalsByRole.merge(approval.role(), 1L, Long::sum);
            }
            recordsBySigner.merge(valid.signer().organisationCode(), 1L, Long::sum);
        }

        AuditSummary summary() {
            return new AuditSummary(records, outcomes, rateViolations, approvalsByRole, recordsBySigner);
        }
    }
}
