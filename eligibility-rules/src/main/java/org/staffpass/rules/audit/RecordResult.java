package org.staffpass.rules.audit;

import java.util.Objects;
import org.staffpass.crypto.trust.TrustedIssuer;

/**
 * The answer of {@link DecisionRecordVerifier#verify}: a verified record, or the problem
 * found first. Immutable.
 *
 * @since 0.1
 */
public sealed interface RecordResult permits RecordResult.Valid, RecordResult.Invalid {

    /** Whether the record verified. */
    default boolean isValid() {
        return this instanceof Valid;
    }

    /**
     * The record verified: signed by {@code signer}'s key {@code kid}, which the trust list
     * authorised for decision records at the decision instant, and well formed.
     *
     * @param record the record
     * @param signer the signer's entry on the trust list
     * @param kid    the key that signed
     * @param digest base64url SHA-256 of the compact JWS (the next record's {@code prev})
     */
    record Valid(DecisionRecord record, TrustedIssuer signer, String kid, String digest) implements RecordResult {
        public Valid {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(signer, "signer");
            Objects.requireNonNull(kid, "kid");
            Objects.requireNonNull(digest, "digest");
        }
    }

    /**
     * The record did not verify.
     *
     * @param problem the reason code
     * @param message what was wrong, naming the field; never record content or key material
     */
    record Invalid(AuditProblem problem, String message) implements RecordResult {
        public Invalid {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(message, "message");
        }
    }
}
