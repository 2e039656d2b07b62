package org.staffpass.crypto.internal;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;

/**
 * Base64url without padding (RFC 7515 §2), decoded strictly.
 *
 * <p>The JDK decoder accepts padding and ignores non-zero bits in the last character, so two
 * different strings can decode to the same bytes. A signature covers the encoded string, so
 * such malleable encodings are refused here: only the one canonical spelling of a byte
 * string decodes.
 */
public final class Base64Url {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = i;
        }
    }

    private Base64Url() {
    }

    /** Encodes without padding. */
    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** Whether {@code text[from, to)} is canonical unpadded base64url. */
    public static boolean isCanonical(CharSequence text, int from, int to) {
        int length = to - from;
        if (length % 4 == 1) {
            return false;
        }
        int last = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 128 || VALUES[c] < 0) {
                return false;
            }
            last = VALUES[c];
        }
        return switch (length % 4) {
            case 2 -> (last & 0x0F) == 0;
            case 3 -> (last & 0x03) == 0;
            default -> true;
        };
    }

    /** Decodes {@code text} if it is canonical unpadded base64url, otherwise empty. */
    public static Optional<byte[]> decode(String text) {
        if (!isCanonical(text, 0, text.length())) {
            return Optional.empty();
        }
        return Optional.of(DECODER.decode(text));
    }

    /**
     * Decodes {@code ascii[from, to)} if it is canonical unpadded base64url, in one pass: the
     * JDK decoder refuses characters outside the URL-safe alphabet and misplaced padding, and
     * the two things it tolerates (trailing {@code =} and non-zero unused bits in the last
     * character) are checked here in constant time. Bytes of any non-ASCII input are refused.
     */
    public static Optional<byte[]> decodeRange(byte[] ascii, int from, int to) {
        int length = to - from;
        if (length % 4 == 1) {
            return Optional.empty();
        }
        if (length > 0) {
            int last = ascii[to - 1];
            int value = last < 0 ? -1 : VALUES[last];
            if (value < 0) {
                return Optional.empty();
            }
            if ((length % 4 == 2 && (value & 0x0F) != 0) || (length % 4 == 3 && (value & 0x03) != 0)) {
                return Optional.empty();
            }
        }
        try {
            ByteBuffer decoded = DECODER.decode(ByteBuffer.wrap(ascii, from, length));
            byte[] array = decoded.array();
            return Optional.of(decoded.remaining() == array.length && decoded.arrayOffset() == 0
                    ? array
                    : java.util.Arrays.copyOfRange(array, decoded.arrayOffset() + decoded.position(),
                            decoded.arrayOffset() + decoded.limit()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Decodes a range already checked with {@link #isCanonical}. */
    public static byte[] decodeChecked(String text, int from, int to) {
        return DECODER.decode(text.substring(from, to));
    }
}
