package org.staffpass.rules.audit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.sdjwt.SdJwtVerifier;
import org.staffpass.crypto.status.StatusListStore;
import org.staffpass.crypto.trust.TrustAnchors;
import org.staffpass.crypto.trust.TrustList;
import org.staffpass.passport.PassportVerification;
import org.staffpass.passport.PassportVerifier;
import org.staffpass.passport.VerifiedCredential;
import org.staffpass.passport.VerifiedPassport;
import org.staffpass.passport.credential.Credential;
import org.staffpass.passport.credential.CredentialValidator;
import org.staffpass.passport.vocab.Vocabularies;
import org.staffpass.rules.BreakGlass;
import org.staffpass.rules.Decision;
import org.staffpass.rules.PassportFacts;
import org.staffpass.rules.Policy;
import org.staffpass.rules.WorkHistory;
import org.staffpass.rules.audit.DecisionRecord.Approval;
import org.staffpass.rules.audit.DecisionRecord.RecordedFinding;
import org.staffpass.rules.audit.ReplayResult.Difference;

/**
 * Replays a recorded decision (docs/audit.md, "Replay"): given the record, the presentation
 * it was made on, the policy, the work history and the trust material as of the decision,
 * re-verifies the presentation and re-evaluates the policy at the recorded instant, and
 * states whether the same decision results.
 *
 * <p>In this order, the first problem ending the replay ({@link ReplayProblem}): the record
 * names a presentation digest and the presentation has it; the policy has the record's policy
 * digest; the history has the record's history digest (when the record carries one;
 * otherwise the history is used unchecked, and a note says so); the presentation's
 * credentials have the record's credential digests, in order; the trust list in force on the
 * anchors was issued no later than {@code decidedAt}. Then the presentation is
 * verified by a {@link PassportVerifier} whose clock is fixed at {@code decidedAt}, for the
 * audience and nonce its key-binding JWTs name (the digest already bound those bytes), against
 * the trust anchors and a status-list store built for this replay at {@code decidedAt}; the
 * verified holder key must be the record's. Then the policy evaluates the verified passport's
 * facts, the recorded shift and the history at {@code decidedAt}, with the break glass
 * rebuilt from the record's approvals if the decision relied on one, and the new decision,
 * mapped as a record is, is compared member by member with the record.
 *
 * <p><b>Status lists as of the decision.</b> The store is built with its clock at
 * {@code decidedAt} and no skew, so a list issued after the decision is refused when loaded
 * and can never decide a replay; of the lists issued before, the latest per URI is used, and
 * it must still be fresh ({@link Builder#statusListMaxAge}) at {@code decidedAt}. Lists not
 * used are named in the notes.
 *
 * <p>Immutable and thread-safe (each replay builds its own store and verifier). Never throws
 * for bad input.
 *
 * <pre>{@code
 * DecisionReplay replay = DecisionReplay.builder().trustAnchors(anchorsAsOfTheDecision)
 *         .statusListKeys(statusKeys).statusLists(tokensBySource).statusListMaxAge(Duration.ofHours(24))
 *         .vocabularies(Vocabularies.standard()).policy(policy).build();
 * ReplayResult result = replay.replay(verifiedRecord, presentation, history);
 * }</pre>
 *
 * @since 0.1
 */
public final class DecisionReplay {
    private final TrustAnchors anchors;
    private final List<VerificationKey> statusKeys;
    private final Map<String, String> statusLists;
    private final Duration statusMaxAge;
    private final Vocabularies vocabularies;
    private final Policy policy;
    private final Optional<Duration> keyBindingWindow;

    private DecisionReplay(Builder builder) {
        this.anchors = builder.anchors;
        this.statusKeys = builder.statusKeys;
        this.statusLists = builder.statusLists;
        this.statusMaxAge = builder.statusMaxAge;
        this.vocabularies = builder.vocabularies;
        this.policy = builder.policy;
        this.keyBindingWindow = Optional.ofNullable(builder.keyBindingWindow);
    }

    /** A builder; trust anchors, status list keys and lists, maximum age, vocabularies and policy are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The policy this replay evaluates. */
    public Policy policy() {
        return policy;
    }

