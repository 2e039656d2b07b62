package org.staffpass.rules.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.staffpass.crypto.JwsVerifier;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerifiedJws;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.crypto.trust.ResolvedKey;
import org.staffpass.crypto.trust.TrustAnchors;
import org.staffpass.rules.audit.RecordCodec.PayloadProblem;

/**
 * Verifies one decision record, failing closed, in this order: size; compact JWS shape with
 * a JSON header and payload; header {@code typ} exactly {@link DecisionRecord#TYPE}; the
 * signer ({@code iss} with the header {@code kid}) resolved on the trust list for
 * {@link DecisionRecord#TYPE_URI} at the record's decision instant; the signature (by
 * {@link JwsVerifier}, whose refusals all apply); then the payload against the record format
 * and its canonical form. Chain position ({@code seq}, {@code prev}) is the log's business:
 * see {@link AuditLogVerifier}.
 *
 * <p>Never throws for bad input. Immutable and thread-safe (the trust anchors are).
 *
 * @since 0.1
 */
public final class DecisionRecordVerifier {
    private final TrustAnchors anchors;

    private DecisionRecordVerifier(TrustAnchors anchors) {
        this.anchors = anchors;
    }

    /** A verifier resolving signers on {@code anchors} (which must hold the trust list in force). */
    public static DecisionRecordVerifier of(TrustAnchors anchors) {
        return new DecisionRecordVerifier(Objects.requireNonNull(anchors, "anchors"));
    }

    /** Verifies one compact JWS; never throws for bad input. */
    public RecordResult verify(String compact) {
        Objects.requireNonNull(compact, "compact");
        if (compact.length() > DecisionRecord.MAX_RECORD_CHARS) {
            return invalid(AuditProblem.RECORD_TOO_LARGE, "record is " + compact.length()
                    + " characters; the bound is " + DecisionRecord.MAX_RECORD_CHARS);
        }
        Verification<UnverifiedJws> read = UnverifiedJws.read(compact, "record");
        if (read instanceof Verification.Rejected<UnverifiedJws> r) {
            return invalid(AuditProblem.MALFORMED_RECORD, r.message());
        }
        ObjectNode header = read.value().header();
        JsonNode typ = header.get("typ");
        if (typ == null || !typ.isTextual() || !typ.textValue().equals(DecisionRecord.TYPE)) {
            return invalid(AuditProblem.WRONG_TYPE, "record header typ is "
                    + (typ != null && typ.isTextual() ? StrictJson.printable(typ.textValue()) : "absent or not a string")
                    + "; expected " + DecisionRecord.TYPE);
        }
        JsonNode kid = header.get("kid");
        if (kid == null || !kid.isTextual()) {
            return invalid(AuditProblem.MALFORMED_RECORD, "record header kid is absent or not a string");
        }
        ObjectNode payload;
        String issuer;
        Instant decidedAt;
        try {
            payload = RecordCodec.parse(read.value().payload());
            issuer = RecordCodec.issuer(payload);
            decidedAt = RecordCodec.decidedAt(payload);
        } catch (PayloadProblem p) {
            return invalid(p.problem(), p.getMessage());
        }
        Verification<ResolvedKey> resolved = anchors.resolve(issuer, kid.textValue(), DecisionRecord.TYPE_URI, decidedAt);
        if (resolved instanceof Verification.Rejected<ResolvedKey> r) {
            return invalid(signerProblem(r.reason()), "signer: " + r.reason() + ": " + r.message());
        }
        Verification<VerifiedJws> verified = JwsVerifier.builder().key(resolved.value().key())
                .expectedType(DecisionRecord.TYPE).maxLength(DecisionRecord.MAX_RECORD_CHARS).build().verify(compact);
        if (verified instanceof Verification.Rejected<VerifiedJws> r) {
            return invalid(signatureProblem(r.reason()), r.reason() + ": " + r.message());
        }
        DecisionRecord record;
        try {
            record = RecordCodec.read(payload, verified.value().payload());
        } catch (PayloadProblem p) {
            return invalid(p.problem(), p.getMessage());
        }
        return new RecordResult.Valid(record, resolved.value().issuer(), kid.textValue(),
                DecisionContext.digest(compact.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static AuditProblem signerProblem(ReasonCode reason) {
        switch (reason) {
            case ISSUER_NOT_AUTHORISED_FOR_TYPE:
                return AuditProblem.SIGNER_NOT_AUTHORISED;
            case ISSUER_REVOKED:
            case ISSUER_SUSPENDED:
                return AuditProblem.SIGNER_INACTIVE;
            case ISSUER_NOT_YET_VALID:
            case ISSUER_NO_LONGER_VALID:
                return AuditProblem.SIGNER_NOT_VALID_AT_DECISION_TIME;
            case TRUST_LIST_EXPIRED:
                return AuditProblem.TRUST_LIST_NOT_IN_FORCE;
            default:
                // UNKNOWN_ISSUER, UNKNOWN_KEY, and anything resolution may add later: not trusted.
                return AuditProblem.SIGNER_UNKNOWN;
        }
    }

    private static AuditProblem signatureProblem(ReasonCode reason) {
        switch (reason) {
            case TOO_LARGE:
                return AuditProblem.RECORD_TOO_LARGE;
            case MALFORMED:
                return AuditProblem.MALFORMED_RECORD;
            case TYP_MISMATCH:
                return AuditProblem.WRONG_TYPE;
            default:
                return AuditProblem.SIGNATURE_INVALID;
        }
    }

    private static RecordResult invalid(AuditProblem problem, String message) {
        return new RecordResult.Invalid(problem, message);
    }
}
