package org.staffpass.rules.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.staffpass.crypto.internal.Base64Url;

/**
 * Checks an audit log in one streaming pass: each line is a decision record verified by a
 * {@link DecisionRecordVerifier}; record {@code n} (0-based) must carry {@code seq} n and
 * {@code prev} equal to the digest of line n-1 ({@link DecisionRecord#GENESIS} for the first).
 * So deleting, reordering, inserting or editing a record is detected, except removing records
 * from the end, which no log can show by itself: give the head or count kept elsewhere with
 * {@link Builder#expectedHead} / {@link Builder#expectedCount}.
 *
 * <p>Memory is bounded whatever the input: one line of at most
 * {@link DecisionRecord#MAX_RECORD_CHARS} bytes (longer lines are hashed through and reported,
 * never buffered), the summary counters, and at most {@link #MAX_REPORTED_PROBLEMS} problems.
 * After a bad line the pass goes on: the chain continues from the bad line's digest, and the
 * expected {@code seq} follows the highest one read so far, so one deletion, swap or edit is
 * reported where it is, not on every later line. Never throws for bad content; I/O errors propagate. Immutable and
 * thread-safe; each {@link #verify} call has its own state.
 *
 * @since 0.1
 */
public final class AuditLogVerifier {
    /** Problems listed in a report; more are only counted. */
    public static final int MAX_REPORTED_PROBLEMS = 100;

    private static final int CHUNK = 64 * 1024;

    private final DecisionRecordVerifier records;
    private final Optional<String> expectedHead;
    private final OptionalLong expectedCount;

    private AuditLogVerifier(Builder builder) {
        this.records = builder.records;
        this.expectedHead = builder.expectedHead;
        this.expectedCount = builder.expectedCount;
    }

    /** A builder; {@link Builder#records} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Checks the log file at {@code log}. */
    public LogReport verify(Path log) throws IOException {
        try (InputStream in = Files.newInputStream(log)) {
            return verify(in);
        }
    }