    /** Replays a record the {@link DecisionRecordVerifier} accepted. */
    public ReplayResult replay(RecordResult.Valid verified, String presentation, WorkHistory history) {
        Objects.requireNonNull(verified, "verified");
        return replay(verified.record(), presentation, history);
    }

    /**
     * Replays {@code record}, which the caller has verified (or otherwise trusts), on
     * {@code presentation} (the document exactly as the verifier was given it) and
     * {@code history}. Never throws for bad input.
     */
    public ReplayResult replay(DecisionRecord record, String presentation, WorkHistory history) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(presentation, "presentation");
        Objects.requireNonNull(history, "history");
        List<String> notes = new ArrayList<>();
        if (record.presentationDigest().isEmpty()) {
            return refused(record, ReplayProblem.PRESENTATION_NOT_RECORDED, "the record carries no presentationDigest, "
                    + "so no presentation can be tied to it", notes);
        }
        String presentationDigest = DecisionContext.digest(presentation);
        if (!presentationDigest.equals(record.presentationDigest().get())) {
            return refused(record, ReplayProblem.PRESENTATION_MISMATCH, "presentation digest " + presentationDigest
                    + " is not the record's presentationDigest " + record.presentationDigest().get(), notes);
        }
        if (!policy.digest().equals(record.policy().digest())) {
            return refused(record, ReplayProblem.POLICY_MISMATCH, "policy " + printable(policy.id()) + " version "
                    + printable(policy.version()) + " has digest " + policy.digest() + "; the record's policy "
                    + printable(record.policy().id()) + " version " + printable(record.policy().version())
                    + " has policy.digest " + record.policy().digest(), notes);
        }
        String historyDigest = DecisionContext.historyDigest(history);
        if (record.historyDigest().isPresent() && !historyDigest.equals(record.historyDigest().get())) {
            return refused(record, ReplayProblem.HISTORY_MISMATCH, "work history digest " + historyDigest
                    + " is not the record's historyDigest " + record.historyDigest().get(), notes);
        }
        if (record.historyDigest().isEmpty()) {
            notes.add("the record carries no historyDigest: the work history given (" + history.entries().size()
                    + " shifts) was used unchecked");
        }
        UnverifiedPresentation unverified;
        try {
            unverified = UnverifiedPresentation.read(presentation);
        } catch (UnverifiedPresentation.Unreadable e) {
            return refused(record, ReplayProblem.PRESENTATION_UNREADABLE, e.getMessage(), notes);
        }
        List<String> presented = unverified.credentials().stream().map(DecisionContext::credentialDigest).toList();
        if (!presented.equals(record.credentialDigests())) {
            return refused(record, ReplayProblem.CREDENTIALS_MISMATCH, credentialsMessage(presented, record), notes);
        }

        Optional<TrustList> trustList = anchors.current();
        if (trustList.isPresent() && trustList.get().issuedAt().isAfter(record.decidedAt())) {
            return refused(record, ReplayProblem.TRUST_LIST_AFTER_DECISION, "the trust list in force (sequence "
                    + trustList.get().sequence() + ") was issued at " + trustList.get().issuedAt() + ", after the decision at "
                    + record.decidedAt() + "; give the list that was in force then", notes);
        }
        Clock atDecision = Clock.fixed(record.decidedAt(), ZoneOffset.UTC);
        PassportVerifier.Builder verifierBuilder = PassportVerifier.builder().trustAnchors(anchors)
                .statusLists(statusStore(atDecision, notes)).audience(unverified.audience()).clock(atDecision)
                .validator(CredentialValidator.create(vocabularies, atDecision));
        keyBindingWindow.ifPresent(verifierBuilder::keyBindingWindow);
        PassportVerification verification = verifierBuilder.build().verify(presentation, unverified.nonce());
        if (verification instanceof PassportVerification.Rejected rejected) {
            return new ReplayResult.NotReplayable(record, ReplayProblem.VERIFICATION_REFUSED,
                    "verification at " + record.decidedAt() + " refuses the presentation: " + rejected.failures().size()
                    + " reason(s), first " + rejected.failures().get(0), rejected.failures(), notes);
        }
        VerifiedPassport passport = (VerifiedPassport) verification;
        if (!passport.holderKeyThumbprint().equals(record.holderKeyThumbprint())) {
            return refused(record, ReplayProblem.HOLDER_MISMATCH, "verified holder key thumbprint "
                    + passport.holderKeyThumbprint() + " is not the record's holderKeyThumbprint "
                    + record.holderKeyThumbprint(), notes);
        }
        List<String> verifiedDigests = new ArrayList<>();
        for (VerifiedCredential<? extends Credential> credential : passport.credentials()) {
            verifiedDigests.add(credential.credentialDigest());
        }
        if (!verifiedDigests.equals(record.credentialDigests())) {
            return refused(record, ReplayProblem.CREDENTIALS_MISMATCH, credentialsMessage(verifiedDigests, record), notes);
        }

