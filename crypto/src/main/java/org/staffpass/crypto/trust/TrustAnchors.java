package org.staffpass.crypto.trust;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.staffpass.crypto.JwsVerifier;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerificationKey;

/**
 * The trust list in force for a verifier, and the one place issuer keys are resolved from.
 *
 * <p>Configured with the operator's pinned root keys, a {@link Clock} and optionally a
 * minimum sequence (the high-water mark the caller persisted, so that a restart cannot be
 * fed an older list). {@link #update} accepts a published list only if it verifies (see
 * {@link TrustList#verify}) and is newer: with a list in force its sequence must be
 * strictly greater; with none, at least the minimum sequence. Otherwise the answer is
 * {@link ReasonCode#TRUST_LIST_ROLLBACK} and the list in force stays, so an older list can
 * never replay over a newer one. Persist {@code current().get().sequence()} after each
 * accepted update and pass it back as the minimum on restart.
 *
 * <p>Logs through {@link System.Logger} (name {@code org.staffpass.crypto.trust.TrustAnchors}):
 * INFO when a list is put in force, WARNING when a list is refused as a rollback (someone
 * served an old list: the operator should know, whatever the caller does with the answer).
 * Messages carry sequences and times, never list contents.
 *
 * <p>{@link #resolve} answers from a precomputed index (hash lookups and time compares, no
 * allocation on success). Thread-safe: the list in force is swapped atomically, each
 * resolution sees one list, and concurrent updates cannot lower the sequence.
 *
 * <pre>{@code
 * TrustAnchors anchors = TrustAnchors.builder().pinnedRoots(roots).clock(clock).minimumSequence(persisted).build();
 * Verification<TrustList> loaded = anchors.update(publishedJws);
 * Verification<ResolvedKey> key = anchors.resolve(iss, kid, vct, clock.instant());
 * }</pre>
 *
 * @since 0.1
 */
public final class TrustAnchors {
    private static final System.Logger LOG = System.getLogger(TrustAnchors.class.getName());

    private final JwsVerifier verifier;
    private final Clock clock;
    private final long minimumSequence;
    private final AtomicReference<TrustList> inForce = new AtomicReference<>();

    private TrustAnchors(JwsVerifier verifier, Clock clock, long minimumSequence) {
        this.verifier = verifier;
        this.clock = clock;
        this.minimumSequence = minimumSequence;
    }

    /** A builder; {@link Builder#pinnedRoots} and {@link Builder#clock} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Anchors holding {@code jws} as the list in force, or the reason it was refused.
     *
     * @throws IllegalArgumentException if {@code pinnedRoots} is empty, or holds several keys
     *                                  not all with distinct {@code kid}s
     */
    public static Verification<TrustAnchors> load(String jws, Collection<VerificationKey> pinnedRoots, Clock clock) {
        Objects.requireNonNull(jws, "jws");
        TrustAnchors anchors = builder().pinnedRoots(pinnedRoots).clock(clock).build();
        return anchors.update(jws).map(list -> anchors);
    }

    /**
     * Verifies {@code jws} and, if it is newer than the list in force (or, with none, not
     * below the minimum sequence), puts it in force. Returns the list, or a refusal: any of
     * {@link TrustList#verify}'s, or {@code TRUST_LIST_ROLLBACK}. Never throws for bad input.
     */
    public Verification<TrustList> update(String jws) {
        Objects.requireNonNull(jws, "jws");
        Verification<TrustList> verified = TrustList.verify(jws, verifier, clock);
        if (verified instanceof Verification.Rejected<TrustList>) {
            return verified;
        }
        TrustList candidate = verified.value();
        while (true) {
            TrustList current = inForce.get();
            if (current == null && candidate.sequence() < minimumSequence) {
                return rollback("trust list sequence " + candidate.sequence() + " is below the minimum sequence "
                        + minimumSequence);
            }
            if (current != null && candidate.sequence() <= current.sequence()) {
                return rollback("trust list sequence " + candidate.sequence() + " is not newer than sequence "
                        + current.sequence() + " in force");
            }
            if (inForce.compareAndSet(current, candidate)) {
                LOG.log(Level.INFO, () -> "trust list sequence " + candidate.sequence() + " in force, expires "
                        + candidate.expiresAt());
                return verified;
            }
        }
    }

