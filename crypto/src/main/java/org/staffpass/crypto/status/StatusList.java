package org.staffpass.crypto.status;

import java.util.Arrays;
import java.util.Objects;

/**
 * The uncompressed status list of the Token Status List draft (Section 4.1): {@link #size()}
 * entries of {@link #bits()} bits each (1, 2, 4 or 8), packed into bytes.
 *
 * <p>Entry {@code i} occupies the {@code bits} bits that start at bit {@code (i * bits) % 8} of
 * byte {@code floor(i * bits / 8)}, bits counted from the least significant (bit 0) up. So with
 * one bit per entry, entry 0 is the lowest bit of byte 0 and entry 7 its highest. A list always
 * fills whole bytes: {@code size} is a multiple of {@code 8 / bits}, because the encoded form
 * carries no other length.
 *
 * <p>Immutable and thread-safe; equal when bits and bytes are equal. Build one with
 * {@link #builder(int, int)}; verified lists come from {@link StatusListVerifier}.
 *
 * @since 0.1
 */
public final class StatusList {
    /**
     * The largest uncompressed list this library builds or accepts: 64 MiB, room for 512 Mi
     * one-bit entries. Verifiers use a smaller default bound (see {@link StatusListVerifier}).
     */
    public static final int MAX_BYTES = 64 << 20;

    private final int bits;
    private final byte[] bytes;

    /** Takes ownership of {@code bytes}: callers in this package pass arrays nobody else holds. */
    StatusList(int bits, byte[] bytes) {
        this.bits = bits;
        this.bytes = bytes;
    }

    /**
     * A builder for a list of {@code size} entries, all VALID until set.
     *
     * @throws IllegalArgumentException if {@code bits} is not 1, 2, 4 or 8; if {@code size} is
     *     negative, not a multiple of {@code 8 / bits}, or needs more than {@link #MAX_BYTES}
     */
    public static Builder builder(int bits, int size) {
        checkBits(bits);
        int perByte = 8 / bits;
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, was " + size);
        }
        if (size % perByte != 0) {
            throw new IllegalArgumentException("with " + bits + " bit(s) per entry the size must be a multiple of "
                    + perByte + " (the list fills whole bytes); " + size + " is not, "
                    + (size / perByte * perByte + perByte) + " is");
        }
        if (size / perByte > MAX_BYTES) {
            throw new IllegalArgumentException("a list of " + size + " entries of " + bits + " bit(s) needs more than "
                    + MAX_BYTES + " bytes");
        }
        return new Builder(bits, size / perByte);
    }

    /**
     * A list over a copy of {@code bytes}, an uncompressed byte array in the draft's layout.
     *
     * @throws IllegalArgumentException if {@code bits} is not 1, 2, 4 or 8, or the array is
     *     longer than {@link #MAX_BYTES}
     */
    public static StatusList fromBytes(int bits, byte[] bytes) {
        checkBits(bits);
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("a status list is at most " + MAX_BYTES + " bytes, was " + bytes.length);
        }
        return new StatusList(bits, bytes.clone());
    }

    /** Whether {@code bits} is one of the sizes the draft allows: 1, 2, 4 or 8. */
    public static boolean isAllowedBits(int bits) {
        return bits == 1 || bits == 2 || bits == 4 || bits == 8;
    }

    private static void checkBits(int bits) {
        if (!isAllowedBits(bits)) {
            throw new IllegalArgumentException("bits must be 1, 2, 4 or 8, was " + bits);
        }
    }

    /** Bits per entry: 1, 2, 4 or 8. */
    public int bits() {
        return bits;
    }

    /** Number of entries: {@code byteLength() * 8 / bits()}. */
    public int size() {
        // Whole bytes times entries per byte; at most 512 Mi, so no overflow.
        return bytes.length * (8 / bits);
    }

    /** Length of the uncompressed byte array. */
    public int byteLength() {
        return bytes.length;
    }

    /**
     * The status of entry {@code index}.
     *
     * @throws IndexOutOfBoundsException if {@code index} is negative or not below {@link #size()}
     */
    public TokenStatus get(int index) {
        Objects.checkIndex(index, size());
        return TokenStatus.of(valueAt(index));
    }

    /** The raw value of an entry already checked to be in range. */
    int valueAt(int index) {
        long bit = (long) index * bits;
        int shift = (int) (bit & 7);
        return (bytes[(int) (bit >>> 3)] >>> shift) & ((1 << bits) - 1);
    }

    /** How many entries are not VALID (for summaries; walks the whole list). */
    public int countNotValid() {
        int count = 0;
        int size = size();
        for (int i = 0; i < size; i++) {
            if (valueAt(i) != 0) {
                count++;
            }
        }
        return count;
    }

    /** A copy of the uncompressed byte array. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** For the signer in this package: the array itself, never handed out. */
    byte[] bytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StatusList that && bits == that.bits && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * bits + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "StatusList[bits=" + bits + ", size=" + size() + "]";
    }

    /**
     * Collects entries for a new {@link StatusList}. Every entry starts VALID; {@link #set}
     * may change an entry any number of times (the last value wins). Not thread-safe; each
     * {@link #build()} copies, so the builder may go on being used.
     */
    public static final class Builder {
        private final int bits;
        private final byte[] bytes;

        private Builder(int bits, int byteLength) {
            this.bits = bits;
            this.bytes = new byte[byteLength];
        }

        /**
         * Sets entry {@code index} to {@code status}.
         *
         * @throws IndexOutOfBoundsException if {@code index} is outside the list
         * @throws IllegalArgumentException if the value does not fit in {@code bits} bits
         */
        public Builder set(int index, TokenStatus status) {
            Objects.requireNonNull(status, "status");
            Objects.checkIndex(index, bytes.length * (8 / bits));
            if (status.value() >= (1 << bits)) {
                throw new IllegalArgumentException("status " + status.label() + " does not fit in " + bits + " bit(s)");
            }
            long bit = (long) index * bits;
            int shift = (int) (bit & 7);
            int mask = ((1 << bits) - 1) << shift;
            int at = (int) (bit >>> 3);
            bytes[at] = (byte) ((bytes[at] & ~mask) | (status.value() << shift));
            return this;
        }

        /** The list as set so far. */
        public StatusList build() {
            return new StatusList(bits, bytes.clone());
        }
    }
}
