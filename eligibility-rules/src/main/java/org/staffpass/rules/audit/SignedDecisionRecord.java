package org.staffpass.rules.audit;

import java.util.Objects;

/**
 * A decision record as signed: its compact JWS (one log line), the record it carries, and
 * the digest the next record of a log commits to. Immutable.
 *
 * @param compact the compact JWS, ASCII, no newline
 * @param record  the record signed
 * @param digest  base64url SHA-256 of {@code compact}'s bytes (the next record's {@code prev})
 * @since 0.1
 */
public record SignedDecisionRecord(String compact, DecisionRecord record, String digest) {
    public SignedDecisionRecord {
        Objects.requireNonNull(compact, "compact");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(digest, "digest");
    }
}
