package org.staffpass.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.status.StatusList;
import org.staffpass.crypto.status.StatusListSigner;
import org.staffpass.crypto.status.StatusListStore;
import org.staffpass.crypto.status.StatusReference;
import org.staffpass.crypto.status.TokenStatus;
import org.staffpass.crypto.trust.TrustAnchors;
import org.staffpass.crypto.trust.TrustList;
import org.staffpass.crypto.trust.TrustedIssuer;
import org.staffpass.passport.PassportIssuer;
import org.staffpass.passport.PassportProblem;
import org.staffpass.passport.PassportVerification;
import org.staffpass.passport.PassportVerifier;
import org.staffpass.passport.VerifiedPassport;
import org.staffpass.passport.Wallet;
import org.staffpass.passport.credential.Credential;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.vocab.Vocabularies;
import org.staffpass.rules.audit.DecisionContext;
import org.staffpass.rules.audit.DecisionRecord;
import org.staffpass.rules.audit.DecisionRecordSigner;
import org.staffpass.rules.audit.DecisionRecordVerifier;
import org.staffpass.rules.audit.DecisionReplay;
import org.staffpass.rules.audit.RecordResult;
import org.staffpass.rules.audit.ReplayProblem;
import org.staffpass.rules.audit.ReplayResult;
import org.staffpass.rules.audit.SignedDecisionRecord;

/**
 * The real flow, end to end: credentials issued, presented, verified, a decision evaluated and
 * signed as a record, then replayed from the record and the material as of the decision; and
 * each way a replay can fail.
 */
class DecisionReplayTest {
    static final Instant DECIDED_AT = FamiliesTest.AT;
    static final Clock AT_DECISION = Clock.fixed(DECIDED_AT, ZoneOffset.UTC);
    static final String ISSUER = "https://lead-employer.nhs.example";
    static final String ORG = "https://trust.rtd.nhs.example";
    static final String STATUS_URI = "https://lead-employer.nhs.example/status/1";
    static final String AUDIENCE = "ODS:RTD-bank";
    static final Policy POLICY = FamiliesTest.POLICY;
    static final SigningKey OPERATOR = key(11);
    static final SigningKey ISSUER_KEY = key(12);
    static final SigningKey HOLDER = key(13);
    static final SigningKey ORG_KEY = key(14);
    static final BreakGlass CEO = new BreakGlass("chief-executive", "E1234", "no cover for the resus team",
            DECIDED_AT.minusSeconds(600));
    static final WorkHistory HISTORY = new WorkHistory(List.of(
            new WorkHistory.Entry("RA1", Instant.parse("2026-06-08T07:00:00Z"), Instant.parse("2026-06-08T16:00:00Z")),
            new WorkHistory.Entry("RTD", Instant.parse("2026-05-30T07:00:00Z"), Instant.parse("2026-05-30T16:00:00Z"))));

    /** The list the decider held: issued an hour before the decision, everything valid. */
    static final String LIST_BEFORE = statusList(DECIDED_AT.minus(Duration.ofHours(1)), Optional.empty());
    /** A list issued a day after the decision, revoking credential 0. */
    static final String LIST_AFTER = statusList(DECIDED_AT.plus(Duration.ofDays(1)), Optional.of(TokenStatus.INVALID));
    static final TrustAnchors ANCHORS = anchors();
    static final Wallet WALLET = wallet();

