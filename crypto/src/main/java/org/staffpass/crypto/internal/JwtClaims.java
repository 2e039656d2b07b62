package org.staffpass.crypto.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.Verification;

/**
 * Reads and checks registered JWT claims (RFC 7519 §4.1) in a payload already parsed by
 * {@link StrictJson}. Shared by every JWT the trust layer verifies (trust lists, status lists,
 * SD-JWT, key-binding JWTs) so that time is compared one way everywhere.
 */
public final class JwtClaims {
    /** Latest NumericDate accepted: 9999-12-31T23:59:59Z. Larger values are not dates. */
    private static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    private JwtClaims() {
    }

    /**
     * A NumericDate claim (seconds since the epoch, fractions allowed), if present. A value
     * that is not a non-negative number below year 10000 is {@code CLAIMS_INVALID}.
     */
    public static Verification<Optional<Instant>> time(ObjectNode claims, String name, String what) {
        JsonNode node = claims.get(name);
        if (node == null) {
            return Verification.accepted(Optional.empty());
        }
        if (!node.isNumber()) {
            return Verification.rejected(ReasonCode.CLAIMS_INVALID, what + " claim '" + name + "' is not a NumericDate number");
        }
        BigDecimal seconds = node.decimalValue();
        if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(MAX_EPOCH_SECOND)) > 0) {
            return Verification.rejected(ReasonCode.CLAIMS_INVALID, what + " claim '" + name + "' is outside years 1970-9999");
        }
        long whole = seconds.longValue();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Verification.accepted(Optional.of(Instant.ofEpochSecond(whole, nanos)));
    }

    /** A NumericDate claim that must be present. */
    public static Verification<Instant> requiredTime(ObjectNode claims, String name, String what) {
        return time(claims, name, what).then(value -> value.isPresent()
                ? Verification.accepted(value.get())
                : Verification.rejected(ReasonCode.CLAIMS_INVALID, what + " has no '" + name + "' claim"));
    }

    /** A string claim that must be present. */
    public static Verification<String> requiredString(ObjectNode claims, String name, String what) {
        JsonNode node = claims.get(name);
        if (node == null || !node.isTextual() || node.textValue().isEmpty()) {
            return Verification.rejected(ReasonCode.CLAIMS_INVALID, what + " claim '" + name + "' is missing or not a non-empty string");
        }
        return Verification.accepted(node.textValue());
    }

    /**
     * Checks {@code exp}, {@code nbf} and {@code iat} against {@code now}, each allowing
     * {@code skew}: expired when {@code now >= exp + skew}; not yet valid when {@code nbf} or
     * {@code iat} is later than {@code now + skew}. Returns the rejection, if any.
     */
    public static <T> Optional<Verification.Rejected<T>> checkValidity(ObjectNode claims, Instant now, Duration skew,
                                                                       boolean expRequired, String what) {
        Verification<Optional<Instant>> exp = time(claims, "exp", what);
        Verification<Optional<Instant>> nbf = time(claims, "nbf", what);
        Verification<Optional<Instant>> iat = time(claims, "iat", what);
        for (Verification<Optional<Instant>> claim : java.util.List.of(exp, nbf, iat)) {
            if (claim instanceof Verification.Rejected<Optional<Instant>> r) {
                return Optional.of(r.cast());
            }
        }
        if (expRequired && exp.value().isEmpty()) {
            return Optional.of(new Verification.Rejected<>(ReasonCode.CLAIMS_INVALID, what + " has no 'exp' claim"));
        }
        if (exp.value().isPresent() && !now.isBefore(exp.value().get().plus(skew))) {
            return Optional.of(new Verification.Rejected<>(ReasonCode.EXPIRED, what + " expired at " + exp.value().get()));
        }
        Instant latestAllowedStart = now.plus(skew);
        if (nbf.value().isPresent() && nbf.value().get().isAfter(latestAllowedStart)) {
            return Optional.of(new Verification.Rejected<>(ReasonCode.NOT_YET_VALID, what + " is not valid before " + nbf.value().get()));
        }
        if (iat.value().isPresent() && iat.value().get().isAfter(latestAllowedStart)) {
            return Optional.of(new Verification.Rejected<>(ReasonCode.NOT_YET_VALID, what + " was issued in the future (" + iat.value().get() + ")"));
        }
        return Optional.empty();
    }
}
