package org.staffpass.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.passport.DisclosureRequest;
import org.staffpass.passport.credential.Credential;
import org.staffpass.passport.credential.CredentialClaims;
import org.staffpass.passport.credential.CredentialResult;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.CredentialValidator;
import org.staffpass.passport.credential.CredentialViolation;
import org.staffpass.rules.PassportFacts;
import org.staffpass.rules.PassportFacts.Issue;
import org.staffpass.rules.PassportFacts.Problem;

/**
 * The JSON form of {@link PassportFacts} (docs/schemas/passport-facts.schema.json): a strict
 * reader that lists every problem with its JSON Pointer, and a deterministic writer. One reader
 * per document; not shared.
 */
public final class FactsJson {
    public static final Set<String> TOP_MEMBERS = Set.of("holderKeyThumbprint", "credentials");
    public static final Set<String> CREDENTIAL_MEMBERS =
            Set.of("issuer", "issuedAt", "expiresAt", "credentialDigest", "disclosed", "claims");
    public static final String DIGEST_PATTERN = "^[A-Za-z0-9_-]{43}$";
    public static final String INSTANT_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$";
    public static final int MAX_TEXT = 200;
    public static final int MAX_DISCLOSED = 400;
    private static final Pattern DIGEST = Pattern.compile(DIGEST_PATTERN);
    private static final Pattern INSTANT = Pattern.compile(INSTANT_PATTERN);

    private final Function<ObjectNode, CredentialResult<Credential>> claimsReader;
    private final List<Issue> issues = new ArrayList<>();

    private FactsJson(Function<ObjectNode, CredentialResult<Credential>> claimsReader) {
        this.claimsReader = claimsReader;
    }

    /**
     * Reads a facts object already parsed (for facts embedded in another document), claims
     * read by {@code claimsReader} (a validator's {@code read}, or only
     * {@code CredentialClaims::fromClaims} for structure).
     */
    public static PassportFacts.ParseResult read(ObjectNode root, Function<ObjectNode, CredentialResult<Credential>> claimsReader) {
        return new FactsJson(claimsReader).document(root);
    }

    /** The pointers of every selectively disclosable claim present in {@code claims}: what a full disclosure shows. */
    public static Set<String> disclosedPointers(CredentialType type, ObjectNode claims) {
        Set<String> out = new java.util.TreeSet<>();
        for (String declared : type.selectivelyDisclosable()) {
            if (declared.endsWith("/*")) {
                JsonNode array = claims.at(declared.substring(0, declared.length() - 2));
                for (int i = 0; i < array.size(); i++) {
                    out.add(declared.substring(0, declared.length() - 1) + i);
                }
            } else if (!claims.at(declared).isMissingNode()) {
                out.add(declared);
            }
        }
        return out;
    }

    /** See {@link PassportFacts#parse(byte[], CredentialValidator)}. */
    public static PassportFacts.ParseResult read(byte[] utf8, CredentialValidator validator) {
        if (utf8.length > PassportFacts.MAX_DOCUMENT_BYTES) {
            return new PassportFacts.Refused(List.of(new Issue(Problem.TOO_LARGE, "",
                    "the facts document is larger than " + PassportFacts.MAX_DOCUMENT_BYTES + " bytes")));
        }
        Verification<ObjectNode> parsed = StrictJson.parseObject(utf8, "passport facts");
        if (parsed instanceof Verification.Rejected<ObjectNode> rejected) {
            return new PassportFacts.Refused(List.of(new Issue(Problem.MALFORMED_JSON, "", rejected.message())));
        }
        return new FactsJson(validator::read).document(parsed.value());
    }

