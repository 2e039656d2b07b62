package org.staffpass.passport.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.crypto.sdjwt.SdHashAlgorithm;

/**
 * An SD-JWT split into its parts and decoded WITHOUT checking any signature: for a holder
 * choosing what to present from what its issuer sent, and for {@code inspect}. Nothing read
 * here may be trusted; the verifier starts again from the text.
 *
 * <p>Each disclosure gets the JSON Pointer of its claim where it can be found from the
 * issuer-signed payload alone: a top-level member ({@code /name}, its digest in the top-level
 * {@code _sd}) or an element of a top-level array ({@code /name/i}, {@code i} counting every
 * element as issued). Others (nested deeper) have none and are never presented.
 *
 * @param issuerJwt   the issuer-signed JWT
 * @param header      its decoded header
 * @param payload     its decoded payload (digests unresolved)
 * @param disclosures the disclosures in order
 * @param kbJwt       the KB-JWT, if one was appended
 */
public record UnverifiedSdJwt(String issuerJwt, ObjectNode header, ObjectNode payload, List<Part> disclosures,
                              Optional<String> kbJwt) {

    /**
     * One disclosure as sent.
     *
     * @param encoded the base64url text
     * @param decoded the JSON array {@code [salt, name, value]} or {@code [salt, value]}
     * @param digest  its digest under the payload's {@code _sd_alg}
     * @param pointer the claim's JSON Pointer in the issued claims, if found
     */
    public record Part(String encoded, ArrayNode decoded, String digest, Optional<String> pointer) {
        /** The claim name of an object-member disclosure. */
        public Optional<String> name() {
            return decoded.size() == 3 ? Optional.of(decoded.get(1).asText()) : Optional.empty();
        }

        /** The disclosed value. */
        public JsonNode value() {
            return decoded.get(decoded.size() - 1);
        }
    }

    /** Splits and decodes {@code compact} ({@code <jwt>~<d1>~...~<dn>~[<kb-jwt>]}); never throws for bad input. */
    public static Verification<UnverifiedSdJwt> parse(String compact, int maxLength) {
        if (compact.length() > maxLength) {
            return Verification.rejected(ReasonCode.TOO_LARGE, "SD-JWT longer than " + maxLength + " characters");
        }
        String[] parts = compact.split("~", -1);
        if (parts.length < 2 || parts[0].isEmpty()) {
            return Verification.rejected(ReasonCode.MALFORMED, "not an SD-JWT: <jwt>~<disclosures>~[<kb-jwt>]");
        }
        String[] segments = parts[0].split("\\.", -1);
        if (segments.length != 3) {
            return Verification.rejected(ReasonCode.MALFORMED, "issuer-signed JWT does not have three segments");
        }
        Verification<ObjectNode> header = decodeObject(segments[0], "issuer-signed JWT header");
        if (header instanceof Verification.Rejected<ObjectNode> r) {
            return r.cast();
        }
        Verification<ObjectNode> payload = decodeObject(segments[1], "issuer-signed JWT payload");
        if (payload instanceof Verification.Rejected<ObjectNode> r) {
            return r.cast();
        }
        JsonNode sdAlg = payload.value().get("_sd_alg");
        Optional<SdHashAlgorithm> algorithm = sdAlg == null ? Optional.of(SdHashAlgorithm.SHA_256)
                : sdAlg.isTextual() ? SdHashAlgorithm.fromIanaName(sdAlg.textValue()) : Optional.empty();
        if (algorithm.isEmpty()) {
            return Verification.rejected(ReasonCode.SD_ALG_UNSUPPORTED, "_sd_alg is not one we support");
        }
        Map<String, String> pointers = pointersByDigest(payload.value());
        List<Part> disclosures = new ArrayList<>();
        for (int i = 1; i < parts.length - 1; i++) {
            String encoded = parts[i];
            Optional<byte[]> bytes = Base64Url.decode(encoded);
            if (bytes.isEmpty()) {
                return Verification.rejected(ReasonCode.DISCLOSURE_MALFORMED, "disclosure " + i + " is not base64url");
            }
            Verification<ArrayNode> array = StrictJson.parseArray(bytes.get(), "disclosure " + i);
            if (array instanceof Verification.Rejected<ArrayNode> || array.value().size() < 2
                    || array.value().size() > 3 || !array.value().get(0).isTextual()
                    || (array.value().size() == 3 && !array.value().get(1).isTextual())) {
                return Verification.rejected(ReasonCode.DISCLOSURE_MALFORMED,
                        "disclosure " + i + " is not [salt, name, value] or [salt, value]");
            }
            String digest = Base64Url.encode(algorithm.get().digest(encoded.getBytes(StandardCharsets.US_ASCII)));
            disclosures.add(new Part(encoded, array.value(), digest, Optional.ofNullable(pointers.get(digest))));
        }
        String last = parts[parts.length - 1];
        if (!last.isEmpty() && last.split("\\.", -1).length != 3) {
            return Verification.rejected(ReasonCode.MALFORMED, "the part after the last ~ is not a KB-JWT");
        }
        return Verification.accepted(new UnverifiedSdJwt(parts[0], header.value(), payload.value(),
                List.copyOf(disclosures), last.isEmpty() ? Optional.empty() : Optional.of(last)));
    }

    private static Verification<ObjectNode> decodeObject(String segment, String what) {
        Optional<byte[]> bytes = Base64Url.decode(segment);
        if (bytes.isEmpty()) {
            return Verification.rejected(ReasonCode.MALFORMED, what + " is not base64url");
        }
        return StrictJson.parseObject(bytes.get(), what);
    }

    private static Map<String, String> pointersByDigest(ObjectNode payload) {
        Map<String, String> pointers = new HashMap<>();
        payload.fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            if (name.equals("_sd") && value.isArray()) {
                // names are learnt from the disclosure itself; mark the slot as top level
                value.forEach(d -> pointers.put(d.asText(), "/"));
            } else if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    JsonNode element = value.get(i);
                    if (element.isObject() && element.size() == 1 && element.has("...")) {
                        pointers.put(element.get("...").asText(), "/" + escape(name) + "/" + i);
                    }
                }
            }
        });
        return pointers;
    }

    /**
     * The pointer of a top-level member disclosure is {@code /} plus its name; the map above
     * only knows the slot, so resolve it here.
     */
    public UnverifiedSdJwt {
        List<Part> resolved = new ArrayList<>(disclosures.size());
        for (Part part : disclosures) {
            if (part.pointer().isPresent() && part.pointer().get().equals("/")) {
                resolved.add(new Part(part.encoded(), part.decoded(), part.digest(),
                        part.name().map(n -> "/" + escape(n))));
            } else {
                resolved.add(part);
            }
        }
        disclosures = List.copyOf(resolved);
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** The hash algorithm of the payload's {@code _sd_alg} (parse checked it). */
    public SdHashAlgorithm hashAlgorithm() {
        JsonNode sdAlg = payload.get("_sd_alg");
        return sdAlg == null ? SdHashAlgorithm.SHA_256 : SdHashAlgorithm.fromIanaName(sdAlg.textValue()).orElseThrow();
    }
}
