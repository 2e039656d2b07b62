package org.staffpass.passport.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.internal.StrictJson;

/**
 * The passport presentation wire format: one JSON object with exactly one member,
 * {@code presentation}, an array of SD-JWT+KB compact strings (docs/passport.md).
 */
public final class PresentationFormat {
    /** The one member of the document. */
    public static final String MEMBER = "presentation";

    private PresentationFormat() {
    }

    /** The document holding {@code credentials} in order. */
    public static String write(List<String> credentials) {
        ObjectNode document = StrictJson.object();
        ArrayNode array = document.putArray(MEMBER);
        credentials.forEach(array::add);
        return StrictJson.write(document);
    }

    /**
     * The SD-JWT+KBs of a document, or {@code TOO_LARGE} (longer than {@code maxLength}
     * characters, more than {@code maxCredentials}) or {@code MALFORMED}. An empty array is
     * accepted here; the verifier refuses it with its own code.
     */
    public static Verification<List<String>> parse(String document, int maxLength, int maxCredentials) {
        if (document.length() > maxLength) {
            return Verification.rejected(ReasonCode.TOO_LARGE, "presentation longer than " + maxLength + " characters");
        }
        Verification<ObjectNode> parsed = StrictJson.parseObject(document.getBytes(StandardCharsets.UTF_8), "presentation");
        if (parsed instanceof Verification.Rejected<ObjectNode> r) {
            return r.cast();
        }
        ObjectNode object = parsed.value();
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals(MEMBER)) {
                return Verification.rejected(ReasonCode.MALFORMED, "presentation has a member other than '" + MEMBER + "'");
            }
        }
        JsonNode array = object.get(MEMBER);
        if (array == null || !array.isArray()) {
            return Verification.rejected(ReasonCode.MALFORMED, "presentation member '" + MEMBER + "' is missing or not an array");
        }
        if (array.size() > maxCredentials) {
            return Verification.rejected(ReasonCode.TOO_LARGE, "presentation holds " + array.size()
                    + " credentials; at most " + maxCredentials + " are accepted");
        }
        List<String> credentials = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual()) {
                return Verification.rejected(ReasonCode.MALFORMED, "presentation element " + i + " is not a string");
            }
            credentials.add(array.get(i).textValue());
        }
        return Verification.accepted(List.copyOf(credentials));
    }
}
