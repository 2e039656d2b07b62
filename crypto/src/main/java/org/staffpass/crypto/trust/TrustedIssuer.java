package org.staffpass.crypto.trust;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.staffpass.crypto.VerificationKey;

/**
 * One issuer on a {@link TrustList}: who it is, whether and when it may issue, which
 * credential types ({@code vct} values) it may issue, and the keys it signs with.
 *
 * <p>The compact constructor enforces the format's rules (bounded, control-character-free
 * texts; whole-second times with {@code validFrom < validUntil}; 1 to 256 unique types;
 * 1 to 32 keys, each filed under its own {@code kid}) and copies the collections, so an
 * instance is always valid and immutable. It throws {@link IllegalArgumentException} for a
 * violation and {@link NullPointerException} for a null: those are programmer errors; input
 * from a stranger is checked by {@link TrustList#verify} and {@link TrustList#parsePayload},
 * which answer with a reason code instead. Iteration order of {@code credentialTypes} and
 * {@code keys} is the order given.
 *
 * @param id               the issuer identifier credentials name in {@code iss} (for example an https URL)
 * @param name             display name
 * @param organisationCode the scheme's code for the issuing organisation (an opaque string here)
 * @param status           whether the issuer may issue at all
 * @param validFrom        first instant the issuer's credentials are trusted
 * @param validUntil       the instant from which they are no longer trusted, if any
 * @param credentialTypes  the {@code vct} values the issuer is authorised for
 * @param keys             the issuer's public keys by {@code kid}
 * @since 0.1
 */
