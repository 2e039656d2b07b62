package org.staffpass.crypto.internal.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.JwtClaims;

/**
 * The checked claims of a status list token (Token Status List, Section 5.1) and the inflated
 * list they carry. Only {@link #check} makes one.
 *
 * <p>Checks, in order, each failure a {@link ReasonCode}: {@code sub} a non-empty absolute URI
 * and {@code iat} a NumericDate (CLAIMS_INVALID); {@code exp}, {@code nbf} and {@code iat}
 * against the clock with the skew (EXPIRED, NOT_YET_VALID); {@code ttl}, if present, a positive
 * integer of seconds (CLAIMS_INVALID); {@code status_list} an object with exactly {@code bits}
 * (1, 2, 4 or 8), {@code lst} (canonical unpadded base64url) and optionally
 * {@code aggregation_uri} (an absolute URI), nothing else (CLAIMS_INVALID); then {@code lst}
 * inflated within the bound (STATUS_LIST_INFLATE_BOUND, MALFORMED). Other top-level claims are
 * allowed, as the draft says.
 *
 * @param subject        {@code sub}: the list's URI
 * @param issuedAt       {@code iat}
 * @param expiresAt      {@code exp}, if present
 * @param timeToLive     {@code ttl}, if present
 * @param aggregationUri {@code status_list.aggregation_uri}, if present
 * @param bits           {@code status_list.bits}
 * @param bytes          the inflated list; owned by this value, never modified
 */
public record StatusListClaims(String subject, Instant issuedAt, Optional<Instant> expiresAt,
                               Optional<Duration> timeToLive, Optional<String> aggregationUri,
                               int bits, byte[] bytes) {
    /** Longest URI accepted in {@code sub}, {@code uri} or {@code aggregation_uri}. */
    public static final int MAX_URI_LENGTH = 2048;

    private static final String WHAT = "status list token";
    private static final Set<String> STATUS_LIST_MEMBERS = Set.of("bits", "lst", "aggregation_uri");

    /** Checks a parsed claims set; {@code maxBytes} bounds the inflated list. */
    public static Verification<StatusListClaims> check(ObjectNode claims, Instant now, Duration skew, int maxBytes) {
        Verification<String> sub = JwtClaims.requiredString(claims, "sub", WHAT);
        if (sub instanceof Verification.Rejected<String> r) {
            return r.cast();
        }
        if (!isAbsoluteUri(sub.value())) {
            return rejected(WHAT + " claim 'sub' is not an absolute URI of at most " + MAX_URI_LENGTH + " characters");
        }
        Verification<Instant> iat = JwtClaims.requiredTime(claims, "iat", WHAT);
        if (iat instanceof Verification.Rejected<Instant> r) {
            return r.cast();
        }
        Optional<Verification.Rejected<StatusListClaims>> invalidTime = JwtClaims.checkValidity(claims, now, skew, false, WHAT);
        if (invalidTime.isPresent()) {
            return invalidTime.get();
        }
        Optional<Instant> exp = JwtClaims.time(claims, "exp", WHAT).value();

        Optional<Duration> ttl = Optional.empty();
        JsonNode ttlNode = claims.get("ttl");
        if (ttlNode != null) {
            if (!ttlNode.isIntegralNumber() || !ttlNode.canConvertToLong() || ttlNode.longValue() <= 0) {
                return rejected(WHAT + " claim 'ttl' is not a positive whole number of seconds");
            }
            ttl = Optional.of(Duration.ofSeconds(ttlNode.longValue()));
        }

        JsonNode statusList = claims.get("status_list");
        if (statusList == null || !statusList.isObject()) {
            return rejected(WHAT + " claim 'status_list' is missing or not a JSON object");
        }
        for (Iterator<String> names = statusList.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!STATUS_LIST_MEMBERS.contains(name)) {
                return rejected(WHAT + " claim 'status_list' has a member this verifier does not know (only bits, lst, "
                        + "aggregation_uri are allowed)");
            }
        }
        JsonNode bitsNode = statusList.get("bits");
        if (bitsNode == null || !bitsNode.isIntegralNumber() || !bitsNode.canConvertToInt() || !allowedBits(bitsNode.intValue())) {
            return rejected(WHAT + " 'status_list.bits' is missing or not one of 1, 2, 4, 8");
        }
        JsonNode lstNode = statusList.get("lst");
        if (lstNode == null || !lstNode.isTextual()) {
            return rejected(WHAT + " 'status_list.lst' is missing or not a string");
        }
        Optional<byte[]> compressed = Base64Url.decode(lstNode.textValue());
        if (compressed.isEmpty()) {
            return rejected(WHAT + " 'status_list.lst' is not canonical unpadded base64url");
        }
        Optional<String> aggregationUri = Optional.empty();
        JsonNode aggregationNode = statusList.get("aggregation_uri");
        if (aggregationNode != null) {
            if (!aggregationNode.isTextual() || !isAbsoluteUri(aggregationNode.textValue())) {
                return rejected(WHAT + " 'status_list.aggregation_uri' is not an absolute URI string");
            }
            aggregationUri = Optional.of(aggregationNode.textValue());
        }

        Verification<byte[]> inflated = ZlibCodec.inflate(compressed.get(), maxBytes, WHAT + " 'status_list.lst'");
        if (inflated instanceof Verification.Rejected<byte[]> r) {
            return r.cast();
        }
        return Verification.accepted(new StatusListClaims(sub.value(), iat.value(), exp, ttl, aggregationUri,
                bitsNode.intValue(), inflated.value()));
    }

    /**
     * Whether {@code text} is an absolute URI (RFC 3986 as {@link URI} reads it) of at most
     * {@value #MAX_URI_LENGTH} characters, with no white space or control characters.
     */
    public static boolean isAbsoluteUri(String text) {
        if (text.isEmpty() || text.length() > MAX_URI_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c == 0x7F) {
                return false;
            }
        }
        try {
            return new URI(text).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean allowedBits(int bits) {
        return bits == 1 || bits == 2 || bits == 4 || bits == 8;
    }

    private static Verification<StatusListClaims> rejected(String message) {
        return Verification.rejected(ReasonCode.CLAIMS_INVALID, message);
    }
}
