package org.staffpass.rules.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.passport.PassportVerifier;

/**
 * What replay reads from a presentation document before verifying it: the credentials in
 * order, and the audience and nonce its key-binding JWTs name, so the verifier can be asked
 * for exactly those. Nothing here is trusted: the record's presentation digest has already
 * bound these bytes, and the verifier then checks every signature, audience and nonce.
 *
 * @param credentials the SD-JWT+KB strings, in order
 * @param audience    the {@code aud} every key-binding JWT names
 * @param nonce       the {@code nonce} every key-binding JWT names
 */
record UnverifiedPresentation(List<String> credentials, String audience, String nonce) {
    private static final String MEMBER = "presentation";

    /** Why a document could not be read. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    static UnverifiedPresentation read(String document) throws Unreadable {
        if (document.length() > PassportVerifier.DEFAULT_MAX_LENGTH) {
            throw new Unreadable("presentation is longer than " + PassportVerifier.DEFAULT_MAX_LENGTH + " characters");
        }
        Verification<ObjectNode> parsed = StrictJson.parseObject(document, "presentation");
        if (parsed instanceof Verification.Rejected<ObjectNode> r) {
            throw new Unreadable(r.message());
        }
        ObjectNode object = parsed.value();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            if (!names.next().equals(MEMBER)) {
                throw new Unreadable("presentation has a member other than '" + MEMBER + "'");
            }
        }
        JsonNode array = object.get(MEMBER);
        if (array == null || !array.isArray() || array.isEmpty()
                || array.size() > PassportVerifier.DEFAULT_MAX_CREDENTIALS) {
            throw new Unreadable("presentation /" + MEMBER + " must be an array of 1 to "
                    + PassportVerifier.DEFAULT_MAX_CREDENTIALS + " credentials");
        }
        List<String> credentials = new ArrayList<>(array.size());
        String audience = null;
        String nonce = null;
        for (int i = 0; i < array.size(); i++) {
            String where = "presentation /" + MEMBER + "/" + i;
            if (!array.get(i).isTextual()) {
                throw new Unreadable(where + " is not a string");
            }
            String credential = array.get(i).textValue();
            ObjectNode kb = keyBindingPayload(credential)
                    .orElseThrow(() -> new Unreadable(where + " does not end in a readable key-binding JWT"));
            String aud = string(kb, "aud", where);
            String n = string(kb, "nonce", where);
            if (audience == null) {
                audience = aud;
                nonce = n;
            } else if (!audience.equals(aud) || !nonce.equals(n)) {
                throw new Unreadable(where + ": its key-binding JWT names another aud or nonce than credential 0's");
            }
            credentials.add(credential);
        }
        return new UnverifiedPresentation(List.copyOf(credentials), audience, nonce);
    }

    private static Optional<ObjectNode> keyBindingPayload(String credential) {
        String kb = credential.substring(credential.lastIndexOf('~') + 1);
        int first = kb.indexOf('.');
        int second = first < 0 ? -1 : kb.indexOf('.', first + 1);
        if (second < 0 || kb.indexOf('.', second + 1) >= 0) {
            return Optional.empty();
        }
        Optional<byte[]> payload = Base64Url.decode(kb.substring(first + 1, second));
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        Verification<ObjectNode> parsed = StrictJson.parseObject(payload.get(), "key-binding JWT payload");
        return parsed.isAccepted() ? Optional.of(parsed.value()) : Optional.empty();
    }

    private static String string(ObjectNode payload, String name, String where) throws Unreadable {
        JsonNode value = payload.get(name);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw new Unreadable(where + ": its key-binding JWT has no " + name + " string");
        }
        return value.textValue();
    }

    /** For messages: never the credentials themselves. */
    @Override
    public String toString() {
        return "UnverifiedPresentation[" + credentials.size() + " credentials]";
    }
}