public record TrustedIssuer(
        String id,
        String name,
        String organisationCode,
        Status status,
        Instant validFrom,
        Optional<Instant> validUntil,
        Set<String> credentialTypes,
        Map<String, VerificationKey> keys) {

    /** An issuer's standing on the list; only {@link #ACTIVE} issuers resolve. */
    public enum Status {
        /** May issue. */
        ACTIVE("active"),
        /** Temporarily may not issue; its credentials do not verify while suspended. */
        SUSPENDED("suspended"),
        /** Permanently removed; its credentials never verify again. */
        REVOKED("revoked");

        private final String jsonName;

        Status(String jsonName) {
            this.jsonName = jsonName;
        }

        /** The value written in the {@code status} member. */
        public String jsonName() {
            return jsonName;
        }

        /** The status a {@code status} member value names (exact, case-sensitive), if any. */
        public static Optional<Status> fromJsonName(String value) {
            for (Status status : values()) {
                if (status.jsonName.equals(value)) {
                    return Optional.of(status);
                }
            }
            return Optional.empty();
        }
    }

    /** Checks every rule of the format and copies the collections. */
    public TrustedIssuer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(organisationCode, "organisationCode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(credentialTypes, "credentialTypes");
        Objects.requireNonNull(keys, "keys");
        TrustListRules.require(TrustListRules.textProblem(id, TrustListRules.MAX_ISSUER_ID_LENGTH), "id");
        TrustListRules.require(TrustListRules.textProblem(name, TrustListRules.MAX_NAME_LENGTH), "name");
        TrustListRules.require(TrustListRules.textProblem(organisationCode, TrustListRules.MAX_ORGANISATION_CODE_LENGTH),
                "organisationCode");
        TrustListRules.require(TrustListRules.timeProblem(validFrom), "validFrom");
        if (validUntil.isPresent()) {
            TrustListRules.require(TrustListRules.timeProblem(validUntil.get()), "validUntil");
            if (!validFrom.isBefore(validUntil.get())) {
                throw new IllegalArgumentException("validUntil must be later than validFrom");
            }
        }
        credentialTypes = copyTypes(credentialTypes);
        keys = copyKeys(keys);
    }

    /** A builder, for authoring lists in code. */
    public static Builder builder() {
        return new Builder();
    }

    private static Set<String> copyTypes(Collection<String> types) {
        if (types.isEmpty() || types.size() > TrustListRules.MAX_TYPES_PER_ISSUER) {
            throw new IllegalArgumentException("credentialTypes must hold 1 to " + TrustListRules.MAX_TYPES_PER_ISSUER + " types");
        }
        Set<String> copy = new LinkedHashSet<>();
        for (String type : types) {
            TrustListRules.require(TrustListRules.textProblem(Objects.requireNonNull(type, "credential type"),
                    TrustListRules.MAX_CREDENTIAL_TYPE_LENGTH), "credential type");
            copy.add(type);
        }
        return Collections.unmodifiableSet(copy);
    }

    private static Map<String, VerificationKey> copyKeys(Map<String, VerificationKey> keys) {
        if (keys.isEmpty() || keys.size() > TrustListRules.MAX_KEYS_PER_ISSUER) {
            throw new IllegalArgumentException("keys must hold 1 to " + TrustListRules.MAX_KEYS_PER_ISSUER + " keys");
        }
        Map<String, VerificationKey> copy = new LinkedHashMap<>();
        for (Map.Entry<String, VerificationKey> entry : keys.entrySet()) {
            String kid = Objects.requireNonNull(entry.getKey(), "kid");
            VerificationKey key = Objects.requireNonNull(entry.getValue(), "key");
            TrustListRules.require(TrustListRules.textProblem(kid, TrustListRules.MAX_KID_LENGTH), "kid");
            if (!key.kid().equals(Optional.of(kid))) {
                throw new IllegalArgumentException("a key must be filed under its own kid");
            }
            copy.put(kid, key);
        }
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public String toString() {
        return "TrustedIssuer[" + id + ", " + status.jsonName + ", " + credentialTypes.size() + " types, kids="
                + keys.keySet() + "]";
    }

    /**
     * Assembles a {@link TrustedIssuer}. Single-valued setters may be called once;
     * {@link #credentialType} and {@link #key} add one entry each and refuse a repeat.
     * {@link #build()} names what is missing. Not thread-safe.
     */
    public static final class Builder {
        private String id;
        private String name;
        private String organisationCode;
        private Status status;
        private Instant validFrom;
        private Instant validUntil;
        private final Set<String> credentialTypes = new LinkedHashSet<>();
        private final Map<String, VerificationKey> keys = new LinkedHashMap<>();

        private Builder() {
        }

        /** The issuer identifier. */
        public Builder id(String id) {
            this.id = once(this.id, id, "id");
            return this;
        }

        /** The display name. */
        public Builder name(String name) {
            this.name = once(this.name, name, "name");
            return this;
        }

        /** The organisation code. */
        public Builder organisationCode(String organisationCode) {
            this.organisationCode = once(this.organisationCode, organisationCode, "organisationCode");
            return this;
        }

        /** The status. */
        public Builder status(Status status) {
            this.status = once(this.status, status, "status");
            return this;
        }

        /** Start of the validity period. */
        public Builder validFrom(Instant validFrom) {
            this.validFrom = once(this.validFrom, validFrom, "validFrom");
            return this;
        }

        /** End of the validity period (exclusive); leave unset for an open-ended period. */
        public Builder validUntil(Instant validUntil) {
            this.validUntil = once(this.validUntil, validUntil, "validUntil");
            return this;
        }

        /** Authorises one more credential type. */
        public Builder credentialType(String vct) {
            Objects.requireNonNull(vct, "vct");
            if (!credentialTypes.add(vct)) {
                throw new IllegalStateException("credential type already added");
            }
            return this;
        }

        /** Adds one signing key; it must carry a {@code kid} not already used by this issuer. */
        public Builder key(VerificationKey key) {
            Objects.requireNonNull(key, "key");
            String kid = key.kid().orElseThrow(() -> new IllegalArgumentException("a trusted issuer's key needs a kid"));
            if (keys.putIfAbsent(kid, key) != null) {
                throw new IllegalStateException("a key with this kid was already added");
            }
            return this;
        }

        /** The issuer; throws naming the first missing field, or the rule broken. */
        public TrustedIssuer build() {
            requireSet(id, "id");
            requireSet(name, "name");
            requireSet(organisationCode, "organisationCode");
            requireSet(status, "status");
            requireSet(validFrom, "validFrom");
            if (credentialTypes.isEmpty()) {
                throw new IllegalStateException("a TrustedIssuer needs at least one credentialType(...)");
            }
            if (keys.isEmpty()) {
                throw new IllegalStateException("a TrustedIssuer needs at least one key(...)");
            }
            return new TrustedIssuer(id, name, organisationCode, status, validFrom, Optional.ofNullable(validUntil),
                    credentialTypes, keys);
        }

        private static <T> T once(T current, T value, String field) {
            Objects.requireNonNull(value, field);
            if (current != null) {
                throw new IllegalStateException(field + " already set");
            }
            return value;
        }

        private static void requireSet(Object value, String field) {
            if (value == null) {
                throw new IllegalStateException("a TrustedIssuer needs " + field + "(...)");
            }
        }
    }
}
