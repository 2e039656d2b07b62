package org.staffpass.crypto.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.internal.status.StatusListClaims;

/**
 * Where a referenced token's status lives: its {@code status.status_list} claim (Token Status
 * List, Section 6.2), {@code {"status": {"status_list": {"idx": 0, "uri": "https://..."}}}}.
 * Immutable.
 *
 * @param uri   the status list's URI; a status list token's {@code sub} must equal it exactly
 * @param index the entry in that list, non-negative
 * @since 0.1
 */
public record StatusReference(String uri, long index) {
    private static final String WHAT = "referenced token claim 'status.status_list'";

    /**
     * @throws IllegalArgumentException if {@code uri} is not an absolute URI or {@code index} is negative
     */
    public StatusReference {
        Objects.requireNonNull(uri, "uri");
        if (!StatusListClaims.isAbsoluteUri(uri)) {
            throw new IllegalArgumentException("uri must be an absolute URI of at most "
                    + StatusListClaims.MAX_URI_LENGTH + " characters without white space");
        }
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative, was " + index);
        }
    }

    /**
     * Reads the reference from a referenced token's claims. {@code status} must be an object with
     * a {@code status_list} object holding {@code idx}, a non-negative JSON integer, and
     * {@code uri}, an absolute URI string; anything else is {@link ReasonCode#CLAIMS_INVALID}.
     * Other members of {@code status} and {@code status_list} are ignored (the draft lets other
     * specifications add them). Never throws for bad input.
     */
    public static Verification<StatusReference> fromClaims(ObjectNode claims) {
        Objects.requireNonNull(claims, "claims");
        JsonNode status = claims.get("status");
        if (status == null || !status.isObject()) {
            return rejected("referenced token claim 'status' is missing or not a JSON object");
        }
        JsonNode statusList = status.get("status_list");
        if (statusList == null || !statusList.isObject()) {
            return rejected("referenced token claim 'status' has no 'status_list' object");
        }
        JsonNode idx = statusList.get("idx");
        if (idx == null || !idx.isIntegralNumber() || idx.bigIntegerValue().signum() < 0) {
            return rejected(WHAT + " member 'idx' is missing or not a non-negative integer");
        }
        if (!idx.canConvertToLong()) {
            return rejected(WHAT + " member 'idx' is larger than any status list");
        }
        JsonNode uri = statusList.get("uri");
        if (uri == null || !uri.isTextual() || !StatusListClaims.isAbsoluteUri(uri.textValue())) {
            return rejected(WHAT + " member 'uri' is missing or not an absolute URI string");
        }
        return Verification.accepted(new StatusReference(uri.textValue(), idx.longValue()));
    }

    private static Verification<StatusReference> rejected(String message) {
        return Verification.rejected(ReasonCode.CLAIMS_INVALID, message);
    }
}
