package org.staffpass.passport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.crypto.sdjwt.IssuedSdJwt;
import org.staffpass.crypto.sdjwt.SdJwtIssuer;
import org.staffpass.crypto.status.StatusReference;
import org.staffpass.passport.credential.Credential;
import org.staffpass.passport.credential.CredentialClaims;
import org.staffpass.passport.credential.CredentialResult;
import org.staffpass.passport.credential.CredentialValidator;
import org.staffpass.passport.internal.ClaimPointers;

/**
 * Issues staff-passport credentials as SD-JWT VCs ({@code typ: dc+sd-jwt}), refusing to sign
 * data that fails {@link CredentialValidator#validateForIssue}.
 *
 * <p>The issued payload holds {@code iss} (the configured issuer id), {@code iat} (the clock,
 * whole seconds), {@code exp}, the credential's claims ({@code vct} first), {@code status}
 * ({@code {"status_list": {"idx": ..., "uri": ...}}}, the entry the caller allocated),
 * {@code cnf.jwk} (the holder's key) and {@code _sd_alg}; the claims at the type's
 * {@link org.staffpass.passport.credential.CredentialType#selectivelyDisclosable()} pointers are
 * selectively disclosable, every array element separately. Build with {@link #builder()};
 * immutable, thread-safe if the {@link SecureRandom} is.
 *
 * @since 0.1
 */
public final class PassportIssuer {
    private static final java.util.Set<String> ENVELOPE = java.util.Set.of("iss", "iat", "nbf", "exp", "cnf", "status",
            "sub", "_sd", "_sd_alg");
    private final String issuerId;
    private final SdJwtIssuer sdJwtIssuer;
    private final Clock clock;
    private final CredentialValidator validator;

    private PassportIssuer(Builder builder) {
        this.issuerId = builder.issuerId;
        this.sdJwtIssuer = SdJwtIssuer.builder().signingKey(builder.signingKey).random(builder.random).build();
        this.clock = builder.clock;
        this.validator = builder.validator;
    }

    /** A builder; every setter is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Signs {@code credential} for the holder of {@code holderKey}, valid until
     * {@code validUntil}, with its status at {@code status}; or, if the credential fails
     * {@link CredentialValidator#validateForIssue}, returns every violation and signs nothing.
     *
     * @throws IllegalArgumentException if {@code validUntil} is not after now (a caller bug)
     */
    public CredentialResult<IssuedCredential> issue(Credential credential, VerificationKey holderKey,
                                                    Instant validUntil, StatusReference status) {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(holderKey, "holderKey");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(status, "status");
        Instant issuedAt = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Instant expiresAt = Instant.ofEpochSecond(validUntil.getEpochSecond());
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("validUntil must be after now (" + issuedAt + "), was " + validUntil);
        }
        CredentialResult<Credential> checked = validator.validateForIssue(credential);
        if (checked instanceof CredentialResult.Invalid<Credential> invalid) {
            return invalid.cast();
        }
        ObjectNode content = CredentialClaims.toClaims(credential);
        for (String envelope : ENVELOPE) {
            if (content.has(envelope)) {
                // A credential claim named like an envelope claim would be overwritten or misread.
                throw new IllegalStateException("credential claims use the envelope name " + envelope);
            }
        }
        ObjectNode claims = StrictJson.object();
        claims.put("iss", issuerId);
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.setAll(content);
        ObjectNode statusList = claims.putObject("status").putObject("status_list");
        statusList.put("idx", status.index());
        statusList.put("uri", status.uri());
        IssuedSdJwt issued = sdJwtIssuer.issue(claims,
                ClaimPointers.paths(content, credential.credentialType().selectivelyDisclosable()), holderKey);
        return new CredentialResult.Valid<>(
                new IssuedCredential(issued.compact(), credential.credentialType(), status, issuedAt, expiresAt));
    }

    /** The {@code iss} this issuer writes. */
    public String issuerId() {
        return issuerId;
    }

    @Override
    public String toString() {
        return "PassportIssuer[" + issuerId + "]";
    }

    /**
     * Configures a {@link PassportIssuer}. Each setter may be called once; {@link #build()}
     * names what is missing. Not thread-safe.
     */
    public static final class Builder {
        private String issuerId;
        private SigningKey signingKey;
        private Clock clock;
        private SecureRandom random;
        private CredentialValidator validator;

        private Builder() {
        }

        /** The issuer's identifier on the trust list, written as {@code iss}. */
        public Builder issuerId(String issuerId) {
            Objects.requireNonNull(issuerId, "issuerId");
            if (this.issuerId != null) {
                throw new IllegalStateException("issuerId already set");
            }
            if (issuerId.isBlank()) {
                throw new IllegalArgumentException("issuerId must not be blank");
            }
            this.issuerId = issuerId;
            return this;
        }

        /** The key the issuer signs with; its {@code kid} must be the one on the trust list. */
        public Builder signingKey(SigningKey signingKey) {
            Objects.requireNonNull(signingKey, "signingKey");
            if (this.signingKey != null) {
                throw new IllegalStateException("signingKey already set");
            }
            this.signingKey = signingKey;
            return this;
        }

        /** The clock giving {@code iat}. */
        public Builder clock(Clock clock) {
            Objects.requireNonNull(clock, "clock");
            if (this.clock != null) {
                throw new IllegalStateException("clock already set");
            }
            this.clock = clock;
            return this;
        }

        /** Where disclosure salts come from. */
        public Builder random(SecureRandom random) {
            Objects.requireNonNull(random, "random");
            if (this.random != null) {
                throw new IllegalStateException("random already set");
            }
            this.random = random;
            return this;
        }

        /** The validator whose {@code validateForIssue} every credential must pass. */
        public Builder validator(CredentialValidator validator) {
            Objects.requireNonNull(validator, "validator");
            if (this.validator != null) {
                throw new IllegalStateException("validator already set");
            }
            this.validator = validator;
            return this;
        }

        /** The issuer. */
        public PassportIssuer build() {
            StringBuilder missing = new StringBuilder();
            if (issuerId == null) {
                missing.append(" issuerId");
            }
            if (signingKey == null) {
                missing.append(" signingKey");
            }
            if (clock == null) {
                missing.append(" clock");
            }
            if (random == null) {
                missing.append(" random");
            }
            if (validator == null) {
                missing.append(" validator");
            }
            if (missing.length() > 0) {
                throw new IllegalStateException("PassportIssuer builder is missing:" + missing);
            }
            return new PassportIssuer(this);
        }
    }
}
