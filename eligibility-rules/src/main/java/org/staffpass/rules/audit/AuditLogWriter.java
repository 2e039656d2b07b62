package org.staffpass.rules.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.rules.Decision;

/**
 * Appends signed decision records to an audit log file (one compact JWS per line, UTF-8,
 * {@code \n}-terminated), each committing to the one before ({@code seq}, {@code prev}).
 *
 * <p>{@link #open} takes an exclusive lock on the file for the writer's lifetime (a second
 * writer, in this or another process, is refused) and reads the current tail to continue the
 * chain: the next {@code seq} is the tail's plus one and {@code prev} the tail line's digest.
 * It refuses a log whose tail it cannot continue (a last line without its newline, as an
 * interrupted append leaves, or a tail that is not a decision record); the writer does not
 * verify the tail's signature: {@link AuditLogVerifier} is the check. Each {@link #append}
 * writes the whole line and forces it to the storage device before returning, so a record
 * reported written survives a crash.
 *
 * <p>Thread-safe (appends are serialised). Close it to release the lock.
 *
 * @since 0.1
 */
public final class AuditLogWriter implements Closeable {
    private final FileChannel channel;
    // Held, not used: it keeps other writers out until the channel closes.
    private final FileLock lock;
    private final DecisionRecordSigner signer;
    private final Durability durability;
    private long nextSeq;
    private String head;

    private AuditLogWriter(FileChannel channel, FileLock lock, DecisionRecordSigner signer, Durability durability,
            long nextSeq, String head) {
        this.channel = channel;
        this.lock = lock;
        this.signer = signer;
        this.durability = durability;
        this.nextSeq = nextSeq;
        this.head = head;
    }

    /** Result of {@link #open}: a writer, or why the log's tail cannot be continued. */
    public sealed interface Opened permits Ready, Refused {
    }

    /** The writer, positioned after the log's tail. */
    public record Ready(AuditLogWriter writer) implements Opened {
        public Ready {
            Objects.requireNonNull(writer, "writer");
        }
    }

    /** The log's tail cannot be continued; nothing was written and no lock is held. */
    public record Refused(AuditProblem problem, String message) implements Opened {
        public Refused {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Opens (creating if absent) the log at {@code log} for appending records signed by
     * {@code signer}.
     *
     * @throws IOException if the file cannot be opened or read, or another writer holds it
     */
    public static Opened open(Path log, DecisionRecordSigner signer) throws IOException {
        return open(log, signer, Durability.EACH_RECORD);
    }

    /** When appended records are forced to the storage device. */
    public enum Durability {
        /** Before {@link #append} returns: a record reported written survives a crash (the default). */
        EACH_RECORD,
        /**
         * Only when the writer is closed: for batch jobs that can re-run after a crash (a crash
         * loses the unforced tail, which the next {@link #open} or {@link AuditLogVerifier}
         * reports); much faster on disks where a force costs milliseconds.
         */
        ON_CLOSE
    }

    /**
     * As {@link #open(Path, DecisionRecordSigner)}, forcing records to storage as
     * {@code durability} says.
     *
     * @throws IOException if the file cannot be opened or read, or another writer holds it
     */
    public static Opened open(Path log, DecisionRecordSigner signer, Durability durability) throws IOException {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(durability, "durability");
        FileChannel channel = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        boolean keep = false;
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IOException("audit log " + log + " is locked by another writer");
            }
            Opened opened = continueAfterTail(channel, lock, signer, log, durability);
            keep = opened instanceof Ready;
            return opened;
        } finally {
            if (!keep) {
                channel.close();
            }
        }
    }

