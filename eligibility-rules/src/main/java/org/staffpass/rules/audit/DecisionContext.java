package org.staffpass.rules.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.rules.Policy;
import org.staffpass.rules.Shift;
import org.staffpass.rules.WorkHistory;
import org.staffpass.rules.audit.DecisionRecord.Approval;
import org.staffpass.rules.audit.DecisionRecord.PolicyReference;

/**
 * What a decision record needs beyond the {@link org.staffpass.rules.Decision} itself: the
 * shift, the policy, digests of the presented credentials, the holder key thumbprint, the
 * decision instant, approvals, and optionally digests of the presentation and work history.
 * Immutable; build with {@link #builder()}, whose setters check their argument and refuse a
 * second call and whose {@code build()} names what is missing.
 *
 * @param shift               the shift decided
 * @param policy              the policy that decided
 * @param credentialDigests   {@link #credentialDigest} of each presented credential, in order
 * @param holderKeyThumbprint RFC 7638 thumbprint of the holder's key
 * @param decidedAt           the instant the decision was made at
 * @param approvals           approvals recorded for the decision, possibly none
 * @param presentationDigest  {@link #digest} of the whole presentation (binds audience and nonce), if recorded
 * @param historyDigest       {@link #historyDigest(WorkHistory)} of the work history used, if recorded
 * @since 0.1
 */
public record DecisionContext(Shift shift, PolicyReference policy, List<String> credentialDigests,
        String holderKeyThumbprint, Instant decidedAt, List<Approval> approvals, Optional<String> presentationDigest,
        Optional<String> historyDigest) {

    public DecisionContext {
        Objects.requireNonNull(shift, "shift");
        Objects.requireNonNull(policy, "policy");
        credentialDigests = List.copyOf(credentialDigests);
        Objects.requireNonNull(holderKeyThumbprint, "holderKeyThumbprint");
        Objects.requireNonNull(decidedAt, "decidedAt");
        approvals = List.copyOf(approvals);
        Objects.requireNonNull(presentationDigest, "presentationDigest");
        Objects.requireNonNull(historyDigest, "historyDigest");
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Base64url (unpadded) SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String digest(String text) {
        Objects.requireNonNull(text, "text");
        return digest(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Base64url (unpadded) SHA-256 of {@code bytes}. */
    public static String digest(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        try {
            return Base64Url.encode(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /**
     * The digest that identifies a credential: SHA-256 of its issuer-signed JWT (an SD-JWT up
     * to its first {@code ~}), so the same credential has the same digest whichever claims a
     * presentation disclosed, and no claim content is recorded.
     */
    public static String credentialDigest(String sdJwt) {
        Objects.requireNonNull(sdJwt, "sdJwt");
        int tilde = sdJwt.indexOf('~');
        return digest(tilde < 0 ? sdJwt : sdJwt.substring(0, tilde));
    }

    /**
     * The digest that identifies a work history: SHA-256 of its canonical JSON, the form a
     * history file takes ({@code policy evaluate --history}) written canonically:
     * {@code {"shifts":[{"end":..,"organisation":..,"start":..},...]}} with members sorted, no
     * insignificant whitespace, instants as {@link Instant#toString} writes them, and the
     * entries sorted by start, then end, then organisation (UTF-16 order), because the order of
     * a history does not change a decision. So an empty history has one digest, and the same
     * shifts listed in another order have the same one.
     */
    public static String historyDigest(WorkHistory history) {
        Objects.requireNonNull(history, "history");
        List<WorkHistory.Entry> entries = new ArrayList<>(history.entries());
        entries.sort(Comparator.comparing(WorkHistory.Entry::start).thenComparing(WorkHistory.Entry::end)
                .thenComparing(WorkHistory.Entry::organisation));
        ObjectNode root = StrictJson.object();
        ArrayNode shifts = root.putArray("shifts");
        for (WorkHistory.Entry entry : entries) {
            // members added in sorted order: StrictJson writes them as added
            shifts.addObject().put("end", entry.end().toString()).put("organisation", entry.organisation())
                    .put("start", entry.start().toString());
        }
        return digest(StrictJson.write(root));
    }

    /** Builds a {@link DecisionContext}. Not thread-safe. */
    public static final class Builder {
        private Shift shift;
        private PolicyReference policy;
        private List<String> credentialDigests;
        private String holderKeyThumbprint;
        private Instant decidedAt;
        private List<Approval> approvals;
        private Optional<String> presentationDigest = Optional.empty();
        private Optional<String> historyDigest = Optional.empty();

        private Builder() {
        }

        /** The shift decided (required). */
        public Builder shift(Shift shift) {
            once(this.shift, "shift");
            this.shift = Objects.requireNonNull(shift, "shift");
            return this;
        }

        /** The policy that decided (required; this or {@link #policy(PolicyReference)}). */
        public Builder policy(Policy policy) {
            Objects.requireNonNull(policy, "policy");
            return policy(new PolicyReference(policy.id(), policy.version(), policy.digest()));
        }

        /** The policy that decided, by reference (required). */
        public Builder policy(PolicyReference policy) {
            once(this.policy, "policy");
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Digests of the presented credentials, in presentation order (required, may be empty). */
        public Builder credentialDigests(List<String> digests) {
            once(this.credentialDigests, "credentialDigests");
            this.credentialDigests = new ArrayList<>(digests);
            this.credentialDigests.forEach(d -> Objects.requireNonNull(d, "credential digest"));
            return this;
        }

        /** RFC 7638 thumbprint of the holder's key (required). */
        public Builder holderKeyThumbprint(String thumbprint) {
            once(this.holderKeyThumbprint, "holderKeyThumbprint");
            this.holderKeyThumbprint = Objects.requireNonNull(thumbprint, "thumbprint");
            return this;
        }

        /** The decision instant (required). */
        public Builder decidedAt(Instant decidedAt) {
            once(this.decidedAt, "decidedAt");
            this.decidedAt = Objects.requireNonNull(decidedAt, "decidedAt");
            return this;
        }

        /** Approvals recorded (optional; none by default). */
        public Builder approvals(List<Approval> approvals) {
            once(this.approvals, "approvals");
            this.approvals = new ArrayList<>(approvals);
            this.approvals.forEach(a -> Objects.requireNonNull(a, "approval"));
            return this;
        }

        /** Digest of the presentation (optional): {@link DecisionContext#digest(String)} of the document as verified. */
        public Builder presentationDigest(String digest) {
            once(this.presentationDigest.orElse(null), "presentationDigest");
            this.presentationDigest = Optional.of(Objects.requireNonNull(digest, "digest"));
            return this;
        }

        /** Digest of the work history (optional): {@link DecisionContext#historyDigest(WorkHistory)}. */
        public Builder historyDigest(String digest) {
            once(this.historyDigest.orElse(null), "historyDigest");
            this.historyDigest = Optional.of(Objects.requireNonNull(digest, "digest"));
            return this;
        }

        /** The context; names the first required value missing. */
        public DecisionContext build() {
            for (Object[] required : new Object[][] {{shift, "shift"}, {policy, "policy"},
                    {credentialDigests, "credentialDigests"}, {holderKeyThumbprint, "holderKeyThumbprint"},
                    {decidedAt, "decidedAt"}}) {
                if (required[0] == null) {
                    throw new IllegalStateException("DecisionContext needs " + required[1] + "(...)");
                }
            }
            return new DecisionContext(shift, policy, credentialDigests, holderKeyThumbprint, decidedAt,
                    approvals == null ? List.of() : approvals, presentationDigest, historyDigest);
        }

        private static void once(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " already set");
            }
        }
    }
}
