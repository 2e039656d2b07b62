package org.staffpass.crypto.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.staffpass.crypto.VerificationKey;

/**
 * A status list token (Token Status List, Section 5.1) whose signature and claims verified.
 * Only {@link StatusListVerifier} makes one, so holding one means: signed by {@link #key()},
 * typed {@code statuslist+jwt}, not expired when it was verified, its list inflated within the
 * bound.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class StatusListToken {
    private final String uri;
    private final Instant issuedAt;
    private final Optional<Instant> expiresAt;
    private final Optional<Duration> timeToLive;
    private final Optional<String> aggregationUri;
    private final StatusList statusList;
    private final VerificationKey key;

    StatusListToken(String uri, Instant issuedAt, Optional<Instant> expiresAt, Optional<Duration> timeToLive,
                    Optional<String> aggregationUri, StatusList statusList, VerificationKey key) {
        this.uri = Objects.requireNonNull(uri);
        this.issuedAt = Objects.requireNonNull(issuedAt);
        this.expiresAt = Objects.requireNonNull(expiresAt);
        this.timeToLive = Objects.requireNonNull(timeToLive);
        this.aggregationUri = Objects.requireNonNull(aggregationUri);
        this.statusList = Objects.requireNonNull(statusList);
        this.key = Objects.requireNonNull(key);
    }

    /** The list's URI, from {@code sub}: what a referenced token's {@code status_list.uri} must equal. */
    public String uri() {
        return uri;
    }

    /** When the list was issued ({@code iat}). */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** When the issuer says the list must no longer be relied on ({@code exp}), if it says. */
    public Optional<Instant> expiresAt() {
        return expiresAt;
    }

    /** The issuer's caching hint ({@code ttl}), if given. Informational: freshness is the verifier's policy. */
    public Optional<Duration> timeToLive() {
        return timeToLive;
    }

    /** {@code status_list.aggregation_uri}, if given. */
    public Optional<String> aggregationUri() {
        return aggregationUri;
    }

    /** The inflated list. */
    public StatusList statusList() {
        return statusList;
    }

    /** The trusted key whose signature verified. */
    public VerificationKey key() {
        return key;
    }

    @Override
    public String toString() {
        return "StatusListToken[uri=" + uri + ", iat=" + issuedAt + ", exp=" + expiresAt.map(Instant::toString).orElse("(none)")
                + ", " + statusList + ", key=" + key.kid().orElse(key.thumbprint()) + "]";
    }
}