    static SigningKey key(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return SigningKey.generate(SignatureAlgorithm.ES256, random);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String statusList(Instant issuedAt, Optional<TokenStatus> firstEntry) {
        StatusList.Builder list = StatusList.builder(2, 64);
        firstEntry.ifPresent(status -> list.set(0, status));
        return StatusListSigner.builder().key(ISSUER_KEY).clock(Clock.fixed(issuedAt, ZoneOffset.UTC))
                .validFor(Duration.ofDays(7)).build().sign(STATUS_URI, list.build());
    }

    static TrustAnchors anchors() {
        TrustedIssuer.Builder issuer = TrustedIssuer.builder().id(ISSUER).name("Lead employer").organisationCode("RRF")
                .status(TrustedIssuer.Status.ACTIVE).validFrom(DECIDED_AT.minus(Duration.ofDays(365)))
                .key(ISSUER_KEY.verificationKey());
        for (CredentialType type : CredentialType.values()) {
            issuer.credentialType(type.vct());
        }
        TrustedIssuer org = TrustedIssuer.builder().id(ORG).name("Royal Devon").organisationCode("RH8")
                .status(TrustedIssuer.Status.ACTIVE).validFrom(DECIDED_AT.minus(Duration.ofDays(365)))
                .credentialType(DecisionRecord.TYPE_URI).key(ORG_KEY.verificationKey()).build();
        TrustList list = TrustList.builder().operator("https://operator.example").sequence(1)
                .issuedAt(DECIDED_AT.minus(Duration.ofDays(1))).expiresAt(DECIDED_AT.plus(Duration.ofDays(30)))
                .issuer(issuer.build()).issuer(org).build();
        return TrustAnchors.load(list.sign(OPERATOR), List.of(OPERATOR.verificationKey()), AT_DECISION).value();
    }

    static Wallet wallet() {
        PassportIssuer issuer = PassportIssuer.builder().issuerId(ISSUER).signingKey(ISSUER_KEY).clock(Workers.CLOCK)
                .random(new SecureRandom()).validator(Workers.validator()).build();
        Wallet wallet = Wallet.create(HOLDER, Clock.fixed(DECIDED_AT.minusSeconds(60), ZoneOffset.UTC));
        int index = 0;
        for (Credential c : Workers.all("ST4")) {
            String issued = issuer.issue(c, HOLDER.verificationKey(), DECIDED_AT.plus(Duration.ofDays(365)),
                    new StatusReference(STATUS_URI, index++)).value().compact();
            assertTrue(wallet.add(issued).isAccepted());
        }
        return wallet;
    }

    /** A decision as a deciding organisation makes it, with what it needs to record and replay. */
    record Decided(Shift shift, String presentation, VerifiedPassport passport, Decision decision, SignedDecisionRecord record) {
    }

    static Decided decide(Shift shift, Optional<BreakGlass> glass, boolean recordHistory) {
        String nonce = "n-" + Long.toHexString(new SecureRandom().nextLong());
        String presentation = WALLET.present(AUDIENCE, nonce, POLICY.disclosureRequest(shift));
        StatusListStore store = StatusListStore.builder().trustedKeys(List.of(ISSUER_KEY.verificationKey()))
                .clock(AT_DECISION).maxAge(Duration.ofDays(1)).build();
        assertTrue(store.load("before", LIST_BEFORE).isStored());
        PassportVerification verification = PassportVerifier.builder().trustAnchors(ANCHORS).statusLists(store)
                .audience(AUDIENCE).clock(AT_DECISION).validator(Workers.validator()).build().verify(presentation, nonce);
        VerifiedPassport passport = assertInstanceOf(VerifiedPassport.class, verification, verification::toString);
        PassportFacts facts = PassportFacts.of(passport);
        Decision decision = glass.isPresent() ? POLICY.evaluate(facts, shift, HISTORY, DECIDED_AT, glass.get())
                : POLICY.evaluate(facts, shift, HISTORY, DECIDED_AT);
        DecisionContext.Builder context = DecisionContext.builder().shift(shift).policy(POLICY)
                .credentialDigests(passport.credentials().stream().map(c -> c.credentialDigest()).toList())
                .holderKeyThumbprint(passport.holderKeyThumbprint()).decidedAt(DECIDED_AT)
                .presentationDigest(DecisionContext.digest(presentation));
        if (recordHistory) {
            context.historyDigest(DecisionContext.historyDigest(HISTORY));
        }
        SignedDecisionRecord record = DecisionRecordSigner.of(ORG_KEY, ORG).sign(decision, context.build());
        return new Decided(shift, presentation, passport, decision, record);
    }

    static final Decided ELIGIBLE = decide(Workers.dayShift(), Optional.empty(), true);

    static DecisionReplay.Builder replay(Map<String, String> lists) {
        return DecisionReplay.builder().trustAnchors(ANCHORS).statusListKeys(List.of(ISSUER_KEY.verificationKey()))
                .statusLists(lists).statusListMaxAge(Duration.ofDays(1)).vocabularies(Vocabularies.standard());
    }

    static DecisionReplay replay(Policy policy) {
        return replay(Map.of("before.jwt", LIST_BEFORE)).policy(policy).build();
    }

    /** The record as the verifier hands it over: signature and signer checked. */
    static RecordResult.Valid verified(SignedDecisionRecord record) {
        RecordResult result = DecisionRecordVerifier.of(ANCHORS).verify(record.compact());
        return assertInstanceOf(RecordResult.Valid.class, result, result::toString);
    }

    /** {@code decided}'s record changed by {@code edit} and re-signed by the organisation's key. */
    static RecordResult.Valid resigned(Decided decided, UnaryOperator<Object[]> edit) {
        DecisionRecord r = decided.record().record();
        Object[] f = {r.issuer(), r.seq(), r.prev(), r.decidedAt(), r.shift(), r.policy(), r.credentialDigests(),
            r.holderKeyThumbprint(), r.presentationDigest(), r.historyDigest(), r.outcome(), r.findings(), r.hourlyPay(),
            r.totalPay(), r.approvalsRequired(), r.approvals(), r.disclosureRequest()};
        Object[] g = edit.apply(f.clone());
        @SuppressWarnings("unchecked")
        DecisionRecord changed = new DecisionRecord((String) g[0], (Long) g[1], (String) g[2], (Instant) g[3], (Shift) g[4],
                (DecisionRecord.PolicyReference) g[5], (List<String>) g[6], (String) g[7], (Optional<String>) g[8],
                (Optional<String>) g[9], (Outcome) g[10], (List<DecisionRecord.RecordedFinding>) g[11],
                (Optional<BigDecimal>) g[12], (Optional<BigDecimal>) g[13], (List<String>) g[14],
                (List<DecisionRecord.Approval>) g[15], (List<String>) g[16]);
        return verified(DecisionRecordSigner.of(ORG_KEY, ORG).sign(changed));
    }

    static ReplayResult.NotReplayable notReplayable(ReplayResult result, ReplayProblem expected) {
        ReplayResult.NotReplayable not = assertInstanceOf(ReplayResult.NotReplayable.class, result, result::toString);
        assertEquals(expected, not.problem(), not.message());
        return not;
    }

    @Test
    void theRecordedDecisionReplaysTheSame() {
        assertEquals(Outcome.ELIGIBLE, ELIGIBLE.decision().outcome());
        ReplayResult result = replay(POLICY).replay(verified(ELIGIBLE.record()), ELIGIBLE.presentation(), HISTORY);
        ReplayResult.Same same = assertInstanceOf(ReplayResult.Same.class, result, result::toString);
        assertEquals(ELIGIBLE.decision(), same.replayed());
        assertEquals(ELIGIBLE.record().record(), same.original());
        assertEquals(List.of(), same.notes());
        assertTrue(same.isSame());
    }

    @Test
    void historyOrderDoesNotMatterButAnotherHistoryIsRefused() {
        List<WorkHistory.Entry> reversed = new ArrayList<>(HISTORY.entries());
        java.util.Collections.reverse(reversed);
        assertTrue(replay(POLICY).replay(verified(ELIGIBLE.record()), ELIGIBLE.presentation(), new WorkHistory(reversed))
                .isSame());
        ReplayResult.NotReplayable not = notReplayable(replay(POLICY).replay(verified(ELIGIBLE.record()),
                ELIGIBLE.presentation(), WorkHistory.empty()), ReplayProblem.HISTORY_MISMATCH);
        assertTrue(not.message().contains(DecisionContext.historyDigest(WorkHistory.empty())), not.message());
    }

    @Test
    void aRecordWithoutHistoryDigestUsesTheHistoryUncheckedAndSaysSo() {
        Decided decided = decide(Workers.dayShift(), Optional.empty(), false);
        ReplayResult same = replay(POLICY).replay(verified(decided.record()), decided.presentation(), HISTORY);
        assertTrue(same.isSame(), same::toString);
        assertEquals(1, same.notes().size());
        assertTrue(same.notes().get(0).contains("no historyDigest"), same.notes().toString());
    }

    @Test
    void aTamperedOrOtherPresentationIsRefusedByItsDigest() {
        String tampered = ELIGIBLE.presentation().replace("{\"presentation\":[", "{ \"presentation\":[");
        notReplayable(replay(POLICY).replay(verified(ELIGIBLE.record()), tampered, HISTORY), ReplayProblem.PRESENTATION_MISMATCH);
        // the same credentials, presented again (another nonce): not the presentation decided on
        String again = WALLET.present(AUDIENCE, "another-nonce", POLICY.disclosureRequest(ELIGIBLE.shift()));
        notReplayable(replay(POLICY).replay(verified(ELIGIBLE.record()), again, HISTORY), ReplayProblem.PRESENTATION_MISMATCH);
    }

    @Test
    void anotherPolicyVersionIsRefusedByItsDigest() {
        Policy other = PolicyFiles.valid(PolicyFiles.examplePolicy().replaceFirst("\"version\"\\s*:\\s*\"[^\"]*\"",
                "\"version\": \"2099.9\""));
        ReplayResult.NotReplayable not = notReplayable(replay(other).replay(verified(ELIGIBLE.record()),
                ELIGIBLE.presentation(), HISTORY), ReplayProblem.POLICY_MISMATCH);
        assertTrue(not.message().contains("2099.9") && not.message().contains(POLICY.digest()), not.message());
    }

    @Test
    void aListIssuedAfterTheDecisionNeverDecides() {
        Map<String, String> both = new LinkedHashMap<>();
        both.put("after.jwt", LIST_AFTER);
        both.put("before.jwt", LIST_BEFORE);
        ReplayResult result = replay(both).policy(POLICY).build()
                .replay(verified(ELIGIBLE.record()), ELIGIBLE.presentation(), HISTORY);
        assertTrue(result.isSame(), result::toString);
        assertEquals(1, result.notes().size(), result.notes().toString());
        assertTrue(result.notes().get(0).startsWith("status list 'after.jwt' not used: NOT_YET_VALID: "), result.notes().toString());
        assertTrue(result.notes().get(0).endsWith("(issued after the decision)"), result.notes().toString());

        // only the later list: nothing as of the decision says the credentials were valid
        ReplayResult.NotReplayable onlyAfter = notReplayable(replay(Map.of("after.jwt", LIST_AFTER)).policy(POLICY).build()
                .replay(verified(ELIGIBLE.record()), ELIGIBLE.presentation(), HISTORY), ReplayProblem.VERIFICATION_REFUSED);
        assertEquals(Set.of(ReasonCode.STATUS_LIST_UNKNOWN),
                Set.copyOf(onlyAfter.failures().stream().map(f -> f.code()).toList()));
    }

    @Test
    void aRevocationListedBeforeTheDecisionRefusesTheReplay() {
        // a list issued between the decider's and the decision, revoking credential 0: the latest list before the decision is used
        String revokedBefore = statusList(DECIDED_AT.minus(Duration.ofMinutes(5)), Optional.of(TokenStatus.INVALID));
        Map<String, String> lists = Map.of("before.jwt", LIST_BEFORE, "revoked.jwt", revokedBefore);
        ReplayResult.NotReplayable not = notReplayable(replay(lists).policy(POLICY).build()
                .replay(verified(ELIGIBLE.record()), ELIGIBLE.presentation(), HISTORY), ReplayProblem.VERIFICATION_REFUSED);
        assertEquals(List.of(PassportProblem.CREDENTIAL_REVOKED), not.failures().stream().map(f -> f.code()).toList());
        assertEquals(0, not.failures().get(0).credentialIndex().getAsInt());
    }

    @Test
    void aTrustListIssuedAfterTheDecisionIsNotTheListOfThen() {
        TrustList later = TrustList.builder().operator("https://operator.example").sequence(2)
                .issuedAt(DECIDED_AT.plusSeconds(1)).expiresAt(DECIDED_AT.plus(Duration.ofDays(30)))
                .issuers(ANCHORS.current().orElseThrow().issuers()).build();
        TrustAnchors anchors = TrustAnchors.load(later.sign(OPERATOR), List.of(OPERATOR.verificationKey()),
                Clock.fixed(DECIDED_AT.plus(Duration.ofDays(1)), ZoneOffset.UTC)).value();
        DecisionReplay replay = DecisionReplay.builder().trustAnchors(anchors)
                .statusListKeys(List.of(ISSUER_KEY.verificationKey())).statusLists(Map.of("before.jwt", LIST_BEFORE))
                .statusListMaxAge(Duration.ofDays(1)).vocabularies(Vocabularies.standard()).policy(POLICY).build();
        ReplayResult.NotReplayable not = notReplayable(replay.replay(verified(ELIGIBLE.record()), ELIGIBLE.presentation(),
                HISTORY), ReplayProblem.TRUST_LIST_AFTER_DECISION);
        assertTrue(not.message().contains("sequence 2"), not.message());
    }

    @Test
    void aListStaleAtTheDecisionRefusesTheReplay() {
        String old = statusList(DECIDED_AT.minus(Duration.ofDays(2)), Optional.empty());
        ReplayResult.NotReplayable not = notReplayable(replay(Map.of("old.jwt", old)).policy(POLICY).build()
                .replay(verified(ELIGIBLE.record()), ELIGIBLE.presentation(), HISTORY), ReplayProblem.VERIFICATION_REFUSED);
        assertTrue(not.failures().stream().allMatch(f -> f.code() == ReasonCode.STATUS_LIST_STALE), not.failures()::toString);
    }

    @Test
    void anOutcomeAlteredAndResignedIsDifferent() {
        RecordResult.Valid altered = resigned(ELIGIBLE, f -> {
            f[10] = Outcome.NEEDS_APPROVAL;
            f[14] = List.of("medical-director");
            return f;
        });
        ReplayResult result = replay(POLICY).replay(altered, ELIGIBLE.presentation(), HISTORY);
        ReplayResult.Different different = assertInstanceOf(ReplayResult.Different.class, result, result::toString);
        assertEquals(List.of(new ReplayResult.Difference("outcome", "NEEDS_APPROVAL", "ELIGIBLE"),
                new ReplayResult.Difference("approvalsRequired", "[medical-director]", "[]")), different.differences());
        assertEquals(ELIGIBLE.decision(), different.replayed());
    }

    @Test
    void alteredFindingsAndPayAreDifferences() {
        RecordResult.Valid altered = resigned(ELIGIBLE, f -> {
            @SuppressWarnings("unchecked")
            List<DecisionRecord.RecordedFinding> findings = new ArrayList<>((List<DecisionRecord.RecordedFinding>) f[11]);
            DecisionRecord.RecordedFinding first = findings.get(0);
            findings.set(0, DecisionRecord.RecordedFinding.of(first.ruleId(), first.passed(), first.code(), List.of("forged")));
            f[11] = findings;
            f[13] = Optional.of(new BigDecimal("1.00"));
            return f;
        });
        ReplayResult.Different different = assertInstanceOf(ReplayResult.Different.class,
                replay(POLICY).replay(altered, ELIGIBLE.presentation(), HISTORY));
        assertEquals(List.of("findings", "totalPay"), different.differences().stream().map(d -> d.member()).toList());
        assertTrue(different.differences().get(0).recorded().contains("[forged]"), different.differences().toString());
        assertEquals("1.00", different.differences().get(1).recorded());
    }

    @Test
    void breakGlassRoundTrips() {
        Shift aboveCap = Workers.dayShift().withOfferedHourlyRate(new BigDecimal("300.01"));
        Decided glass = decide(aboveCap, Optional.of(CEO), true);
        assertEquals(Outcome.NEEDS_APPROVAL, glass.decision().outcome());
        assertEquals(List.of(new DecisionRecord.Approval("chief-executive", "E1234", CEO.approvedAt(),
                Optional.of(CEO.reason()))), glass.record().record().approvals());
        ReplayResult.Same same = assertInstanceOf(ReplayResult.Same.class,
                replay(POLICY).replay(verified(glass.record()), glass.presentation(), HISTORY));
        assertEquals(Optional.of(CEO), same.replayed().approvals().get(0).recorded());

        // without its reason the glass cannot be rebuilt: the replay decides without it
        RecordResult.Valid noReason = resigned(glass, f -> {
            f[15] = List.of(new DecisionRecord.Approval("chief-executive", "E1234", CEO.approvedAt()));
            return f;
        });
        ReplayResult.Different different = assertInstanceOf(ReplayResult.Different.class,
                replay(POLICY).replay(noReason, glass.presentation(), HISTORY));
        assertEquals(new ReplayResult.Difference("outcome", "NEEDS_APPROVAL", "INELIGIBLE"), different.differences().get(0));

        RecordResult.Valid twoGlasses = resigned(glass, f -> {
            f[15] = List.of(new DecisionRecord.Approval("chief-executive", "E1234", CEO.approvedAt(), Optional.of("one")),
                    new DecisionRecord.Approval("chief-executive", "E9", CEO.approvedAt(), Optional.of("two")));
            return f;
        });
        notReplayable(replay(POLICY).replay(twoGlasses, glass.presentation(), HISTORY), ReplayProblem.BREAK_GLASS_UNREADABLE);
        RecordResult.Valid unusable = resigned(glass, f -> {
            f[15] = List.of(new DecisionRecord.Approval("chief-executive", "E\u00e9", CEO.approvedAt(), Optional.of("why")));
            return f;
        });
        notReplayable(replay(POLICY).replay(unusable, glass.presentation(), HISTORY), ReplayProblem.BREAK_GLASS_UNREADABLE);
    }

    @Test
    void recordedCredentialsAndHolderMustBeThePresentations() {
        RecordResult.Valid reordered = resigned(ELIGIBLE, f -> {
            @SuppressWarnings("unchecked")
            List<String> digests = new ArrayList<>((List<String>) f[6]);
            java.util.Collections.swap(digests, 0, 1);
            f[6] = digests;
            return f;
        });
        ReplayResult.NotReplayable not = notReplayable(replay(POLICY).replay(reordered, ELIGIBLE.presentation(), HISTORY),
                ReplayProblem.CREDENTIALS_MISMATCH);
        assertTrue(not.message().startsWith("credential 0 has digest"), not.message());
        RecordResult.Valid fewer = resigned(ELIGIBLE, f -> {
            f[6] = ((List<?>) f[6]).subList(1, ((List<?>) f[6]).size());
            return f;
        });
        notReplayable(replay(POLICY).replay(fewer, ELIGIBLE.presentation(), HISTORY), ReplayProblem.CREDENTIALS_MISMATCH);
        RecordResult.Valid otherHolder = resigned(ELIGIBLE, f -> {
            f[7] = ORG_KEY.verificationKey().thumbprint();
            return f;
        });
        notReplayable(replay(POLICY).replay(otherHolder, ELIGIBLE.presentation(), HISTORY), ReplayProblem.HOLDER_MISMATCH);
    }

    @Test
    void aPresentationMustBeRecordedAndReadable() {
        RecordResult.Valid none = resigned(ELIGIBLE, f -> {
            f[8] = Optional.empty();
            return f;
        });
        notReplayable(replay(POLICY).replay(none, ELIGIBLE.presentation(), HISTORY), ReplayProblem.PRESENTATION_NOT_RECORDED);
        for (String garbage : List.of("not json", "{\"presentation\":[]}", "{\"presentation\":[\"a~b~\"]}",
                "{\"presentation\":[\"a~x.e30.y\"]}", "{\"other\":1}")) {
            RecordResult.Valid bound = resigned(ELIGIBLE, f -> {
                f[8] = Optional.of(DecisionContext.digest(garbage));
                return f;
            });
            notReplayable(replay(POLICY).replay(bound, garbage, HISTORY), ReplayProblem.PRESENTATION_UNREADABLE);
        }
    }

    /** {@code record} bound to {@code presentation} by its digest (the caller vouches for the record). */
    static DecisionRecord boundTo(DecisionRecord r, String presentation) {
        return new DecisionRecord(r.issuer(), r.seq(), r.prev(), r.decidedAt(), r.shift(), r.policy(), r.credentialDigests(),
                r.holderKeyThumbprint(), Optional.of(DecisionContext.digest(presentation)), r.historyDigest(), r.outcome(),
                r.findings(), r.hourlyPay(), r.totalPay(), r.approvalsRequired(), r.approvals(), r.disclosureRequest());
    }

    @Test
    void anyOneCharacterChangeToThePresentationNeverReplaysEvenWithARecordBoundToIt() {
        DecisionReplay replay = replay(POLICY);
        String original = ELIGIBLE.presentation();
        String alphabet = "AQgw_-.~\"{}[]:,0aZ ";
        org.staffpass.testing.Property.forAll("one-character change", org.staffpass.testing.Property.scaled(60), random -> {
            int at = random.nextInt(original.length());
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            return original.substring(0, at) + c + original.substring(at + 1);
        }, changed -> {
            if (changed.equals(original)) {
                return;
            }
            ReplayResult result = replay.replay(boundTo(ELIGIBLE.record().record(), changed), changed, HISTORY);
            ReplayResult.NotReplayable not = assertInstanceOf(ReplayResult.NotReplayable.class, result, result::toString);
            assertTrue(Set.of(ReplayProblem.PRESENTATION_UNREADABLE, ReplayProblem.CREDENTIALS_MISMATCH,
                    ReplayProblem.VERIFICATION_REFUSED).contains(not.problem()), not.toString());
        });
    }

    @Test
    void arbitraryPresentationsNeverThrow() {
        DecisionReplay replay = replay(POLICY);
        org.staffpass.testing.Property.forAll("arbitrary presentation", org.staffpass.testing.Property.scaled(200), random -> {
            String[] pieces = {"{", "}", "[", "]", "\"presentation\"", ":", ",", "\"", "~", ".", "eyJ", "e30", "\\u0000",
                "\uD83D", "null", "1e999", " "};
            StringBuilder out = new StringBuilder();
            int n = random.nextInt(30);
            for (int i = 0; i < n; i++) {
                out.append(pieces[random.nextInt(pieces.length)]);
            }
            return out.toString();
        }, text -> assertInstanceOf(ReplayResult.NotReplayable.class,
                replay.replay(boundTo(ELIGIBLE.record().record(), text), text, HISTORY)));
    }

    @Test
    void theBuilderNamesWhatIsMissingAndRefusesASecondCall() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> DecisionReplay.builder().build());
        assertEquals("DecisionReplay builder is missing: trustAnchors statusListKeys statusLists statusListMaxAge"
                + " vocabularies policy", missing.getMessage());
        assertThrows(IllegalStateException.class, () -> DecisionReplay.builder().policy(POLICY).policy(POLICY));
        assertThrows(IllegalArgumentException.class, () -> DecisionReplay.builder().statusListMaxAge(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> DecisionReplay.builder().statusListKeys(List.of()));
        assertThrows(IllegalArgumentException.class, () -> DecisionReplay.builder().keyBindingWindow(Duration.ofHours(1)));
        DecisionReplay replay = replay(POLICY);
        assertThrows(NullPointerException.class, () -> replay.replay((RecordResult.Valid) null, "x", HISTORY));
        assertThrows(NullPointerException.class, () -> replay.replay(ELIGIBLE.record().record(), null, HISTORY));
        assertThrows(NullPointerException.class, () -> replay.replay(ELIGIBLE.record().record(), "x", null));
    }
}
