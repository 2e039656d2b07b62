package org.staffpass.rules.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.staffpass.crypto.JwsSigner;
import org.staffpass.crypto.JwsVerifier;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerifiedJws;
import org.staffpass.crypto.internal.JwtClaims;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.crypto.trust.ResolvedKey;
import org.staffpass.crypto.trust.TrustAnchors;
import org.staffpass.crypto.trust.TrustedIssuer;
import org.staffpass.rules.Policy;
import org.staffpass.rules.PolicyIssue;
import org.staffpass.rules.PolicyResult;

/**
 * A policy signed by its publisher, so a trust can check before use that the policy it runs
 * is the one the bank's publisher issued. The token is a compact JWS with header
 * {@code typ: staffpass-policy+jwt} and payload {@code {"iss", "iat", "policy"}}, where
 * {@code policy} is the policy's canonical form; the publisher must be on the trust list,
 * authorised for {@link #TYPE_URI} at {@code iat}. Verification re-validates the policy in
 * full, so a signature never makes a bad policy good. Stateless; never throws for bad input.
 *
 * @since 0.1
 */
public final class SignedPolicy {
    /** The JWS {@code typ} of a signed policy. */
    public static final String TYPE = "staffpass-policy+jwt";
    /** The type a publisher must be authorised for on the trust list. */
    public static final String TYPE_URI = "https://staffpass.example/types/policy/v1";
    /** Longest token accepted, in characters: a policy at its size bound, base64url, plus the envelope. */
    public static final int MAX_TOKEN_CHARS = Policy.MAX_DOCUMENT_BYTES / 3 * 4 + 8192;

    private SignedPolicy() {
    }

    /** Signs {@code policy}'s canonical form as {@code publisherId}, at {@code signedAt} (whole seconds). */
    public static String sign(Policy policy, SigningKey key, String publisherId, Instant signedAt) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(publisherId, "publisherId");
        Objects.requireNonNull(signedAt, "signedAt");
        if (publisherId.isBlank()) {
            throw new IllegalArgumentException("publisherId must not be blank");
        }
        Verification<ObjectNode> canonical = StrictJson.parseObject(policy.canonicalJson(), "policy");
        if (!canonical.isAccepted()) {
            throw new IllegalArgumentException("policy.canonicalJson() is not a JSON object");
        }
        ObjectNode payload = StrictJson.object();
        payload.put("iat", signedAt.getEpochSecond());
        payload.put("iss", publisherId);
        payload.set("policy", canonical.value());
        return JwsSigner.of(key).sign(TYPE, StrictJson.write(payload).getBytes(StandardCharsets.UTF_8));
    }

    /** Checks {@code compact} against the trust list and, if the signature holds, validates the policy it carries. */
    public static Result verify(String compact, TrustAnchors anchors) {
        Objects.requireNonNull(compact, "compact");
        Objects.requireNonNull(anchors, "anchors");
        if (compact.length() > MAX_TOKEN_CHARS) {
            return new Refused(ReasonCode.TOO_LARGE, "signed policy is " + compact.length()
                    + " characters; the bound is " + MAX_TOKEN_CHARS);
        }
        // The publisher is named in the payload, so it is read (strictly, bounded) before the
        // signature is checked; nothing read here is trusted until the signature holds.
        Verification<UnverifiedJws> read = UnverifiedJws.read(compact, "signed policy");
        if (read instanceof Verification.Rejected<UnverifiedJws> r) {
            return new Refused(r.reason(), r.message());
        }
        Verification<ObjectNode> payload = StrictJson.parseObject(read.value().payload(), "signed policy payload");
        if (payload instanceof Verification.Rejected<ObjectNode> r) {
            return new Refused(r.reason(), r.message());
        }
        JsonNode kid = read.value().header().get("kid");
        if (kid == null || !kid.isTextual()) {
            return new Refused(ReasonCode.MALFORMED, "signed policy header kid is absent or not a string");
        }
        ObjectNode claims = payload.value();
        for (java.util.Iterator<String> names = claims.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!List.of("iss", "iat", "policy").contains(name)) {
                return new Refused(ReasonCode.MALFORMED, "signed policy payload has unknown member " + StrictJson.printable(name));
            }
        }
        Verification<String> issuer = JwtClaims.requiredString(claims, "iss", "signed policy");
        Verification<Instant> signedAt = JwtClaims.requiredTime(claims, "iat", "signed policy");
        JsonNode policy = claims.get("policy");
        if (issuer instanceof Verification.Rejected<String> r) {
            return new Refused(r.reason(), r.message());
        }
        if (signedAt instanceof Verification.Rejected<Instant> r) {
            return new Refused(r.reason(), r.message());
        }
        if (policy == null || !policy.isObject()) {
            return new Refused(ReasonCode.MALFORMED, "signed policy payload member policy is absent or not an object");
        }
        Verification<ResolvedKey> resolved = anchors.resolve(issuer.value(), kid.textValue(), TYPE_URI, signedAt.value());
        if (resolved instanceof Verification.Rejected<ResolvedKey> r) {
            return new Refused(r.reason(), "publisher: " + r.message());
        }
        Verification<VerifiedJws> verified = JwsVerifier.builder().key(resolved.value().key()).expectedType(TYPE)
                .maxLength(MAX_TOKEN_CHARS).build().verify(compact);
        if (verified instanceof Verification.Rejected<VerifiedJws> r) {
            return new Refused(r.reason(), r.message());
        }
        PolicyResult parsed = Policy.parse(StrictJson.write(policy));
        if (parsed instanceof PolicyResult.Invalid invalid) {
            return new InvalidPolicy(invalid.issues());
        }
        return new Verified(((PolicyResult.Valid) parsed).policy(), resolved.value().issuer(), signedAt.value());
    }

    /** What {@link #verify} found. */
    public sealed interface Result permits Verified, Refused, InvalidPolicy {
    }

    /**
     * The signature holds, the publisher is trusted for policies, and the policy is valid.
     *
     * @param policy    the validated policy
     * @param publisher the trust list's entry for the publisher
     * @param signedAt  the signature's {@code iat}
     */
    public record Verified(Policy policy, TrustedIssuer publisher, Instant signedAt) implements Result {
        public Verified {
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(publisher, "publisher");
            Objects.requireNonNull(signedAt, "signedAt");
        }
    }

    /**
     * The token, its signature or its publisher was refused.
     *
     * @param reason  the stable reason code (docs/reason-codes.md)
     * @param message what was wrong, naming the field
     */
    public record Refused(ReasonCode reason, String message) implements Result {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Correctly signed by a trusted publisher, but the policy itself is not valid (for example
     * signed under an older format): never used.
     *
     * @param issues every problem, with its code and JSON Pointer
     */
    public record InvalidPolicy(List<PolicyIssue> issues) implements Result {
        public InvalidPolicy {
            issues = List.copyOf(issues);
        }
    }
}
