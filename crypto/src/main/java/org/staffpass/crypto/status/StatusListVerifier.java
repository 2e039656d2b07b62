package org.staffpass.crypto.status;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.staffpass.crypto.JwsVerifier;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.VerifiedJws;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.crypto.internal.status.StatusListClaims;

/**
 * Verifies status list tokens (JWT, header {@code typ: statuslist+jwt}) from untrusted sources,
 * failing closed with a {@link ReasonCode}, never an exception.
 *
 * <p>In order: the JWS with the trusted keys ({@link JwsVerifier}: size, structure, algorithm,
 * header, {@code kid}, {@code typ}, signature); the claims ({@code sub} an absolute URI,
 * {@code iat} required, {@code exp}/{@code nbf}/{@code iat} against the clock with the skew,
 * {@code ttl} a positive integer, {@code status_list} with only {@code bits} in {1, 2, 4, 8},
 * canonical base64url {@code lst} and optional {@code aggregation_uri}); last, {@code lst} is
 * inflated, never past {@link Builder#maxListBytes} bytes. Nothing is inflated before the
 * signature verified.
 *
 * <p>Build with {@link #builder()}; immutable and thread-safe.
 *
 * @since 0.1
 */
public final class StatusListVerifier {
    /** The header {@code typ} every status list token carries. */
    public static final String TYPE = "statuslist+jwt";
    /** Default bound on the inflated list: 4 MiB, 32 Mi one-bit entries. */
    public static final int DEFAULT_MAX_LIST_BYTES = 4 << 20;
    /**
     * Default bound on the compact token, in characters: 8 MiB, enough for a list at the default
     * bound even if it does not compress at all.
     */
    public static final int DEFAULT_MAX_TOKEN_LENGTH = 8 << 20;
    /** Default clock skew allowed on {@code exp}, {@code nbf} and {@code iat}. */
    public static final Duration DEFAULT_MAX_SKEW = Duration.ofSeconds(60);
    /** Largest skew a verifier may be configured with. */
    public static final Duration SKEW_CEILING = Duration.ofMinutes(10);

    private final JwsVerifier jws;
    private final Clock clock;
    private final Duration maxSkew;
    private final int maxListBytes;

    private StatusListVerifier(Builder builder) {
        this.jws = JwsVerifier.builder().keys(builder.keys).expectedType(TYPE).maxLength(builder.maxTokenLength).build();
        this.clock = builder.clock;
        this.maxSkew = builder.maxSkew;
        this.maxListBytes = builder.maxListBytes;
    }

    /** A builder; keys and clock are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Verifies one compact status list token at the clock's current instant. */
    public Verification<StatusListToken> verify(String compact) {
        Objects.requireNonNull(compact, "compact");
        Verification<VerifiedJws> verified = jws.verify(compact);
        if (verified instanceof Verification.Rejected<VerifiedJws> r) {
            return r.cast();
        }
        VerifiedJws token = verified.value();
        return StrictJson.parseObject(token.payload(), "status list token claims")
                .then(claims -> StatusListClaims.check(claims, clock.instant(), maxSkew, maxListBytes))
                .map(claims -> new StatusListToken(claims.subject(), claims.issuedAt(), claims.expiresAt(),
                        claims.timeToLive(), claims.aggregationUri(), new StatusList(claims.bits(), claims.bytes()),
                        token.key()));
    }

    /** The configured bound on the inflated list, in bytes. */
    public int maxListBytes() {
        return maxListBytes;
    }

    /**
     * Configures a {@link StatusListVerifier}. Each setter may be called once; {@link #build()}
     * names what is missing.
     */
    public static final class Builder {
        private List<VerificationKey> keys;
        private Clock clock;
        private Duration maxSkew = DEFAULT_MAX_SKEW;
        private boolean maxSkewSet;
        private int maxListBytes = DEFAULT_MAX_LIST_BYTES;
        private boolean maxListBytesSet;
        private int maxTokenLength = DEFAULT_MAX_TOKEN_LENGTH;
        private boolean maxTokenLengthSet;

        private Builder() {
        }

        /** The one key status lists must be signed with. */
        public Builder key(VerificationKey key) {
            return keys(List.of(Objects.requireNonNull(key, "key")));
        }

        /**
         * The trusted status-list signing keys; the header {@code kid} chooses one (with more than
         * one key each needs a distinct {@code kid}).
         */
        public Builder keys(Collection<VerificationKey> keys) {
            if (this.keys != null) {
                throw new IllegalStateException("keys already set");
            }
            List<VerificationKey> copy = List.copyOf(keys);
            if (copy.isEmpty()) {
                throw new IllegalArgumentException("at least one trusted key is required");
            }
            this.keys = copy;
            return this;
        }

        /** The clock that {@code exp}, {@code nbf} and {@code iat} are checked against. */
        public Builder clock(Clock clock) {
            if (this.clock != null) {
                throw new IllegalStateException("clock already set");
            }
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Skew allowed on time claims: 0 to {@link #SKEW_CEILING}; default {@link #DEFAULT_MAX_SKEW}. */
        public Builder maxSkew(Duration skew) {
            if (maxSkewSet) {
                throw new IllegalStateException("maxSkew already set");
            }
            Objects.requireNonNull(skew, "skew");
            if (skew.isNegative() || skew.compareTo(SKEW_CEILING) > 0) {
                throw new IllegalArgumentException("maxSkew must be between 0 and " + SKEW_CEILING + ", was " + skew);
            }
            this.maxSkew = skew;
            this.maxSkewSet = true;
            return this;
        }

        /**
         * Largest inflated list accepted, in bytes (entries = bytes * 8 / bits): 1 to
         * {@link StatusList#MAX_BYTES}; default {@link #DEFAULT_MAX_LIST_BYTES}. A list that inflates
         * further is {@link ReasonCode#STATUS_LIST_INFLATE_BOUND}.
         */
        public Builder maxListBytes(int maxListBytes) {
            if (maxListBytesSet) {
                throw new IllegalStateException("maxListBytes already set");
            }
            if (maxListBytes < 1 || maxListBytes > StatusList.MAX_BYTES) {
                throw new IllegalArgumentException("maxListBytes must be between 1 and " + StatusList.MAX_BYTES
                        + ", was " + maxListBytes);
            }
            this.maxListBytes = maxListBytes;
            this.maxListBytesSet = true;
            return this;
        }

        /**
         * Longest compact token accepted, in characters; default {@link #DEFAULT_MAX_TOKEN_LENGTH}.
         * Longer is {@link ReasonCode#TOO_LARGE}, before anything is decoded.
         */
        public Builder maxTokenLength(int maxTokenLength) {
            if (maxTokenLengthSet) {
                throw new IllegalStateException("maxTokenLength already set");
            }
            if (maxTokenLength < 16) {
                throw new IllegalArgumentException("maxTokenLength must be at least 16, was " + maxTokenLength);
            }
            this.maxTokenLength = maxTokenLength;
            this.maxTokenLengthSet = true;
            return this;
        }

        /** The verifier. */
        public StatusListVerifier build() {
            if (keys == null) {
                throw new IllegalStateException("a StatusListVerifier needs key(...) or keys(...)");
            }
            if (clock == null) {
                throw new IllegalStateException("a StatusListVerifier needs clock(...)");
            }
            return new StatusListVerifier(this);
        }
    }
}
