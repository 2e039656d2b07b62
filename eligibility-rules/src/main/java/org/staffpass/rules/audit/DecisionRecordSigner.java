package org.staffpass.rules.audit;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.staffpass.crypto.JwsSigner;
import org.staffpass.crypto.SigningKey;
import org.staffpass.rules.Decision;

/**
 * Signs decision records for one deciding organisation: a compact JWS with header
 * {@code typ} {@link DecisionRecord#TYPE}, the key's {@code alg} and {@code kid}, over the
 * record's canonical payload. Deterministic: the same record and key give the same bytes
 * (sorted header and payload; Ed25519, or ECDSA with RFC 6979 nonces). Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * DecisionRecordSigner signer = DecisionRecordSigner.of(orgKey, "https://trust.rtd.nhs.example");
 * SignedDecisionRecord rec = signer.sign(decision, context);
 * }</pre>
 *
 * @since 0.1
 */
public final class DecisionRecordSigner {
    private final JwsSigner signer;
    private final String issuer;

    private DecisionRecordSigner(JwsSigner signer, String issuer) {
        this.signer = signer;
        this.issuer = issuer;
    }

    /**
     * A signer for the organisation {@code issuer} (its identifier on the trust list) with its
     * key {@code key} (whose {@code kid} the trust list lists).
     */
    public static DecisionRecordSigner of(SigningKey key, String issuer) {
        Objects.requireNonNull(key, "key");
        RecordRules.require(RecordRules.text(Objects.requireNonNull(issuer, "issuer"), true), "issuer");
        return new DecisionRecordSigner(JwsSigner.of(key), issuer);
    }

    /** The organisation records are signed for. */
    public String issuer() {
        return issuer;
    }

    /** A standalone record of {@code decision} (outside any log: {@code seq} 0, {@code prev} genesis). */
    public SignedDecisionRecord sign(Decision decision, DecisionContext context) {
        return sign(DecisionRecord.from(issuer, decision, context, 0, DecisionRecord.GENESIS));
    }

    /**
     * Signs {@code record}.
     *
     * @throws IllegalArgumentException if the record's issuer is not this signer's, or the
     *                                  signed record would exceed {@link DecisionRecord#MAX_RECORD_CHARS}
     */
    public SignedDecisionRecord sign(DecisionRecord record) {
        Objects.requireNonNull(record, "record");
        if (!record.issuer().equals(issuer)) {
            throw new IllegalArgumentException("record issuer is not this signer's organisation");
        }
        String compact = signer.sign(DecisionRecord.TYPE, record.payload());
        if (compact.length() > DecisionRecord.MAX_RECORD_CHARS) {
            // Only a policy with hundreds of findings each citing dozens of references gets here.
            throw new IllegalArgumentException("decision record is " + compact.length() + " characters signed; the bound is "
                    + DecisionRecord.MAX_RECORD_CHARS);
        }
        return new SignedDecisionRecord(compact, record,
                DecisionContext.digest(compact.getBytes(StandardCharsets.US_ASCII)));
    }
}
