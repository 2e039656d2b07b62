package org.staffpass.crypto.status;

import java.time.Instant;
import java.util.Objects;
import org.staffpass.crypto.ReasonCode;

/**
 * The answer of {@link StatusListStore#lookup}: the status of one entry from a fresh, verified
 * list ({@link Known}), or why no statement can be made ({@link Unavailable}).
 *
 * <p>{@link Known} says nothing about whether the status is good: check
 * {@link TokenStatus#isValid()}, or use {@link #isFreshValid()}, which is true only for a
 * known VALID entry and so fails closed. Immutable.
 *
 * @since 0.1
 */
public sealed interface StatusLookup permits StatusLookup.Known, StatusLookup.Unavailable {

    /**
     * The entry's status, read from a verified list that was fresh at lookup time.
     *
     * @param uri      the list's URI
     * @param index    the entry
     * @param status   its value
     * @param issuedAt the list's {@code iat}: the status is what the issuer said then
     */
    record Known(String uri, long index, TokenStatus status, Instant issuedAt) implements StatusLookup {
        public Known {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(issuedAt, "issuedAt");
        }
    }

    /**
     * No statement about the entry can be made; the referenced token should be refused.
     *
     * @param reason  {@link ReasonCode#STATUS_LIST_UNKNOWN}, {@link ReasonCode#STATUS_LIST_STALE}
     *                or {@link ReasonCode#STATUS_INDEX_OUT_OF_RANGE}
     * @param message a sentence naming the list and the cause
     */
    record Unavailable(ReasonCode reason, String message) implements StatusLookup {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /** True only when the entry is known from a fresh list and is VALID; the fail-closed test. */
    default boolean isFreshValid() {
        return this instanceof Known known && known.status().isValid();
    }
}
