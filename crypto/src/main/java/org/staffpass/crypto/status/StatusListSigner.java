package org.staffpass.crypto.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.staffpass.crypto.JwsSigner;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.crypto.internal.status.StatusListClaims;
import org.staffpass.crypto.internal.status.ZlibCodec;

/**
 * Signs status lists as status list tokens (Token Status List, Section 5.1): a JWS with header
 * {@code typ: statuslist+jwt}, {@code alg} and {@code kid} of the key, and claims {@code sub}
 * (the list's URI), {@code iat} (the clock, whole seconds), {@code exp} ({@code iat} plus
 * {@link Builder#validFor}, if configured), {@code ttl} (if configured) and
 * {@code status_list: {bits, lst}}, {@code lst} being the list deflated in the ZLIB format at
 * the best compression level, base64url without padding.
 *
 * <p>The same key, configuration, list, URI and clock instant give the same token, byte for
 * byte. Build with {@link #builder()}; immutable and thread-safe.
 *
 * @since 0.1
 */
public final class StatusListSigner {
    private final JwsSigner signer;
    private final Clock clock;
    private final Optional<Duration> validFor;
    private final Optional<Duration> timeToLive;

    private StatusListSigner(Builder builder) {
        this.signer = JwsSigner.of(builder.key);
        this.clock = builder.clock;
        this.validFor = builder.validFor;
        this.timeToLive = builder.timeToLive;
    }

    /** A builder; key and clock are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Signs {@code list} as the status list at {@code uri}, issued now.
     *
     * @throws IllegalArgumentException if {@code uri} is not an absolute URI of at most 2048
     *     characters without white space
     */
    public String sign(String uri, StatusList list) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(list, "list");
        if (!StatusListClaims.isAbsoluteUri(uri)) {
            throw new IllegalArgumentException("the status list URI must be an absolute URI of at most "
                    + StatusListClaims.MAX_URI_LENGTH + " characters without white space");
        }
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode claims = StrictJson.object();
        claims.put("sub", uri);
        claims.put("iat", issuedAt.getEpochSecond());
        validFor.ifPresent(d -> claims.put("exp", issuedAt.plus(d).getEpochSecond()));
        timeToLive.ifPresent(d -> claims.put("ttl", d.getSeconds()));
        ObjectNode statusList = claims.putObject("status_list");
        statusList.put("bits", list.bits());
        statusList.put("lst", Base64Url.encode(ZlibCodec.deflate(list.bytes())));
        return signer.sign(StatusListVerifier.TYPE, StrictJson.write(claims).getBytes(StandardCharsets.UTF_8));
    }

    /** The key's {@code kid}, written into every header. */
    public String kid() {
        return signer.key().kid();
    }

    /**
     * Configures a {@link StatusListSigner}. Each setter may be called once; {@link #build()}
     * names what is missing.
     */
    public static final class Builder {
        /** A century: longer is a mistake, and would push {@code exp} past what verifiers read as a date. */
        private static final Duration LONGEST = Duration.ofDays(36_525);

        private SigningKey key;
        private Clock clock;
        private Optional<Duration> validFor = Optional.empty();
        private Optional<Duration> timeToLive = Optional.empty();

        private Builder() {
        }

        /** The status issuer's key. */
        public Builder key(SigningKey key) {
            if (this.key != null) {
                throw new IllegalStateException("key already set");
            }
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /** The clock that gives {@code iat}. */
        public Builder clock(Clock clock) {
            if (this.clock != null) {
                throw new IllegalStateException("clock already set");
            }
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Writes {@code exp = iat + validFor}: whole seconds, from one second to a century. */
        public Builder validFor(Duration validFor) {
            if (this.validFor.isPresent()) {
                throw new IllegalStateException("validFor already set");
            }
            this.validFor = Optional.of(wholePositiveSeconds(validFor, "validFor"));
            return this;
        }

        /** Writes {@code ttl}: whole seconds, from one second to a century. */
        public Builder timeToLive(Duration timeToLive) {
            if (this.timeToLive.isPresent()) {
                throw new IllegalStateException("timeToLive already set");
            }
            this.timeToLive = Optional.of(wholePositiveSeconds(timeToLive, "timeToLive"));
            return this;
        }

        private static Duration wholePositiveSeconds(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.getNano() != 0 || duration.getSeconds() < 1 || duration.compareTo(LONGEST) > 0) {
                throw new IllegalArgumentException(name + " must be a whole number of seconds from 1 to " + LONGEST
                        + ", was " + duration);
            }
            return duration;
        }

        /** The signer. */
        public StatusListSigner build() {
            if (key == null) {
                throw new IllegalStateException("a StatusListSigner needs key(...)");
            }
            if (clock == null) {
                throw new IllegalStateException("a StatusListSigner needs clock(...)");
            }
            return new StatusListSigner(this);
        }
    }
}
