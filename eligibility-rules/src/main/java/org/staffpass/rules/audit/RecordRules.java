package org.staffpass.rules.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.rules.Shift;

/**
 * The value rules of a decision record, shared by the record's constructor (which throws) and
 * the payload reader (which reports), so that what is signed is exactly what verifies.
 * Each check answers the problem, or empty when the value is fine.
 */
final class RecordRules {
    /** 0000-01-01T00:00:00Z .. 9999-12-31T23:59:59.999999999Z: the range Instant.toString writes plainly. */
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private static final int DIGEST_CHARS = 43;
    private static final int MAX_MONEY_SCALE = 6;
    private static final int MAX_MONEY_PRECISION = 20;

    private RecordRules() {
    }

    static void require(Optional<String> problem, String what) {
        if (problem.isPresent()) {
            throw new IllegalArgumentException(what + ": " + problem.get());
        }
    }

    static Optional<String> text(String text, boolean nonEmpty) {
        if (nonEmpty && text.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (text.length() > DecisionRecord.MAX_TEXT) {
            return Optional.of("longer than " + DecisionRecord.MAX_TEXT + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return Optional.of("contains a control character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains an unpaired surrogate");
            }
        }
        return Optional.empty();
    }

    /** A break-glass reason: non-empty text of at most {@link DecisionRecord#MAX_REASON} characters. */
    static Optional<String> reason(String reason) {
        return reason.length() > DecisionRecord.MAX_REASON
                ? Optional.of("longer than " + DecisionRecord.MAX_REASON + " characters")
                : text(reason, true);
    }

    static Optional<String> texts(List<String> texts, boolean nonEmpty) {
        Optional<String> size = size(texts, DecisionRecord.MAX_LIST);
        if (size.isPresent()) {
            return size;
        }
        for (int i = 0; i < texts.size(); i++) {
            Optional<String> problem = text(texts.get(i), nonEmpty);
            if (problem.isPresent()) {
                return Optional.of("item " + i + " " + problem.get());
            }
        }
        return Optional.empty();
    }

    static Optional<String> size(List<?> list, int max) {
        return list.size() > max ? Optional.of("more than " + max + " items") : Optional.empty();
    }

    /** A SHA-256 digest or RFC 7638 thumbprint: 43 characters of canonical unpadded base64url. */
    static Optional<String> digest(String digest) {
        return digest.length() == DIGEST_CHARS && Base64Url.isCanonical(digest, 0, DIGEST_CHARS)
                ? Optional.empty()
                : Optional.of("is not a base64url SHA-256 digest (43 characters)");
    }

    static Optional<String> instant(Instant instant) {
        return instant.isBefore(EARLIEST) || instant.isAfter(LATEST)
                ? Optional.of("is outside years 0000 to 9999")
                : Optional.empty();
    }

    /** A non-negative amount whose plain string reads back to the same value and scale. */
    static Optional<String> money(BigDecimal amount) {
        if (amount.signum() < 0 || amount.scale() < 0 || amount.scale() > MAX_MONEY_SCALE
                || amount.precision() > MAX_MONEY_PRECISION) {
            return Optional.of("must be a non-negative amount with at most " + MAX_MONEY_SCALE + " decimals");
        }
        return Optional.empty();
    }

    static Optional<String> shift(Shift shift) {
        Optional<String> problem = text(shift.organisation(), true).map(p -> "organisation " + p)
                .or(() -> text(shift.site(), false).map(p -> "site " + p))
                .or(() -> text(shift.department(), false).map(p -> "department " + p))
                .or(() -> text(shift.specialty().value(), true).map(p -> "specialty " + p))
                .or(() -> text(shift.minGrade().value(), true).map(p -> "minGrade " + p))
                .or(() -> text(shift.maxGrade().value(), true).map(p -> "maxGrade " + p))
                .or(() -> instant(shift.start()).map(p -> "start " + p))
                .or(() -> instant(shift.end()).map(p -> "end " + p));
        return problem.or(() -> money(shift.offeredHourlyRate()).map(p -> "offeredHourlyRate " + p));
    }
}