    private PassportFacts.ParseResult document(ObjectNode root) {
        members(root, "", TOP_MEMBERS);
        String thumbprint = pattern(root, "", "holderKeyThumbprint", DIGEST, "a base64url SHA-256 (43 characters)");
        Map<CredentialType, PassportFacts.CredentialFacts> credentials = new EnumMap<>(CredentialType.class);
        JsonNode list = root.get("credentials");
        if (list != null && !list.isArray()) {
            problem(Problem.WRONG_TYPE, "/credentials", "credentials must be an array");
        } else if (list != null && list.size() > CredentialType.values().length) {
            problem(Problem.DUPLICATE_CREDENTIAL_TYPE, "/credentials", "at most one credential of each type");
        } else if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                credential(list.get(i), "/credentials/" + i, credentials);
            }
        }
        if (!issues.isEmpty()) {
            return new PassportFacts.Refused(issues);
        }
        return new PassportFacts.Parsed(new PassportFacts(thumbprint, credentials));
    }

    private void credential(JsonNode item, String at, Map<CredentialType, PassportFacts.CredentialFacts> out) {
        if (!item.isObject()) {
            problem(Problem.WRONG_TYPE, at, "a credential must be an object");
            return;
        }
        ObjectNode node = (ObjectNode) item;
        members(node, at, CREDENTIAL_MEMBERS);
        String issuer = text(node, at, "issuer");
        Instant issuedAt = instant(node, at, "issuedAt");
        Instant expiresAt = instant(node, at, "expiresAt");
        if (issuedAt != null && expiresAt != null && !issuedAt.isBefore(expiresAt)) {
            problem(Problem.INVALID_VALUE, at + "/expiresAt", "expiresAt must be after issuedAt");
        }
        String digest = pattern(node, at, "credentialDigest", DIGEST, "a base64url SHA-256 (43 characters)");
        Credential credential = null;
        JsonNode claims = node.get("claims");
        if (claims != null && !claims.isObject()) {
            problem(Problem.WRONG_TYPE, at + "/claims", "claims must be an object");
        } else if (claims != null) {
            CredentialResult<Credential> read = claimsReader.apply((ObjectNode) claims);
            for (CredentialViolation v : read.violations()) {
                problem(Problem.INVALID_CLAIMS, at + "/claims" + v.path(), v.problem() + ": " + v.message());
            }
            if (read.isValid()) {
                credential = read.value();
                if (out.containsKey(credential.credentialType())) {
                    problem(Problem.DUPLICATE_CREDENTIAL_TYPE, at + "/claims/vct",
                            "a second " + credential.credentialType() + " credential");
                    credential = null;
                }
            }
        }
        Set<String> disclosed = disclosed(node, at, credential == null ? null : credential.credentialType(),
                credential == null ? null : (ObjectNode) claims);
        if (credential != null && issuer != null && issuedAt != null && expiresAt != null && digest != null
                && disclosed != null && issuedAt.isBefore(expiresAt)) {
            out.put(credential.credentialType(), new PassportFacts.CredentialFacts(credential, issuer, issuedAt,
                    expiresAt, digest, disclosed));
        }
    }

    private Set<String> disclosed(ObjectNode node, String at, CredentialType type, ObjectNode claims) {
        JsonNode list = node.get("disclosed");
        if (list == null) {
            return null;
        }
        String p = at + "/disclosed";
        if (!list.isArray()) {
            problem(Problem.WRONG_TYPE, p, "disclosed must be an array");
            return null;
        }
        if (list.size() > MAX_DISCLOSED) {
            problem(Problem.INVALID_VALUE, p, "at most " + MAX_DISCLOSED + " disclosed pointers");
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String ip = p + "/" + i;
            if (!item.isTextual()) {
                problem(Problem.WRONG_TYPE, ip, "a disclosed pointer must be a string");
                ok = false;
                continue;
            }
            String pointer = item.textValue();
            if (type == null) {
                continue; // the claims are refused already; pointers cannot be judged without a type
            }
            if (!DisclosureRequest.isDisclosable(type, pointer) || claims.at(pointer).isMissingNode()) {
                problem(Problem.INVALID_DISCLOSURE, ip,
                        "not a selectively disclosable claim of " + type + " present in claims");
                ok = false;
            } else if (!out.add(pointer)) {
                problem(Problem.INVALID_DISCLOSURE, ip, "pointer listed twice");
                ok = false;
            }
        }
        return ok ? out : null;
    }

    /** The JSON form of {@code facts}. */
    public static String write(PassportFacts facts) {
        ObjectNode root = StrictJson.object();
        root.put("holderKeyThumbprint", facts.holderKeyThumbprint());
        ArrayNode list = root.putArray("credentials");
        for (PassportFacts.CredentialFacts f : facts.credentials().values()) {
            ObjectNode c = list.addObject();
            c.put("issuer", f.issuer());
            c.put("issuedAt", f.issuedAt().toString());
            c.put("expiresAt", f.expiresAt().toString());
            c.put("credentialDigest", f.credentialDigest());
            ArrayNode disclosed = c.putArray("disclosed");
            f.disclosed().forEach(disclosed::add);
            c.set("claims", CredentialClaims.toClaims(f.credential()));
        }
        return StrictJson.write(root);
    }

    // ---- primitives: each records its own problem and returns null on failure

    private void problem(Problem code, String pointer, String message) {
        issues.add(new Issue(code, pointer, message));
    }

    private void members(ObjectNode node, String at, Set<String> allowed) {
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                problem(Problem.UNKNOWN_MEMBER, at + "/" + name.replace("~", "~0").replace("/", "~1"),
                        "unknown member " + StrictJson.printable(name));
            }
        });
        allowed.stream().sorted().filter(name -> !node.has(name))
                .forEach(name -> problem(Problem.MISSING_MEMBER, at + "/" + name, "missing member " + name));
    }

    private String text(ObjectNode parent, String at, String name) {
        JsonNode node = parent.get(name);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            problem(Problem.WRONG_TYPE, at + "/" + name, name + " must be a string");
            return null;
        }
        String text = node.textValue();
        if (text.isEmpty() || text.length() > MAX_TEXT || !text.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            problem(Problem.INVALID_VALUE, at + "/" + name, name + " must be 1 to " + MAX_TEXT + " printable characters");
            return null;
        }
        return text;
    }

    private String pattern(ObjectNode parent, String at, String name, Pattern pattern, String expectation) {
        String text = text(parent, at, name);
        if (text != null && !pattern.matcher(text).matches()) {
            problem(Problem.INVALID_VALUE, at + "/" + name, name + " must be " + expectation);
            return null;
        }
        return text;
    }

    private Instant instant(ObjectNode parent, String at, String name) {
        String text = pattern(parent, at, name, INSTANT, "an instant YYYY-MM-DDTHH:MM:SSZ");
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            problem(Problem.INVALID_VALUE, at + "/" + name, name + " is not a real instant");
            return null;
        }
    }
}
