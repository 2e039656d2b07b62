package org.staffpass.crypto.internal.status;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.Verification;

/**
 * DEFLATE in the ZLIB format (RFC 1950/1951) for status lists, inflated with a hard bound.
 *
 * <p>Inflation never holds more than {@code maxBytes + 1} output bytes: the output buffer grows
 * by doubling up to that cap, and filling it ends inflation with
 * {@link ReasonCode#STATUS_LIST_INFLATE_BOUND}. So a decompression bomb costs at most the bound
 * in memory and the time to inflate the bound, whatever it claims to expand to. Anything but
 * exactly one complete zlib stream is {@link ReasonCode#MALFORMED}: a bad header, a preset
 * dictionary, a corrupt block, a wrong Adler-32, a truncated stream, or bytes after its end.
 */
public final class ZlibCodec {
    /** Smallest first output buffer; later ones double. */
    private static final int FIRST_BUFFER = 4096;

    private ZlibCodec() {
    }

    /** Compresses with the best compression level, zlib header and Adler-32 trailer. */
    public static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 16));
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                int n = deflater.deflate(chunk);
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * Inflates one zlib stream to at most {@code maxBytes} bytes; {@code what} names the field
     * in messages.
     */
    public static Verification<byte[]> inflate(byte[] compressed, int maxBytes, String what) {
        return inflate(compressed, maxBytes, what, size -> { });
    }

    /**
     * As {@link #inflate(byte[], int, String)}, telling {@code allocations} the size of every
     * output buffer it allocates (tests use this to show the bound is structural).
     */
    static Verification<byte[]> inflate(byte[] compressed, int maxBytes, String what, IntConsumer allocations) {
        if (maxBytes < 0 || maxBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxBytes must be in [0, Integer.MAX_VALUE), was " + maxBytes);
        }
        int limit = maxBytes + 1;
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            int capacity = (int) Math.min(limit, Math.max(FIRST_BUFFER, 4L * compressed.length));
            byte[] out = new byte[capacity];
            allocations.accept(capacity);
            int length = 0;
            while (!inflater.finished()) {
                if (length == out.length) {
                    if (out.length == limit) {
                        return Verification.rejected(ReasonCode.STATUS_LIST_INFLATE_BOUND,
                                what + " inflates to more than " + maxBytes + " bytes");
                    }
                    int next = (int) Math.min(limit, 2L * out.length);
                    out = Arrays.copyOf(out, next);
                    allocations.accept(next);
                }
                long readBefore = inflater.getBytesRead();
                int produced = inflater.inflate(out, length, out.length - length);
                length += produced;
                if (produced == 0 && !inflater.finished()) {
                    if (inflater.needsDictionary()) {
                        return Verification.rejected(ReasonCode.MALFORMED, what + " asks for a preset dictionary");
                    }
                    if (inflater.needsInput()) {
                        return Verification.rejected(ReasonCode.MALFORMED, what + " is a truncated zlib stream");
                    }
                    if (inflater.getBytesRead() == readBefore && length < out.length) {
                        // No input consumed and room left: zlib cannot go on, and looping would never end.
                        return Verification.rejected(ReasonCode.MALFORMED, what + " is a zlib stream that cannot be inflated");
                    }
                }
            }
            if (length > maxBytes) {
                return Verification.rejected(ReasonCode.STATUS_LIST_INFLATE_BOUND,
                        what + " inflates to more than " + maxBytes + " bytes");
            }
            if (inflater.getRemaining() > 0) {
                return Verification.rejected(ReasonCode.MALFORMED,
                        what + " has " + inflater.getRemaining() + " byte(s) after the end of its zlib stream");
            }
            return Verification.accepted(length == out.length ? out : Arrays.copyOf(out, length));
        } catch (DataFormatException e) {
            return Verification.rejected(ReasonCode.MALFORMED, what + " is not a valid zlib stream ("
                    + (e.getMessage() == null ? "corrupt data" : e.getMessage()) + ")");
        } finally {
            inflater.end();
        }
    }
}
