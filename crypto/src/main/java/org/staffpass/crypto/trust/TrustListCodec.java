package org.staffpass.crypto.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.internal.StrictJson;

/**
 * Reads and writes the trust-list payload (docs/trust-lists.md).
 *
 * <p>Reading is strict and allow-listed: a member not named in the sets below, a missing
 * required member, a wrong JSON type, a bound exceeded or a broken rule is
 * {@link ReasonCode#CLAIMS_INVALID}; a key is refused with the key's own reason code. Every
 * message begins with the JSON pointer (RFC 6901) of the offending value. The first problem
 * found is reported. Never throws for bad input.
 */
final class TrustListCodec {
    /** Payload members, all required. Kept in step with the JSON Schema by a test. */
    static final Set<String> TOP_LEVEL_MEMBERS = Set.of("iss", "sequence", "iat", "exp", "issuers");
    static final Set<String> TOP_LEVEL_REQUIRED = TOP_LEVEL_MEMBERS;
    static final Set<String> ISSUER_MEMBERS = Set.of("id", "name", "organisationCode", "status", "validFrom",
            "validUntil", "credentialTypes", "jwks");
    static final Set<String> ISSUER_REQUIRED = Set.of("id", "name", "organisationCode", "status", "validFrom",
            "credentialTypes", "jwks");
    static final Set<String> JWKS_MEMBERS = Set.of("keys");
    static final Set<String> JWKS_REQUIRED = JWKS_MEMBERS;
    /** Public JWK members for our two key types; anything else (x5c, jku, private members) is refused. */
    static final Set<String> JWK_MEMBERS = Set.of("kty", "crv", "x", "y", "kid", "use", "key_ops", "alg");
    static final Set<String> JWK_REQUIRED = Set.of("kty", "crv", "x", "kid");

    private TrustListCodec() {
    }

    /** Parses and checks an unsigned payload document. */
    static Verification<TrustList> parse(byte[] utf8) {
        if (utf8.length > TrustListRules.MAX_PAYLOAD_BYTES) {
            return Verification.rejected(ReasonCode.TOO_LARGE, "trust list payload is " + utf8.length
                    + " bytes; the bound is " + TrustListRules.MAX_PAYLOAD_BYTES);
        }
        return StrictJson.parseObject(utf8, "trust list payload").then(TrustListCodec::read);
    }

    /** Checks an already-parsed payload. */
    static Verification<TrustList> read(ObjectNode root) {
        try {
            return Verification.accepted(readList(root));
        } catch (Refusal refusal) {
            return Verification.rejected(refusal.reason, "trust list payload " + refusal.getMessage());
        }
    }

    /** The payload as a JSON tree, members in the documented order. */
    static ObjectNode write(TrustList list) {
        ObjectNode root = StrictJson.object();
        root.put("iss", list.operator());
        root.put("sequence", list.sequence());
        root.put("iat", list.issuedAt().getEpochSecond());
        root.put("exp", list.expiresAt().getEpochSecond());
        ArrayNode issuers = root.putArray("issuers");
        for (TrustedIssuer issuer : list.issuers()) {
            ObjectNode entry = issuers.addObject();
            entry.put("id", issuer.id());
            entry.put("name", issuer.name());
            entry.put("organisationCode", issuer.organisationCode());
            entry.put("status", issuer.status().jsonName());
            entry.put("validFrom", issuer.validFrom().getEpochSecond());
            issuer.validUntil().ifPresent(until -> entry.put("validUntil", until.getEpochSecond()));
            ArrayNode types = entry.putArray("credentialTypes");
            issuer.credentialTypes().forEach(types::add);
            ArrayNode keys = entry.putObject("jwks").putArray("keys");
            issuer.keys().values().forEach(key -> keys.add(key.toJwk()));
        }
        return root;
    }

