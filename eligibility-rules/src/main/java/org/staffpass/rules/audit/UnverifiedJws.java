package org.staffpass.rules.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.StrictJson;

/**
 * A compact JWS's header (strict JSON object) and payload bytes, read before its signature is
 * checked, because the signer is named inside (a header {@code kid}, a payload {@code iss}).
 * Nothing here is trusted until the signature holds; the signature segment is left to
 * {@link org.staffpass.crypto.JwsVerifier}.
 *
 * @param header  the decoded, parsed header
 * @param payload the decoded payload bytes
 */
record UnverifiedJws(ObjectNode header, byte[] payload) {
    UnverifiedJws {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(payload, "payload");
    }

    /**
     * The header and payload of {@code compact}, or {@link ReasonCode#MALFORMED} when it is not
     * three dot-separated segments with canonical base64url header and payload and a JSON
     * object header. Bound the input's length before calling.
     *
     * @param what how messages name the token ("record", "signed policy")
     */
    static Verification<UnverifiedJws> read(String compact, String what) {
        int firstDot = compact.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : compact.indexOf('.', firstDot + 1);
        if (secondDot < 0 || compact.indexOf('.', secondDot + 1) >= 0) {
            return Verification.rejected(ReasonCode.MALFORMED, what + " is not a compact JWS (three dot-separated segments)");
        }
        byte[] ascii = compact.getBytes(StandardCharsets.ISO_8859_1);
        Optional<byte[]> header = Base64Url.decodeRange(ascii, 0, firstDot);
        Optional<byte[]> payload = Base64Url.decodeRange(ascii, firstDot + 1, secondDot);
        if (header.isEmpty() || payload.isEmpty()) {
            return Verification.rejected(ReasonCode.MALFORMED, what + " header or payload is not canonical base64url");
        }
        Verification<ObjectNode> parsed = StrictJson.parseObject(header.get(), what + " header");
        if (parsed instanceof Verification.Rejected<ObjectNode> r) {
            return r.cast();
        }
        return Verification.accepted(new UnverifiedJws(parsed.value(), payload.get()));
    }
}