    private static Opened continueAfterTail(FileChannel channel, FileLock lock, DecisionRecordSigner signer, Path log,
            Durability durability) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return new Ready(new AuditLogWriter(channel, lock, signer, durability, 0, DecisionRecord.GENESIS));
        }
        int window = (int) Math.min(size, DecisionRecord.MAX_RECORD_CHARS + 1L);
        ByteBuffer buffer = ByteBuffer.allocate(window);
        long position = size - window;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                throw new IOException("audit log " + log + " shrank while its tail was read");
            }
        }
        byte[] bytes = buffer.array();
        if (bytes[window - 1] != '\n') {
            return new Refused(AuditProblem.MALFORMED_LINE, "audit log " + log
                    + ": last line is not newline-terminated (an interrupted append?); repair the log before appending");
        }
        int start = window - 1;
        while (start > 0 && bytes[start - 1] != '\n') {
            start--;
        }
        if (start == 0 && window < size) {
            return new Refused(AuditProblem.RECORD_TOO_LARGE, "audit log " + log + ": last line is longer than "
                    + DecisionRecord.MAX_RECORD_CHARS + " bytes");
        }
        int end = window - 1;
        for (int i = start; i < end; i++) {
            if (bytes[i] < 0x21 || bytes[i] > 0x7E) {
                return new Refused(AuditProblem.MALFORMED_LINE, "audit log " + log
                        + ": last line holds a byte that is not printable ASCII");
            }
        }
        if (end == start) {
            return new Refused(AuditProblem.MALFORMED_LINE, "audit log " + log + ": last line is empty");
        }
        String compact = new String(bytes, start, end - start, StandardCharsets.US_ASCII);
        Optional<Long> seq = tailSeq(compact);
        if (seq.isEmpty()) {
            return new Refused(AuditProblem.MALFORMED_RECORD, "audit log " + log
                    + ": last line is not a decision record with a readable seq");
        }
        String head = DecisionContext.digest(compact.getBytes(StandardCharsets.US_ASCII));
        return new Ready(new AuditLogWriter(channel, lock, signer, durability, seq.get() + 1, head));
    }

    /** The tail's seq, read without verifying its signature (the verifier's job, not the writer's). */
    private static Optional<Long> tailSeq(String compact) {
        Verification<UnverifiedJws> read = UnverifiedJws.read(compact, "tail");
        if (!read.isAccepted()) {
            return Optional.empty();
        }
        Verification<ObjectNode> p = StrictJson.parseObject(read.value().payload(), "tail payload");
        if (!p.isAccepted()) {
            return Optional.empty();
        }
        JsonNode typ = read.value().header().get("typ");
        JsonNode seq = p.value().get("seq");
        if (typ == null || !DecisionRecord.TYPE.equals(typ.textValue()) || seq == null || !seq.isIntegralNumber()
                || seq.bigIntegerValue().signum() < 0 || seq.bigIntegerValue().bitLength() > 53) {
            return Optional.empty();
        }
        return Optional.of(seq.longValue());
    }

    /**
     * Signs the record of {@code decision} at the log's next position, appends it and forces
     * it to storage.
     *
     * @throws IOException           if writing fails (the writer is then closed: reopen to
     *                               check the tail)
     * @throws IllegalStateException if the writer is closed
     */
    public synchronized SignedDecisionRecord append(Decision decision, DecisionContext context) throws IOException {
        return append(signer, decision, context);
    }

    /**
     * As {@link #append(Decision, DecisionContext)}, signed by {@code decidedBy} instead of the
     * writer's own signer: one chained log for a collaborative bank whose trusts each sign
     * their own decisions.
     */
    public synchronized SignedDecisionRecord append(DecisionRecordSigner decidedBy, Decision decision,
            DecisionContext context) throws IOException {
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(context, "context");
        if (!channel.isOpen()) {
            throw new IllegalStateException("audit log writer is closed");
        }
        SignedDecisionRecord signed = decidedBy.sign(DecisionRecord.from(decidedBy.issuer(), decision, context, nextSeq,
                head));
        byte[] line = (signed.compact() + "\n").getBytes(StandardCharsets.US_ASCII);
        boolean written = false;
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            long position = channel.size();
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            if (durability == Durability.EACH_RECORD) {
                channel.force(false);
            }
            written = true;
        } finally {
            if (!written) {
                channel.close();
            }
        }
        nextSeq++;
        head = signed.digest();
        return signed;
    }

    /** The {@code seq} the next record will carry. */
    public synchronized long nextSeq() {
        return nextSeq;
    }

    /** The digest of the last record written (or read at open), {@link DecisionRecord#GENESIS} for an empty log. */
    public synchronized String head() {
        return head;
    }

    /** Releases the lock and closes the file. */
    @Override
    public synchronized void close() throws IOException {
        try {
            if (channel.isOpen() && durability == Durability.ON_CLOSE) {
                channel.force(false);
            }
        } finally {
            channel.close();
        }
    }
}