    private static TrustList readList(ObjectNode root) throws Refusal {
        checkMembers(root, "", TOP_LEVEL_MEMBERS, TOP_LEVEL_REQUIRED);
        String operator = text(root, "", "iss", TrustListRules.MAX_OPERATOR_LENGTH);
        long sequence = sequence(root.get("sequence"), "/sequence");
        Instant issuedAt = time(root.get("iat"), "/iat");
        Instant expiresAt = time(root.get("exp"), "/exp");
        if (!issuedAt.isBefore(expiresAt)) {
            throw invalid("/exp", "must be later than /iat");
        }
        ArrayNode array = array(root.get("issuers"), "/issuers", 0, TrustListRules.MAX_ISSUERS);
        List<TrustedIssuer> issuers = new ArrayList<>(array.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "/issuers/" + i;
            TrustedIssuer issuer = readIssuer(object(array.get(i), path), path);
            Integer earlier = seen.putIfAbsent(issuer.id(), i);
            if (earlier != null) {
                throw invalid(path + "/id", "duplicates the issuer id at /issuers/" + earlier);
            }
            issuers.add(issuer);
        }
        return new TrustList(operator, sequence, issuedAt, expiresAt, issuers);
    }

    private static TrustedIssuer readIssuer(ObjectNode node, String path) throws Refusal {
        checkMembers(node, path, ISSUER_MEMBERS, ISSUER_REQUIRED);
        String id = text(node, path, "id", TrustListRules.MAX_ISSUER_ID_LENGTH);
        String name = text(node, path, "name", TrustListRules.MAX_NAME_LENGTH);
        String organisationCode = text(node, path, "organisationCode", TrustListRules.MAX_ORGANISATION_CODE_LENGTH);
        JsonNode statusNode = node.get("status");
        Optional<TrustedIssuer.Status> status = statusNode.isTextual()
                ? TrustedIssuer.Status.fromJsonName(statusNode.textValue())
                : Optional.empty();
        if (status.isEmpty()) {
            throw invalid(path + "/status", "must be \"active\", \"suspended\" or \"revoked\"");
        }
        Instant validFrom = time(node.get("validFrom"), path + "/validFrom");
        Optional<Instant> validUntil = node.has("validUntil")
                ? Optional.of(time(node.get("validUntil"), path + "/validUntil"))
                : Optional.empty();
        if (validUntil.isPresent() && !validFrom.isBefore(validUntil.get())) {
            throw invalid(path + "/validUntil", "must be later than validFrom");
        }

        ArrayNode typeArray = array(node.get("credentialTypes"), path + "/credentialTypes", 1,
                TrustListRules.MAX_TYPES_PER_ISSUER);
        Set<String> types = new LinkedHashSet<>();
        for (int i = 0; i < typeArray.size(); i++) {
            String typePath = path + "/credentialTypes/" + i;
            String type = textValue(typeArray.get(i), typePath, TrustListRules.MAX_CREDENTIAL_TYPE_LENGTH);
            if (!types.add(type)) {
                throw invalid(typePath, "repeats a credential type");
            }
        }

        String jwksPath = path + "/jwks";
        ObjectNode jwks = object(node.get("jwks"), jwksPath);
        checkMembers(jwks, jwksPath, JWKS_MEMBERS, JWKS_REQUIRED);
        ArrayNode keyArray = array(jwks.get("keys"), jwksPath + "/keys", 1, TrustListRules.MAX_KEYS_PER_ISSUER);
        Map<String, VerificationKey> keys = new LinkedHashMap<>();
        for (int i = 0; i < keyArray.size(); i++) {
            String keyPath = jwksPath + "/keys/" + i;
            VerificationKey key = readKey(object(keyArray.get(i), keyPath), keyPath);
            if (keys.putIfAbsent(key.kid().orElseThrow(), key) != null) {
                throw invalid(keyPath + "/kid", "repeats a kid of this issuer");
            }
        }
        return new TrustedIssuer(id, name, organisationCode, status.get(), validFrom, validUntil, types, keys);
    }

