package org.staffpass.crypto.trust;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.staffpass.crypto.JwsSigner;
import org.staffpass.crypto.JwsVerifier;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.VerifiedJws;
import org.staffpass.crypto.internal.StrictJson;

/**
 * A versioned list of the issuers a scheme operator trusts, each with its keys and the
 * credential types it may issue; published as a compact JWS with header
 * {@code typ: }{@value #TYPE}, signed by the operator under a key verifiers pin
 * (format: docs/trust-lists.md, schema: docs/schemas/trust-list.schema.json).
 *
 * <p>Three ways in. {@link #verify} checks a published list against pinned root keys and the
 * time, and is what {@link TrustAnchors} uses; only a list in a {@code TrustAnchors} ever
 * resolves issuer keys. {@link #builder()} and {@link #parsePayload} make an <em>unsigned</em>
 * list for the operator to {@link #sign}: both enforce the same rules as {@code verify}, so
 * bad data is never signed. Every value is immutable and thread-safe; equal when operator,
 * sequence, times and issuers (in order) are equal.
 *
 * <pre>{@code
 * String jws = TrustList.builder()
 *         .operator("https://operator.example").sequence(8)
 *         .issuedAt(now).expiresAt(now.plus(Duration.ofDays(7)))
 *         .issuer(issuer)
 *         .build()
 *         .sign(operatorKey);
 * }</pre>
 *
 * @since 0.1
 */
public final class TrustList {
    /** The JWS header {@code typ} of a trust list. */
    public static final String TYPE = "staffpass-trust-list+jwt";
    /**
     * How far in the future {@code iat} may lie, for clocks that drift. Expiry allows no skew:
     * a list is unusable from the instant {@code exp} names.
     */
    public static final Duration ISSUED_AT_SKEW = Duration.ofMinutes(5);

    private final String operator;
    private final long sequence;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final List<TrustedIssuer> issuers;
    /** Resolution index, built once so that {@link #resolve} is only hash lookups and compares. */
    private final Map<String, IssuerEntry> byId;

    TrustList(String operator, long sequence, Instant issuedAt, Instant expiresAt, List<TrustedIssuer> issuers) {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        TrustListRules.require(TrustListRules.textProblem(operator, TrustListRules.MAX_OPERATOR_LENGTH), "operator");
        TrustListRules.require(TrustListRules.sequenceProblem(sequence), "sequence");
        TrustListRules.require(TrustListRules.timeProblem(issuedAt), "issuedAt");
        TrustListRules.require(TrustListRules.timeProblem(expiresAt), "expiresAt");
        if (!issuedAt.isBefore(expiresAt)) {
            throw new IllegalArgumentException("expiresAt must be later than issuedAt");
        }
        if (issuers.size() > TrustListRules.MAX_ISSUERS) {
            throw new IllegalArgumentException("a trust list holds at most " + TrustListRules.MAX_ISSUERS + " issuers");
        }
        Map<String, IssuerEntry> index = new HashMap<>(Math.max(16, issuers.size() * 2));
        for (TrustedIssuer issuer : issuers) {
            if (index.put(Objects.requireNonNull(issuer, "issuer").id(), new IssuerEntry(issuer)) != null) {
                throw new IllegalArgumentException("issuer ids must be unique on a trust list");
            }
        }
        this.operator = operator;
        this.sequence = sequence;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.issuers = List.copyOf(issuers);
        this.byId = index;
    }

    /** A builder for an unsigned list. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a published trust list: the JWS against {@code pinnedRoots} with {@code typ}
     * {@value #TYPE}, then the payload by the format's strict rules, then the time from
     * {@code clock}. Refusals: the JWS codes ({@code TOO_LARGE} beyond 8 MiB, {@code MALFORMED},
     * {@code ALG_NOT_ALLOWED}, {@code HEADER_NOT_ALLOWED}, {@code KID_MISMATCH},
     * {@code TYP_MISMATCH}, {@code SIGNATURE_INVALID}); {@code MALFORMED} or
     * {@code CLAIMS_INVALID} or a key's code for a payload outside the format, the message
     * starting with the JSON pointer; {@code TRUST_LIST_EXPIRED} when now is at or after
     * {@code exp}; {@code TRUST_LIST_NOT_YET_VALID} when {@code iat} is more than
     * {@link #ISSUED_AT_SKEW} ahead of now. Never throws for bad input.
     *
     * <p>This checks one list alone; {@link TrustAnchors#update} adds the rollback rule.
     *
     * @throws IllegalArgumentException if {@code pinnedRoots} is empty, or holds several keys
     *                                  not all with distinct {@code kid}s
     */
    public static Verification<TrustList> verify(String jws, Collection<VerificationKey> pinnedRoots, Clock clock) {
        Objects.requireNonNull(jws, "jws");
        Objects.requireNonNull(pinnedRoots, "pinnedRoots");
        Objects.requireNonNull(clock, "clock");
        return verify(jws, verifierFor(pinnedRoots), clock);
    }

