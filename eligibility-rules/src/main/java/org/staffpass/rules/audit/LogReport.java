package org.staffpass.rules.audit;

import java.util.List;
import java.util.Objects;

/**
 * The result of one pass over an audit log: how many lines it held, its head, the summary of
 * the records that verified, and every problem found (the first
 * {@link AuditLogVerifier#MAX_REPORTED_PROBLEMS} of them listed). The log is intact only if
 * no problem was found. Immutable.
 *
 * @param records      lines (records) read
 * @param head         digest of the last line ({@link DecisionRecord#GENESIS} for an empty log):
 *                     what the next record's {@code prev} must be; keep it to detect a truncated tail
 * @param summary      counts over the records that verified
 * @param problems     problems found, in log order, at most {@link AuditLogVerifier#MAX_REPORTED_PROBLEMS}
 * @param problemCount all problems found, including those not listed
 * @since 0.1
 */
public record LogReport(long records, String head, AuditSummary summary, List<Problem> problems, long problemCount) {
    public LogReport {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(summary, "summary");
        problems = List.copyOf(problems);
    }

    /** Whether every record verified and the chain, sequence and expectations all hold. */
    public boolean isIntact() {
        return problemCount == 0;
    }

    /**
     * One problem.
     *
     * @param line    1-based line number (record {@code seq} is line - 1 in an intact log);
     *                0 for a problem of the whole log ({@code HEAD_MISMATCH}, {@code COUNT_MISMATCH})
     * @param problem the reason code
     * @param message what was wrong, naming the field
     */
    public record Problem(long line, AuditProblem problem, String message) {
        public Problem {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(message, "message");
        }
    }
}