    private static Verification<TrustList> rollback(String message) {
        LOG.log(Level.WARNING, () -> ReasonCode.TRUST_LIST_ROLLBACK + ": " + message + "; the list in force stays");
        return Verification.rejected(ReasonCode.TRUST_LIST_ROLLBACK, message);
    }

    /** The list in force, if one has been accepted (it may since have expired). */
    public Optional<TrustList> current() {
        return Optional.ofNullable(inForce.get());
    }

    /**
     * The key {@code kid} of issuer {@code issuer}, if at {@code at} that issuer may sign
     * credentials of type {@code vct}. Checks, in this fixed order, each with its code:
     * <ol>
     *   <li>a list is in force and {@code at} is before its {@code exp}: else {@code TRUST_LIST_EXPIRED};</li>
     *   <li>the issuer is listed: else {@code UNKNOWN_ISSUER};</li>
     *   <li>its status is not revoked: else {@code ISSUER_REVOKED};</li>
     *   <li>its status is not suspended: else {@code ISSUER_SUSPENDED};</li>
     *   <li>{@code at} is not before {@code validFrom}: else {@code ISSUER_NOT_YET_VALID};</li>
     *   <li>{@code at} is before {@code validUntil}, if any: else {@code ISSUER_NO_LONGER_VALID};</li>
     *   <li>the issuer lists a key with {@code kid}: else {@code UNKNOWN_KEY};</li>
     *   <li>{@code vct} is among its credential types (exact match): else
     *       {@code ISSUER_NOT_AUTHORISED_FOR_TYPE}.</li>
     * </ol>
     * Issuer-wide facts come before per-key and per-type ones, so a revoked issuer is reported
     * as revoked whatever key or type a token names. Messages never echo the arguments, which
     * come from an unverified token.
     */
    public Verification<ResolvedKey> resolve(String issuer, String kid, String vct, Instant at) {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(vct, "vct");
        Objects.requireNonNull(at, "at");
        TrustList list = inForce.get();
        if (list == null) {
            return Verification.rejected(ReasonCode.TRUST_LIST_EXPIRED, "no trust list is in force");
        }
        return list.resolve(issuer, kid, vct, at);
    }

    @Override
    public String toString() {
        TrustList list = inForce.get();
        return "TrustAnchors[" + (list == null ? "no list in force" : "sequence " + list.sequence() + " in force") + "]";
    }

    /**
     * Configures {@link TrustAnchors}. Each setter may be called once; {@link #build()} names
     * what is missing. Not thread-safe.
     */
    public static final class Builder {
        private List<VerificationKey> pinnedRoots;
        private Clock clock;
        private Long minimumSequence;

        private Builder() {
        }

        /**
         * The operator keys a list must be signed with. Several (a rotation) must each carry a
         * distinct {@code kid}, which the list's header chooses between.
         */
        public Builder pinnedRoots(Collection<VerificationKey> pinnedRoots) {
            Objects.requireNonNull(pinnedRoots, "pinnedRoots");
            if (this.pinnedRoots != null) {
                throw new IllegalStateException("pinnedRoots already set");
            }
            List<VerificationKey> copy = List.copyOf(pinnedRoots);
            // Fails now, not at the first update, if the keys cannot be told apart.
            TrustList.verifierFor(copy);
            this.pinnedRoots = copy;
            return this;
        }

        /** The clock that decides whether a list has expired or was issued in the future. */
        public Builder clock(Clock clock) {
            Objects.requireNonNull(clock, "clock");
            if (this.clock != null) {
                throw new IllegalStateException("clock already set");
            }
            this.clock = clock;
            return this;
        }

        /**
         * The smallest sequence the first accepted list may have: the sequence of the newest
         * list this verifier accepted before (persisted across restarts). Default 1.
         */
        public Builder minimumSequence(long minimumSequence) {
            if (this.minimumSequence != null) {
                throw new IllegalStateException("minimumSequence already set");
            }
            TrustListRules.require(TrustListRules.sequenceProblem(minimumSequence), "minimumSequence");
            this.minimumSequence = minimumSequence;
            return this;
        }

        /** The anchors, with no list in force yet. */
        public TrustAnchors build() {
            if (pinnedRoots == null) {
                throw new IllegalStateException("TrustAnchors needs pinnedRoots(...)");
            }
            if (clock == null) {
                throw new IllegalStateException("TrustAnchors needs clock(...)");
            }
            return new TrustAnchors(TrustList.verifierFor(pinnedRoots), clock,
                    minimumSequence == null ? 1 : minimumSequence);
        }
    }
}