    /** The verifier for lists signed by one of {@code pinnedRoots}. */
    static JwsVerifier verifierFor(Collection<VerificationKey> pinnedRoots) {
        return JwsVerifier.builder()
                .keys(pinnedRoots)
                .expectedType(TYPE)
                .maxLength(TrustListRules.MAX_JWS_LENGTH)
                .build();
    }

    static Verification<TrustList> verify(String jws, JwsVerifier verifier, Clock clock) {
        Verification<VerifiedJws> signed = verifier.verify(jws);
        if (signed instanceof Verification.Rejected<VerifiedJws> rejected) {
            return rejected.cast();
        }
        Verification<TrustList> parsed = TrustListCodec.parse(signed.value().payload());
        if (parsed instanceof Verification.Rejected<TrustList> rejected) {
            return rejected;
        }
        TrustList list = parsed.value();
        Instant now = clock.instant();
        if (!now.isBefore(list.expiresAt)) {
            return Verification.rejected(ReasonCode.TRUST_LIST_EXPIRED,
                    "trust list sequence " + list.sequence + " expired at " + list.expiresAt);
        }
        if (list.issuedAt.isAfter(now.plus(ISSUED_AT_SKEW))) {
            return Verification.rejected(ReasonCode.TRUST_LIST_NOT_YET_VALID, "trust list sequence " + list.sequence
                    + " was issued in the future (iat " + list.issuedAt + ", allowed skew " + ISSUED_AT_SKEW + ")");
        }
        return parsed;
    }

    /**
     * Reads an <em>unsigned, unverified</em> payload document (UTF-8 JSON), for an operator
     * about to sign it: checked by exactly the rules {@link #verify} applies to a payload,
     * but proving nothing about who wrote it. Refusals: {@code TOO_LARGE} beyond 6 MiB,
     * {@code MALFORMED} for invalid JSON or a duplicate member, {@code CLAIMS_INVALID} or a
     * key's code otherwise, the message starting with the JSON pointer. No time checks.
     */
    public static Verification<TrustList> parsePayload(byte[] utf8Json) {
        return TrustListCodec.parse(Objects.requireNonNull(utf8Json, "utf8Json"));
    }