    /** Checks a log read from {@code in} to its end (not closed here). */
    public LogReport verify(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        Pass pass = new Pass();
        byte[] chunk = new byte[CHUNK];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            int from = 0;
            for (int i = 0; i < n; i++) {
                if (chunk[i] == '\n') {
                    pass.take(chunk, from, i);
                    pass.endLine(true);
                    from = i + 1;
                }
            }
            pass.take(chunk, from, n);
        }
        if (pass.pending()) {
            pass.endLine(false);
        }
        return pass.finish();
    }

    /** The state of one pass. */
    private final class Pass {
        private final byte[] line = new byte[DecisionRecord.MAX_RECORD_CHARS];
        private final MessageDigest sha256 = sha256();
        private final AuditSummary.Tally tally = new AuditSummary.Tally();
        private final List<LogReport.Problem> problems = new ArrayList<>();
        private long problemCount;
        private int length;
        private long overflow;
        private boolean badByte;
        private long lineNumber;
        private long expectedSeq;
        private String previous = DecisionRecord.GENESIS;

        void take(byte[] bytes, int from, int to) {
            if (to <= from) {
                return;
            }
            sha256.update(bytes, from, to - from);
            for (int i = from; i < to; i++) {
                byte b = bytes[i];
                if (b < 0x21 || b > 0x7E) {
                    badByte = true;
                }
                if (length < line.length) {
                    line[length++] = b;
                } else {
                    overflow++;
                }
            }
        }

        boolean pending() {
            return length > 0 || overflow > 0;
        }

        void endLine(boolean terminated) {
            lineNumber++;
            String digest = Base64Url.encode(sha256.digest());
            if (overflow > 0) {
                problem(AuditProblem.RECORD_TOO_LARGE, "line is longer than " + DecisionRecord.MAX_RECORD_CHARS + " bytes");
            } else if (length == 0) {
                problem(AuditProblem.MALFORMED_LINE, "line is empty");
            } else if (badByte) {
                problem(AuditProblem.MALFORMED_LINE, "line holds a byte that is not printable ASCII (a CR, space or non-ASCII)");
            } else if (!terminated) {
                problem(AuditProblem.MALFORMED_LINE, "last line is not newline-terminated (an interrupted append?)");
            } else {
                check(new String(line, 0, length, StandardCharsets.US_ASCII));
            }
            if (!(overflow == 0 && length > 0 && !badByte && terminated)) {
                expectedSeq++;
            }
            previous = digest;
            length = 0;
            overflow = 0;
            badByte = false;
        }

        private void check(String compact) {
            RecordResult result = records.verify(compact);
            if (result instanceof RecordResult.Invalid invalid) {
                problem(invalid.problem(), invalid.message());
                expectedSeq++;
                return;
            }
            RecordResult.Valid valid = (RecordResult.Valid) result;
            DecisionRecord record = valid.record();
            if (record.seq() > expectedSeq) {
                problem(AuditProblem.SEQUENCE_GAP, "seq is " + record.seq() + " where " + expectedSeq
                        + " was expected: records are missing before it");
            } else if (record.seq() < expectedSeq) {
                problem(AuditProblem.SEQUENCE_REORDER, "seq is " + record.seq() + " where " + expectedSeq
                        + " was expected: records are reordered or repeated");
            }
            if (!record.prev().equals(previous)) {
                problem(AuditProblem.CHAIN_BROKEN, "prev is not the digest of "
                        + (lineNumber == 1 ? "genesis (this is the first line)" : "line " + (lineNumber - 1)));
            }
            // A record from the past (reordered, repeated) does not move the expectation back,
            // so the records after it are not all reported again.
            expectedSeq = Math.max(expectedSeq, record.seq() + 1);
            tally.add(valid);
        }

        private void problem(AuditProblem problem, String message) {
            problemAt(lineNumber, problem, message);
        }

        private void problemAt(long at, AuditProblem problem, String message) {
            problemCount++;
            if (problems.size() < MAX_REPORTED_PROBLEMS) {
                problems.add(new LogReport.Problem(at, problem, message));
            }
        }

        LogReport finish() {
            if (expectedHead.isPresent() && !expectedHead.get().equals(previous)) {
                problemAt(0, AuditProblem.HEAD_MISMATCH, "the log's head is not the expected digest"
                        + " (records removed from or added to its end?)");
            }
            if (expectedCount.isPresent() && expectedCount.getAsLong() != lineNumber) {
                problemAt(0, AuditProblem.COUNT_MISMATCH, "the log holds " + lineNumber + " records; "
                        + expectedCount.getAsLong() + " were expected");
            }
            return new LogReport(lineNumber, previous, tally.summary(), problems, problemCount);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /**
     * Configures an {@link AuditLogVerifier}. Each setter may be called once; {@link #build()}
     * names what is missing. Not thread-safe.
     */
    public static final class Builder {
        private DecisionRecordVerifier records;
        private Optional<String> expectedHead = Optional.empty();
        private OptionalLong expectedCount = OptionalLong.empty();

        private Builder() {
        }

        /** The verifier for each record (required). */
        public Builder records(DecisionRecordVerifier records) {
            if (this.records != null) {
                throw new IllegalStateException("records already set");
            }
            this.records = Objects.requireNonNull(records, "records");
            return this;
        }

        /** The head the log must end with (the last record's digest, kept outside the log). */
        public Builder expectedHead(String head) {
            if (expectedHead.isPresent()) {
                throw new IllegalStateException("expectedHead already set");
            }
            RecordRules.require(RecordRules.digest(Objects.requireNonNull(head, "head")), "expectedHead");
            this.expectedHead = Optional.of(head);
            return this;
        }

        /** The number of records the log must hold. */
        public Builder expectedCount(long count) {
            if (expectedCount.isPresent()) {
                throw new IllegalStateException("expectedCount already set");
            }
            if (count < 0) {
                throw new IllegalArgumentException("expectedCount must not be negative, was " + count);
            }
            this.expectedCount = OptionalLong.of(count);
            return this;
        }

        /** The verifier. */
        public AuditLogVerifier build() {
            if (records == null) {
                throw new IllegalStateException("AuditLogVerifier needs records(...)");
            }
            return new AuditLogVerifier(this);
        }
    }
}
