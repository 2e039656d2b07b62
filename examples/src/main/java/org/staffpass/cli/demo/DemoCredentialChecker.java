package org.staffpass.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.staffpass.crypto.JwsVerifier;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerifiedJws;
import org.staffpass.crypto.status.StatusListStore;
import org.staffpass.crypto.status.StatusLookup;
import org.staffpass.crypto.status.StatusReference;
import org.staffpass.crypto.trust.ResolvedKey;
import org.staffpass.crypto.trust.TrustAnchors;

/**
 * Checks a signed credential token the way a verifying organisation does, offline: the trust
 * list says which key may sign which type for which issuer; the token's own signature, time
 * window and status-list entry must all hold. Fails closed: a stale status list rejects.
 *
 * <p>This is the foundation-stage stand-in for the SD-JWT passport verifier: the tokens are
 * plain JWTs carrying {@code iss}, {@code vct}, {@code exp} and a status reference.
 */
public final class DemoCredentialChecker {
    /** The header {@code typ} of the demo's credential tokens. */
    public static final String TYPE = "staffpass-demo-credential+jwt";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final TrustAnchors anchors;
    private final StatusListStore statusLists;
    private final Clock clock;

    /** A checker over a trust list in force, a loaded status-list store, and a clock. */
    public DemoCredentialChecker(TrustAnchors anchors, StatusListStore statusLists, Clock clock) {
        this.anchors = anchors;
        this.statusLists = statusLists;
        this.clock = clock;
    }

    /**
     * What the check found: {@code VALID}, a {@link ReasonCode} name, or {@code STATUS_<label>}
     * when the status list marks the credential (for example {@code STATUS_INVALID} for revoked).
     */
    public record Outcome(String code, String detail) {
        /** Whether the credential was accepted. */
        public boolean accepted() {
            return code.equals("VALID");
        }
    }

    /** Checks one compact token. */
    public Outcome check(String token) {
        Instant now = clock.instant();
        // The issuer, kid and type are read unverified only to find the key; the signature
        // check below is made with the key the trust list names, never one the token names.
        Optional<ObjectNode> header = peek(token, 0);
        Optional<ObjectNode> payload = peek(token, 1);
        if (header.isEmpty() || payload.isEmpty()) {
            return rejected(ReasonCode.MALFORMED, "not a compact JWS with JSON header and payload");
        }
        String kid = text(header.get(), "kid");
        String iss = text(payload.get(), "iss");
        String vct = text(payload.get(), "vct");
        Verification<ResolvedKey> resolved = anchors.resolve(iss, kid, vct, now);
        if (resolved instanceof Verification.Rejected<ResolvedKey> r) {
            return rejected(r.reason(), r.message());
        }
        ResolvedKey key = resolved.value();
        Verification<VerifiedJws> verified = JwsVerifier.builder().key(key.key()).expectedType(TYPE).build().verify(token);
        if (verified instanceof Verification.Rejected<VerifiedJws> r) {
            return rejected(r.reason(), r.message());
        }
        ObjectNode claims;
        try {
            claims = (ObjectNode) JSON.readTree(verified.value().payload());
        } catch (IOException | ClassCastException e) {
            return rejected(ReasonCode.MALFORMED, "verified payload is not a JSON object");
        }
        if (!iss.equals(text(claims, "iss")) || !vct.equals(text(claims, "vct"))) {
            return rejected(ReasonCode.CLAIMS_INVALID, "claims changed between lookup and verification");
        }
        JsonNode exp = claims.get("exp");
        if (exp == null || !exp.canConvertToLong()) {
            return rejected(ReasonCode.CLAIMS_INVALID, "credential has no numeric 'exp'");
        }
        if (!now.isBefore(Instant.ofEpochSecond(exp.longValue()))) {
            return rejected(ReasonCode.EXPIRED, "credential expired at " + Instant.ofEpochSecond(exp.longValue()));
        }
        Verification<StatusReference> reference = StatusReference.fromClaims(claims);
        if (reference instanceof Verification.Rejected<StatusReference> r) {
            return rejected(r.reason(), r.message());
        }
        StatusLookup lookup = statusLists.lookup(reference.value());
        if (lookup instanceof StatusLookup.Unavailable unavailable) {
            return rejected(unavailable.reason(), unavailable.message());
        }
        StatusLookup.Known known = (StatusLookup.Known) lookup;
        if (!known.status().isValid()) {
            return new Outcome("STATUS_" + known.status().label(),
                    "status list marks entry " + known.index() + " " + known.status().label());
        }
        return new Outcome("VALID", "signed by " + key.issuer().name() + " (" + key.issuer().organisationCode()
                + "), in date, status VALID");
    }

    private static Outcome rejected(ReasonCode reason, String message) {
        return new Outcome(reason.name(), message);
    }

    private static Optional<ObjectNode> peek(String token, int segment) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(parts[segment]));
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(ObjectNode node, String member) {
        JsonNode value = node.get(member);
        return value != null && value.isTextual() ? value.textValue() : "";
    }
}