    /** As {@link #parsePayload(byte[])}, from text. */
    public static Verification<TrustList> parsePayload(String json) {
        return parsePayload(Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8));
    }

    /** The payload as compact JSON, members in the documented order; what {@link #sign} signs. */
    public String toPayloadJson() {
        return StrictJson.write(TrustListCodec.write(this));
    }

    /** Signs this list as a compact JWS with {@code typ} {@value #TYPE}; deterministic for a key. */
    public String sign(SigningKey operatorKey) {
        Objects.requireNonNull(operatorKey, "operatorKey");
        return JwsSigner.of(operatorKey).sign(TYPE, toPayloadJson().getBytes(StandardCharsets.UTF_8));
    }

    /** The operator that publishes the list ({@code iss}). */
    public String operator() {
        return operator;
    }

    /** The version: each published list has a larger sequence than the one before. */
    public long sequence() {
        return sequence;
    }

    /** When the list was issued ({@code iat}). */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** The instant from which the list must no longer be used ({@code exp}). */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** The issuers, in the order listed. */
    public List<TrustedIssuer> issuers() {
        return issuers;
    }

    /** The issuer with this identifier, if listed (whatever its status). */
    public Optional<TrustedIssuer> issuer(String id) {
        IssuerEntry entry = byId.get(Objects.requireNonNull(id, "id"));
        return entry == null ? Optional.empty() : Optional.of(entry.issuer);
    }

    /**
     * Resolution, in the order documented in docs/trust-lists.md: list expiry, issuer listed,
     * revoked, suspended, not yet valid, no longer valid, key listed, type authorised. On
     * success returns a result built with the list, so nothing is allocated.
     */
    Verification<ResolvedKey> resolve(String issuerId, String kid, String vct, Instant at) {
        if (!at.isBefore(expiresAt)) {
            return Verification.rejected(ReasonCode.TRUST_LIST_EXPIRED,
                    "trust list sequence " + sequence + " expired at " + expiresAt);
        }
        IssuerEntry entry = byId.get(issuerId);
        if (entry == null) {
            // The identifier is the sender's: not echoed.
            return Verification.rejected(ReasonCode.UNKNOWN_ISSUER, "the issuer is not on trust list sequence " + sequence);
        }
        TrustedIssuer issuer = entry.issuer;
        if (issuer.status() == TrustedIssuer.Status.REVOKED) {
            return Verification.rejected(ReasonCode.ISSUER_REVOKED, "issuer " + issuer.id() + " is revoked");
        }
        if (issuer.status() == TrustedIssuer.Status.SUSPENDED) {
            return Verification.rejected(ReasonCode.ISSUER_SUSPENDED, "issuer " + issuer.id() + " is suspended");
        }
        if (at.isBefore(entry.validFrom)) {
            return Verification.rejected(ReasonCode.ISSUER_NOT_YET_VALID,
                    "issuer " + issuer.id() + " is not trusted before " + entry.validFrom);
        }
        if (entry.validUntil != null && !at.isBefore(entry.validUntil)) {
            return Verification.rejected(ReasonCode.ISSUER_NO_LONGER_VALID,
                    "issuer " + issuer.id() + " is not trusted from " + entry.validUntil);
        }
        Verification<ResolvedKey> key = entry.keys.get(kid);
        if (key == null) {
            return Verification.rejected(ReasonCode.UNKNOWN_KEY, "issuer " + issuer.id() + " lists no key with this kid");
        }
        if (!entry.credentialTypes.contains(vct)) {
            return Verification.rejected(ReasonCode.ISSUER_NOT_AUTHORISED_FOR_TYPE,
                    "issuer " + issuer.id() + " is not authorised for this credential type");
        }
        return key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrustList that
                && sequence == that.sequence
                && operator.equals(that.operator)
                && issuedAt.equals(that.issuedAt)
                && expiresAt.equals(that.expiresAt)
                && issuers.equals(that.issuers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(operator, sequence, issuedAt, expiresAt, issuers);
    }

    @Override
    public String toString() {
        return "TrustList[" + operator + ", sequence " + sequence + ", " + issuers.size() + " issuers, expires "
                + expiresAt + "]";
    }

    /** One issuer, with the pieces resolution needs laid out for direct lookup. */
    private static final class IssuerEntry {
        final TrustedIssuer issuer;
        final Instant validFrom;
        final Instant validUntil;
        final java.util.Set<String> credentialTypes;
        final Map<String, Verification<ResolvedKey>> keys;

        IssuerEntry(TrustedIssuer issuer) {
            this.issuer = issuer;
            this.validFrom = issuer.validFrom();
            this.validUntil = issuer.validUntil().orElse(null);
            this.credentialTypes = issuer.credentialTypes();
            Map<String, Verification<ResolvedKey>> results = new HashMap<>();
            issuer.keys().forEach((kid, key) -> results.put(kid, Verification.accepted(new ResolvedKey(key, issuer))));
            this.keys = results;
        }
    }

    /**
     * Assembles an unsigned {@link TrustList}. Single-valued setters may be called once;
     * {@link #issuer} adds one issuer and refuses a repeated id. {@link #build()} names what
     * is missing and applies the format's rules. Not thread-safe.
     */
    public static final class Builder {
        private String operator;
        private Long sequence;
        private Instant issuedAt;
        private Instant expiresAt;
        private final List<TrustedIssuer> issuers = new ArrayList<>();
        private final java.util.Set<String> ids = new java.util.HashSet<>();

        private Builder() {
        }

        /** The operator identifier ({@code iss}). */
        public Builder operator(String operator) {
            Objects.requireNonNull(operator, "operator");
            if (this.operator != null) {
                throw new IllegalStateException("operator already set");
            }
            this.operator = operator;
            return this;
        }

        /** The version number, larger than every earlier list's. */
        public Builder sequence(long sequence) {
            if (this.sequence != null) {
                throw new IllegalStateException("sequence already set");
            }
            TrustListRules.require(TrustListRules.sequenceProblem(sequence), "sequence");
            this.sequence = sequence;
            return this;
        }

        /** Issue time, whole seconds. */
        public Builder issuedAt(Instant issuedAt) {
            Objects.requireNonNull(issuedAt, "issuedAt");
            if (this.issuedAt != null) {
                throw new IllegalStateException("issuedAt already set");
            }
            this.issuedAt = issuedAt;
            return this;
        }

        /** Expiry, whole seconds; the list is unusable from this instant. */
        public Builder expiresAt(Instant expiresAt) {
            Objects.requireNonNull(expiresAt, "expiresAt");
            if (this.expiresAt != null) {
                throw new IllegalStateException("expiresAt already set");
            }
            this.expiresAt = expiresAt;
            return this;
        }

        /** Adds one issuer; its id must not repeat one already added. */
        public Builder issuer(TrustedIssuer issuer) {
            Objects.requireNonNull(issuer, "issuer");
            if (!ids.add(issuer.id())) {
                throw new IllegalStateException("an issuer with this id was already added");
            }
            issuers.add(issuer);
            return this;
        }

        /** Adds several issuers, as {@link #issuer} each. */
        public Builder issuers(Collection<TrustedIssuer> more) {
            Objects.requireNonNull(more, "issuers").forEach(this::issuer);
            return this;
        }

        /** The list; throws naming the first missing field, or the rule broken. */
        public TrustList build() {
            if (operator == null) {
                throw new IllegalStateException("a TrustList needs operator(...)");
            }
            if (sequence == null) {
                throw new IllegalStateException("a TrustList needs sequence(...)");
            }
            if (issuedAt == null) {
                throw new IllegalStateException("a TrustList needs issuedAt(...)");
            }
            if (expiresAt == null) {
                throw new IllegalStateException("a TrustList needs expiresAt(...)");
            }
            return new TrustList(operator, sequence, issuedAt, expiresAt, Collections.unmodifiableList(issuers));
        }
    }
}
