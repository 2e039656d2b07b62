package org.staffpass.rules.audit;

/**
 * Stable reason codes of decision-record and audit-log verification (docs/audit.md lists
 * each with its meaning). Codes are API: never renamed, never reused.
 *
 * @since 0.1
 */
public enum AuditProblem {
    /** A log line is empty, holds a byte outside printable ASCII (a CR, say), or lacks its final newline. */
    MALFORMED_LINE,
    /** A record (a log line) is longer than {@link DecisionRecord#MAX_RECORD_CHARS}. */
    RECORD_TOO_LARGE,
    /** Not a compact JWS with a JSON header and payload, or the payload lacks a readable {@code iss} or {@code decidedAt}. */
    MALFORMED_RECORD,
    /** The JWS header {@code typ} is not {@link DecisionRecord#TYPE}: another kind of token. */
    WRONG_TYPE,
    /** The signature does not verify with the signer's key on the trust list (or the header names another algorithm). */
    SIGNATURE_INVALID,
    /** The signer ({@code iss}) or its key ({@code kid}) is not on the trust list. */
    SIGNER_UNKNOWN,
    /** The signer is on the trust list but not authorised for {@link DecisionRecord#TYPE_URI}. */
    SIGNER_NOT_AUTHORISED,
    /** The signer is revoked or suspended on the trust list. */
    SIGNER_INACTIVE,
    /** The signer's validity period on the trust list does not cover the decision instant. */
    SIGNER_NOT_VALID_AT_DECISION_TIME,
    /** The trust list is not in force at the decision instant (it expired before it). */
    TRUST_LIST_NOT_IN_FORCE,
    /** The payload's format version {@code v} is not one this code reads. */
    UNSUPPORTED_VERSION,
    /** The payload breaks docs/schemas/decision-record.schema.json or is not in canonical form. */
    SCHEMA_VIOLATION,
    /** A record's {@code seq} is ahead of its position: records before it are missing. */
    SEQUENCE_GAP,
    /** A record's {@code seq} is behind its position: records were reordered or repeated. */
    SEQUENCE_REORDER,
    /** A record's {@code prev} is not the digest of the line before it (or genesis for the first). */
    CHAIN_BROKEN,
    /** The log's head (digest of its last record) is not the expected one. */
    HEAD_MISMATCH,
    /** The log holds another number of records than expected (a truncated tail, for example). */
    COUNT_MISMATCH
}
