package org.staffpass.crypto.trust;

import java.time.Instant;
import java.util.Optional;

/**
 * The bounds and value rules of the trust-list format, in one place so that the payload
 * parser (which reports a JSON pointer) and the value constructors (which throw for
 * programmer error) can never drift apart. docs/trust-lists.md and
 * docs/schemas/trust-list.schema.json state the same numbers; a test keeps them in step.
 */
final class TrustListRules {
    /** Longest compact JWS accepted, in characters; room for a full list of issuers with several keys each. */
    static final int MAX_JWS_LENGTH = 8 << 20;
    /** Largest unsigned payload document accepted, in bytes (its base64url fits {@link #MAX_JWS_LENGTH}). */
    static final int MAX_PAYLOAD_BYTES = 6 << 20;

    static final int MAX_ISSUERS = 10_000;
    static final int MAX_KEYS_PER_ISSUER = 32;
    static final int MAX_TYPES_PER_ISSUER = 256;

    static final int MAX_OPERATOR_LENGTH = 256;
    static final int MAX_ISSUER_ID_LENGTH = 512;
    static final int MAX_NAME_LENGTH = 256;
    static final int MAX_ORGANISATION_CODE_LENGTH = 64;
    static final int MAX_CREDENTIAL_TYPE_LENGTH = 512;
    static final int MAX_KID_LENGTH = 256;

    /** Largest sequence: 2^53 - 1, so that every JSON implementation reads it exactly. */
    static final long MAX_SEQUENCE = (1L << 53) - 1;
    /** Latest NumericDate: 9999-12-31T23:59:59Z, as in the JWT claim reader. */
    static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    private TrustListRules() {
    }

    /**
     * Why {@code value} is not an acceptable text of at most {@code maxLength} code points,
     * if it is not: empty, too long, a control character (C0, DEL, C1), or an unpaired surrogate.
     * Control characters are refused so that names print safely on a terminal or in a log.
     */
    static Optional<String> textProblem(String value, int maxLength) {
        if (value.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (value.length() > 2 * maxLength || value.codePointCount(0, value.length()) > maxLength) {
            return Optional.of("is longer than " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return Optional.of("contains a control character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains an unpaired surrogate");
            }
        }
        return Optional.empty();
    }

    /** Why {@code time} cannot be written as a whole-second NumericDate, if it cannot. */
    static Optional<String> timeProblem(Instant time) {
        if (time.getNano() != 0) {
            return Optional.of("must be a whole number of seconds");
        }
        if (time.getEpochSecond() < 0 || time.getEpochSecond() > MAX_EPOCH_SECOND) {
            return Optional.of("must be within years 1970-9999");
        }
        return Optional.empty();
    }

    /** Why {@code sequence} is out of range, if it is. */
    static Optional<String> sequenceProblem(long sequence) {
        return sequence < 1 || sequence > MAX_SEQUENCE
                ? Optional.of("must be an integer from 1 to " + MAX_SEQUENCE)
                : Optional.empty();
    }

    /** Throws the programmer-error form of a rule violation. */
    static void require(Optional<String> problem, String field) {
        if (problem.isPresent()) {
            throw new IllegalArgumentException(field + " " + problem.get());
        }
    }
}
