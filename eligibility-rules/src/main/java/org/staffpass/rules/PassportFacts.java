package org.staffpass.rules;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.staffpass.passport.VerifiedCredential;
import org.staffpass.passport.VerifiedPassport;
import org.staffpass.passport.credential.Credential;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.CredentialValidator;
import org.staffpass.rules.internal.FactsJson;

/**
 * The facts of one verified passport that eligibility rules read: the holder key thumbprint
 * and, per credential type presented, the typed credential as disclosed (withheld selectively
 * disclosable claims are absent), its issuer, validity and digest, and the pointers of the
 * claims the holder disclosed. Immutable and thread-safe.
 *
 * <p>Made from a {@link VerifiedPassport} ({@link #of}) or read from its JSON form
 * ({@link #parse(byte[], CredentialValidator)}, docs/schemas/passport-facts.schema.json), which
 * re-validates every credential's claims, so signed garbage stays garbage in a facts file too.
 * A facts file carries no signature: whoever supplies it vouches for it (an auditor replaying
 * a decision, a test), so only {@link #of} facts come with verification behind them.
 *
 * @param holderKeyThumbprint RFC 7638 thumbprint of the holder key every credential is bound to
 * @param credentials         the credentials by type (iteration in {@link CredentialType} order)
 * @since 0.1
 */
public record PassportFacts(String holderKeyThumbprint, Map<CredentialType, CredentialFacts> credentials) {
    /** Largest facts document accepted, in UTF-8 bytes. */
    public static final int MAX_DOCUMENT_BYTES = 256 * 1024;

    public PassportFacts {
        Objects.requireNonNull(holderKeyThumbprint, "holderKeyThumbprint");
        Map<CredentialType, CredentialFacts> copy = new EnumMap<>(CredentialType.class);
        Objects.requireNonNull(credentials, "credentials").forEach((type, facts) -> {
            Objects.requireNonNull(type, "credential type");
            Objects.requireNonNull(facts, "facts of " + type);
            if (facts.credential().credentialType() != type) {
                throw new IllegalArgumentException("credentials: " + type + " maps to a " + facts.credential().credentialType());
            }
            copy.put(type, facts);
        });
        credentials = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * One credential's facts.
     *
     * @param credential       the typed content as disclosed
     * @param issuer           the issuer's id (trust list entry id, the credential's {@code iss})
     * @param issuedAt         {@code iat}
     * @param expiresAt        {@code exp}
     * @param credentialDigest base64url SHA-256 of the issuer-signed JWT (stable across presentations)
     * @param disclosed        JSON Pointers of the selectively disclosable claims the holder disclosed
     */
    public record CredentialFacts(Credential credential, String issuer, Instant issuedAt, Instant expiresAt,
            String credentialDigest, Set<String> disclosed) {
        public CredentialFacts {
            Objects.requireNonNull(credential, "credential");
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(credentialDigest, "credentialDigest");
            if (issuedAt.getNano() != 0 || expiresAt.getNano() != 0) {
                throw new IllegalArgumentException("issuedAt and expiresAt are whole seconds (JWT NumericDate)");
            }
            disclosed = java.util.Collections.unmodifiableSet(new TreeSet<>(disclosed));
        }
    }

    /** The facts of a passport the {@code PassportVerifier} accepted. */
    public static PassportFacts of(VerifiedPassport passport) {
        Objects.requireNonNull(passport, "passport");
        Map<CredentialType, CredentialFacts> map = new EnumMap<>(CredentialType.class);
        for (VerifiedCredential<? extends Credential> c : passport.credentials()) {
            map.put(c.credential().credentialType(), new CredentialFacts(c.credential(), c.issuer().id(),
                    c.issuedAt(), c.expiresAt(), c.credentialDigest(), c.disclosed()));
        }
        return new PassportFacts(passport.holderKeyThumbprint(), map);
    }

    /** The facts of the credential of {@code type}, if presented. */
    public Optional<CredentialFacts> credential(CredentialType type) {
        return Optional.ofNullable(credentials.get(Objects.requireNonNull(type, "type")));
    }

    /** The credential record of class {@code type}, if presented. */
    public <T extends Credential> Optional<T> record(Class<T> type) {
        Objects.requireNonNull(type, "type");
        for (CredentialFacts f : credentials.values()) {
            if (type.isInstance(f.credential())) {
                return Optional.of(type.cast(f.credential()));
            }
        }
        return Optional.empty();
    }

    /**
     * Reads the JSON form; never throws for bad input. Claims are read and validated with
     * {@code validator} (its clock is "today" for dates of past events: pass one fixed at the
     * decision instant for a replay).
     */
    public static ParseResult parse(byte[] utf8, CredentialValidator validator) {
        Objects.requireNonNull(utf8, "utf8");
        Objects.requireNonNull(validator, "validator");
        return FactsJson.read(utf8, validator);
    }

    /** Reads the JSON form from text; see {@link #parse(byte[], CredentialValidator)}. */
    public static ParseResult parse(String json, CredentialValidator validator) {
        Objects.requireNonNull(json, "json");
        return parse(json.getBytes(StandardCharsets.UTF_8), validator);
    }

    /** The JSON form: deterministic (types in {@link CredentialType} order, claims as passport-core writes them). */
    public String toJson() {
        return FactsJson.write(this);
    }

    /** Result of {@link #parse}: facts, or every problem found. Immutable. */
    public sealed interface ParseResult permits Parsed, Refused {
        /** Whether the document was accepted. */
        default boolean isParsed() {
            return this instanceof Parsed;
        }
    }

    /** An accepted facts document. */
    public record Parsed(PassportFacts facts) implements ParseResult {
        public Parsed {
            Objects.requireNonNull(facts, "facts");
        }
    }

    /** A refused facts document, with every problem in document order (never empty). */
    public record Refused(List<Issue> issues) implements ParseResult {
        public Refused {
            issues = List.copyOf(new ArrayList<>(issues));
            if (issues.isEmpty()) {
                throw new IllegalArgumentException("a refused document has at least one issue");
            }
        }
    }

    /**
     * One problem of a facts document.
     *
     * @param problem the stable code
     * @param pointer RFC 6901 JSON Pointer of the offending node ("" for the whole document)
     * @param message what is wrong, naming the member (never claim values)
     */
    public record Issue(Problem problem, String pointer, String message) {
        public Issue {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return problem + " at " + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
        }
    }

    /** Stable codes of a refused facts document (docs/policy-language.md, "Passport facts"). */
    public enum Problem {
        /** Not strict UTF-8 JSON, duplicate member, trailing data, too deep, or not an object. */
        MALFORMED_JSON,
        /** Larger than {@link #MAX_DOCUMENT_BYTES}. */
        TOO_LARGE,
        /** A member the format does not define. */
        UNKNOWN_MEMBER,
        /** A required member is absent. */
        MISSING_MEMBER,
        /** Wrong JSON type. */
        WRONG_TYPE,
        /** Bad form: thumbprint, digest, instant, issuer text, or issuedAt not before expiresAt. */
        INVALID_VALUE,
        /** Two credentials of one type. */
        DUPLICATE_CREDENTIAL_TYPE,
        /** Claims that passport-core's reader or validator refuses (the message names the credential problem). */
        INVALID_CLAIMS,
        /** A disclosed pointer that is not selectively disclosable for the type, or names no claim present. */
        INVALID_DISCLOSURE
    }
}