    private static VerificationKey readKey(ObjectNode jwk, String path) throws Refusal {
        // The key's own checks first, so private material or use:enc report the key's reason code.
        Verification<VerificationKey> key = VerificationKey.fromJwk(jwk);
        if (key instanceof Verification.Rejected<VerificationKey> rejected) {
            throw new Refusal(rejected.reason(), path + ": " + rejected.message());
        }
        checkMembers(jwk, path, JWK_MEMBERS, JWK_REQUIRED);
        if (jwk.has("y") && key.value().algorithm() != SignatureAlgorithm.ES256) {
            throw invalid(path + "/y", "is a member of EC keys only");
        }
        textValue(jwk.get("kid"), path + "/kid", TrustListRules.MAX_KID_LENGTH);
        return key.value();
    }

    private static void checkMembers(ObjectNode node, String path, Set<String> allowed, Set<String> required)
            throws Refusal {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw invalid(path + "/" + pointerToken(name), "is not a member of this format");
            }
        }
        for (String name : required) {
            if (!node.has(name)) {
                throw invalid(path + "/" + name, "is required");
            }
        }
    }

    private static String text(ObjectNode node, String path, String member, int maxLength) throws Refusal {
        return textValue(node.get(member), path + "/" + member, maxLength);
    }

    private static String textValue(JsonNode node, String path, int maxLength) throws Refusal {
        if (!node.isTextual()) {
            throw invalid(path, "must be a string");
        }
        Optional<String> problem = TrustListRules.textProblem(node.textValue(), maxLength);
        if (problem.isPresent()) {
            throw invalid(path, problem.get());
        }
        return node.textValue();
    }

    private static long sequence(JsonNode node, String path) throws Refusal {
        if (!node.isIntegralNumber() || !node.canConvertToLong()
                || TrustListRules.sequenceProblem(node.longValue()).isPresent()) {
            throw invalid(path, "must be an integer from 1 to " + TrustListRules.MAX_SEQUENCE);
        }
        return node.longValue();
    }

    /** NumericDate, as a whole number of seconds: fractions would not survive every JSON reader. */
    private static Instant time(JsonNode node, String path) throws Refusal {
        if (!node.isIntegralNumber() || !node.canConvertToLong()
                || node.longValue() < 0 || node.longValue() > TrustListRules.MAX_EPOCH_SECOND) {
            throw invalid(path, "must be a NumericDate: whole seconds since 1970 from 0 to "
                    + TrustListRules.MAX_EPOCH_SECOND);
        }
        return Instant.ofEpochSecond(node.longValue());
    }

    private static ArrayNode array(JsonNode node, String path, int min, int max) throws Refusal {
        if (!node.isArray()) {
            throw invalid(path, "must be an array");
        }
        if (node.size() < min || node.size() > max) {
            throw invalid(path, "must hold " + min + " to " + max + " entries, not " + node.size());
        }
        return (ArrayNode) node;
    }

    private static ObjectNode object(JsonNode node, String path) throws Refusal {
        if (!node.isObject()) {
            throw invalid(path, "must be an object");
        }
        return (ObjectNode) node;
    }

    /**
     * A member name as a JSON pointer token (RFC 6901 §3), made safe to print: the name is
     * the sender's, so it is cut short and anything but printable ASCII becomes '?'.
     */
    static String pointerToken(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && i < 40; i++) {
            char c = name.charAt(i);
            if (c == '~') {
                out.append("~0");
            } else if (c == '/') {
                out.append("~1");
            } else {
                out.append(c >= 0x20 && c < 0x7F ? c : '?');
            }
        }
        return name.length() > 40 ? out.append("...").toString() : out.toString();
    }

    private static Refusal invalid(String path, String problem) {
        return new Refusal(ReasonCode.CLAIMS_INVALID, path + ": " + problem);
    }

    /**
     * Unwinds the reader to {@link #read} with the first problem found. Checked, so it can
     * only carry refusals of input; a bug (any runtime exception) still surfaces as a bug.
     */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient ReasonCode reason;

        Refusal(ReasonCode reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