        List<Approval> glass = record.approvals().stream().filter(a -> a.reason().isPresent()).toList();
        if (glass.size() > 1) {
            return refused(record, ReplayProblem.BREAK_GLASS_UNREADABLE, "the record's approvals carry " + glass.size()
                    + " break-glass reasons; a decision relies on at most one break glass", notes);
        }
        Decision replayed;
        if (glass.isEmpty()) {
            replayed = policy.evaluate(PassportFacts.of(passport), record.shift(), history, record.decidedAt());
        } else {
            Approval approval = glass.get(0);
            BreakGlass breakGlass;
            try {
                breakGlass = new BreakGlass(approval.role(), approval.approver(), approval.reason().get(),
                        approval.approvedAt());
            } catch (IllegalArgumentException e) {
                return refused(record, ReplayProblem.BREAK_GLASS_UNREADABLE, "the record's break-glass approval "
                        + "cannot be given to the evaluator: " + e.getMessage(), notes);
            }
            replayed = policy.evaluate(PassportFacts.of(passport), record.shift(), history, record.decidedAt(), breakGlass);
        }
        List<Difference> differences = differences(record, replayed);
        return differences.isEmpty() ? new ReplayResult.Same(record, replayed, notes)
                : new ReplayResult.Different(record, replayed, differences, notes);
    }

    private StatusListStore statusStore(Clock atDecision, List<String> notes) {
        StatusListStore store = StatusListStore.builder().trustedKeys(statusKeys).clock(atDecision).maxAge(statusMaxAge)
                .maxSkew(Duration.ZERO).build();
        statusLists.forEach((source, compact) -> {
            StatusListStore.LoadResult loaded = store.load(source, compact);
            if (loaded instanceof StatusListStore.LoadResult.Rejected r) {
                notes.add("status list " + printable(source) + " not used: " + r.reason() + ": " + r.message()
                        + (r.reason() == ReasonCode.NOT_YET_VALID ? " (issued after the decision)" : ""));
            } else if (loaded instanceof StatusListStore.LoadResult.NotNewer n) {
                notes.add("status list " + printable(source) + " not used: the list for the same URI issued at "
                        + n.heldIssuedAt() + " is later");
            } else if (loaded instanceof StatusListStore.LoadResult.Stored s && s.replacedIssuedAt().isPresent()) {
                notes.add("status list issued at " + s.replacedIssuedAt().get() + " not used: " + printable(source)
                        + " for the same URI is later");
            }
        });
        return store;
    }

    private static String credentialsMessage(List<String> presented, DecisionRecord record) {
        if (presented.size() != record.credentialDigests().size()) {
            return "the presentation holds " + presented.size() + " credentials; the record's credentials list "
                    + record.credentialDigests().size();
        }
        for (int i = 0; i < presented.size(); i++) {
            if (!presented.get(i).equals(record.credentialDigests().get(i))) {
                return "credential " + i + " has digest " + presented.get(i) + "; the record's credentials/" + i + " is "
                        + record.credentialDigests().get(i);
            }
        }
        return "the credential digests differ from the record's credentials";
    }

    /** The recorded members the replayed decision gives otherwise, mapped as the record was. */
    private static List<Difference> differences(DecisionRecord record, Decision replayed) {
        // Outside approvals (no reason) go back in as context; the mapper adds the replay's break glass.
        DecisionContext context = DecisionContext.builder().shift(record.shift()).policy(record.policy())
                .credentialDigests(record.credentialDigests()).holderKeyThumbprint(record.holderKeyThumbprint())
                .decidedAt(record.decidedAt())
                .approvals(record.approvals().stream().filter(a -> a.reason().isEmpty()).toList()).build();
        DecisionRecord again = DecisionMapper.toRecord(record.issuer(), replayed, context, record.seq(), record.prev());
        List<Difference> out = new ArrayList<>();
        compare(out, "outcome", record.outcome().name(), again.outcome().name());
        String failedBefore = failed(record.findings());
        String failedAfter = failed(again.findings());
        compare(out, "failedFindings", failedBefore, failedAfter);
        if (failedBefore.equals(failedAfter) && !record.findings().equals(again.findings())) {
            out.add(findingsDifference(record.findings(), again.findings()));
        }
        compare(out, "hourlyPay", money(record.hourlyPay()), money(again.hourlyPay()));
        compare(out, "totalPay", money(record.totalPay()), money(again.totalPay()));
        compare(out, "approvalsRequired", record.approvalsRequired().toString(), again.approvalsRequired().toString());
        compare(out, "approvals", approvals(record.approvals()), approvals(again.approvals()));
        compare(out, "disclosureRequest", record.disclosureRequest().toString(), again.disclosureRequest().toString());
        return out;
    }

    private static void compare(List<Difference> out, String member, String recorded, String replayed) {
        if (!recorded.equals(replayed)) {
            out.add(new Difference(member, recorded, replayed));
        }
    }

    private static String failed(List<RecordedFinding> findings) {
        return findings.stream().filter(f -> !f.passed()).map(f -> f.code() + " at " + f.ruleId()).toList().toString();
    }

    private static Difference findingsDifference(List<RecordedFinding> recorded, List<RecordedFinding> replayed) {
        int i = 0;
        while (i < recorded.size() && i < replayed.size() && recorded.get(i).equals(replayed.get(i))) {
            i++;
        }
        return new Difference("findings", describe(recorded, i), describe(replayed, i));
    }

    private static String describe(List<RecordedFinding> findings, int index) {
        if (index >= findings.size()) {
            return findings.size() + " findings";
        }
        RecordedFinding f = findings.get(index);
        return "findings/" + index + ": " + f.code() + " at " + f.ruleId() + (f.passed() ? " passed" : " failed") + ", "
                + f.evidenceCount() + " evidence references" + f.evidenceDigest().map(d -> " (digest " + d + ")")
                        .orElse(f.evidence().isEmpty() ? "" : " " + f.evidence());
    }

    private static String money(Optional<BigDecimal> amount) {
        return amount.map(BigDecimal::toPlainString).orElse("(none)");
    }

    /** Approvals as a sorted list: their order in a record follows how they were gathered, not what was approved. */
    private static String approvals(List<Approval> approvals) {
        return approvals.stream().sorted(Comparator.comparing(Approval::role).thenComparing(Approval::approver)
                .thenComparing(Approval::approvedAt).thenComparing(a -> a.reason().orElse("")))
                .map(a -> a.role() + " by " + a.approver() + " at " + a.approvedAt()
                        + (a.reason().isPresent() ? " (break glass)" : ""))
                .toList().toString();
    }

    private static ReplayResult refused(DecisionRecord record, ReplayProblem problem, String message, List<String> notes) {
        return new ReplayResult.NotReplayable(record, problem, message, List.of(), notes);
    }

    /** Text from a record or a caller, safe on one line. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < text.length() && i < 60; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7F && c != '\'' ? c : '?');
        }
        return out.append(text.length() > 60 ? "...'" : "'").toString();
    }

    /**
     * Configures a {@link DecisionReplay}. Each setter may be called once and checks its
     * argument; {@link #build()} names what is missing. Not thread-safe.
     */
    public static final class Builder {
        private TrustAnchors anchors;
        private List<VerificationKey> statusKeys;
        private Map<String, String> statusLists;
        private Duration statusMaxAge;
        private Vocabularies vocabularies;
        private Policy policy;
        private Duration keyBindingWindow;

        private Builder() {
        }

        private static void once(Object current, String what) {
            if (current != null) {
                throw new IllegalStateException(what + " already set");
            }
        }

        /**
         * Trust anchors holding the trust list in force at the decision (issuer keys and
         * authorisations are resolved at {@code decidedAt} on it). Required.
         */
        public Builder trustAnchors(TrustAnchors anchors) {
            once(this.anchors, "trustAnchors");
            this.anchors = Objects.requireNonNull(anchors, "anchors");
            return this;
        }

        /** Keys trusted to sign status lists; required, not empty. */
        public Builder statusListKeys(Collection<VerificationKey> keys) {
            once(this.statusKeys, "statusListKeys");
            List<VerificationKey> copy = List.copyOf(keys);
            if (copy.isEmpty()) {
                throw new IllegalArgumentException("statusListKeys must not be empty");
            }
            this.statusKeys = copy;
            return this;
        }

        /**
         * The status list tokens (compact JWS) available to the auditor, by source name (a
         * file name: it appears in notes, and lists load in source order). Those issued after
         * the decision are refused; see the class comment. Required, possibly empty.
         */
        public Builder statusLists(Map<String, String> tokensBySource) {
            once(this.statusLists, "statusLists");
            Map<String, String> copy = new TreeMap<>();
            tokensBySource.forEach((source, compact) -> copy.put(Objects.requireNonNull(source, "source"),
                    Objects.requireNonNull(compact, "compact")));
            this.statusLists = Collections.unmodifiableMap(copy);
            return this;
        }

        /** How old (by {@code iat}) a status list may be at the decision instant and still decide; positive. Required. */
        public Builder statusListMaxAge(Duration maxAge) {
            once(this.statusMaxAge, "statusListMaxAge");
            Objects.requireNonNull(maxAge, "maxAge");
            if (maxAge.isNegative() || maxAge.isZero()) {
                throw new IllegalArgumentException("statusListMaxAge must be positive, was " + maxAge);
            }
            this.statusMaxAge = maxAge;
            return this;
        }

        /** The vocabularies credential content is validated with ("today" is the decision instant). Required. */
        public Builder vocabularies(Vocabularies vocabularies) {
            once(this.vocabularies, "vocabularies");
            this.vocabularies = Objects.requireNonNull(vocabularies, "vocabularies");
            return this;
        }

        /** The policy to evaluate; its digest must be the record's. Required. */
        public Builder policy(Policy policy) {
            once(this.policy, "policy");
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * How far a key-binding JWT's {@code iat} may be from the decision instant (default and
         * bound: the passport verifier's). Optional.
         */
        public Builder keyBindingWindow(Duration window) {
            once(this.keyBindingWindow, "keyBindingWindow");
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.compareTo(SdJwtVerifier.TIME_CEILING) > 0) {
                throw new IllegalArgumentException("keyBindingWindow must be between 0 and " + SdJwtVerifier.TIME_CEILING
                        + ", was " + window);
            }
            this.keyBindingWindow = window;
            return this;
        }

        /** The replay; names what is missing. */
        public DecisionReplay build() {
            StringBuilder missing = new StringBuilder();
            if (anchors == null) {
                missing.append(" trustAnchors");
            }
            if (statusKeys == null) {
                missing.append(" statusListKeys");
            }
            if (statusLists == null) {
                missing.append(" statusLists");
            }
            if (statusMaxAge == null) {
                missing.append(" statusListMaxAge");
            }
            if (vocabularies == null) {
                missing.append(" vocabularies");
            }
            if (policy == null) {
                missing.append(" policy");
            }
            if (missing.length() > 0) {
                throw new IllegalStateException("DecisionReplay builder is missing:" + missing);
            }
            return new DecisionReplay(this);
        }
    }

    @Override
    public String toString() {
        return "DecisionReplay[policy " + policy.id() + " " + policy.version() + "]";
    }
}
