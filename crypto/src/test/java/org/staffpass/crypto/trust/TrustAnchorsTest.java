package org.staffpass.crypto.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffpass.crypto.trust.TrustListSamples.KEY_POOL;
import static org.staffpass.crypto.trust.TrustListSamples.T0;
import static org.staffpass.crypto.trust.TrustListSamples.VCT_A;
import static org.staffpass.crypto.trust.TrustListSamples.VCT_B;
import static org.staffpass.crypto.trust.TrustListSamples.issuer;
import static org.staffpass.crypto.trust.TrustListSamples.list;
import static org.staffpass.crypto.trust.TrustListTest.assertRejected;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.testing.LogCapture;

class TrustAnchorsTest {
    private static final SigningKey ROOT = KEY_POOL.get(0);
    private static final List<VerificationKey> ROOTS = List.of(ROOT.verificationKey());
    private static final Clock CLOCK = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);

    private static final String ACTIVE = "https://active.example";
    private static final String SUSPENDED = "https://suspended.example";
    private static final String REVOKED = "https://revoked.example";
    private static final String FUTURE = "https://future.example";
    private static final String ENDED = "https://ended.example";
    private static final SigningKey ACTIVE_KEY = KEY_POOL.get(2);
    private static final Instant LATER = T0.plusSeconds(10 * 86_400);

    /** One issuer per resolution outcome; all authorised for VCT_A only. */
    private static String listJws(long sequence) {
        return list(sequence)
                .issuer(issuer(ACTIVE, ACTIVE_KEY).status(TrustedIssuer.Status.ACTIVE).build())
                .issuer(issuer(SUSPENDED, KEY_POOL.get(3)).status(TrustedIssuer.Status.SUSPENDED).build())
                .issuer(issuer(REVOKED, KEY_POOL.get(4)).status(TrustedIssuer.Status.REVOKED).build())
                .issuer(TrustedIssuer.builder().id(FUTURE).name("Future").organisationCode("F")
                        .status(TrustedIssuer.Status.ACTIVE).validFrom(LATER).credentialType(VCT_A)
                        .key(KEY_POOL.get(5).verificationKey()).build())
                .issuer(issuer(ENDED, KEY_POOL.get(6)).status(TrustedIssuer.Status.ACTIVE).validUntil(LATER).build())
                .build()
                .sign(ROOT);
    }

    private static TrustAnchors anchors() {
        return TrustAnchors.builder().pinnedRoots(ROOTS).clock(CLOCK).build();
    }

    private static TrustAnchors loaded() {
        return TrustAnchors.load(listJws(7), ROOTS, CLOCK).value();
    }

    private static Instant now() {
        return CLOCK.instant();
    }

    // --- Versioning ---

    @Test
    void aNewerListReplacesTheOneInForce() {
        TrustAnchors anchors = loaded();
        assertEquals(7, anchors.current().orElseThrow().sequence());
        assertEquals(8, anchors.update(listJws(8)).value().sequence());
        assertEquals(8, anchors.current().orElseThrow().sequence());
    }

    @Test
    void anOlderListIsARollbackAndChangesNothing() {
        TrustAnchors anchors = loaded();
        TrustList inForce = anchors.current().orElseThrow();
        Verification.Rejected<?> r = assertRejected(ReasonCode.TRUST_LIST_ROLLBACK, anchors.update(listJws(6)));
        assertEquals("trust list sequence 6 is not newer than sequence 7 in force", r.message());
        assertSame(inForce, anchors.current().orElseThrow());
    }

    @Test
    void aRollbackIsLoggedAsAWarningForTheOperator() {
        TrustAnchors anchors = loaded();
        String older = listJws(6);
        try (LogCapture log = LogCapture.of(TrustAnchors.class)) {
            assertRejected(ReasonCode.TRUST_LIST_ROLLBACK, anchors.update(older));
            assertEquals(List.of(Level.WARNING), log.levels());
            assertEquals(List.of("TRUST_LIST_ROLLBACK: trust list sequence 6 is not newer than sequence 7 in force;"
                    + " the list in force stays"), log.messages(Level.WARNING));
            // Sequences and times only: nothing of the served list, its issuers or keys.
            String logged = log.messages(Level.WARNING).get(0);
            assertFalse(logged.contains(older.substring(0, 20)) || logged.contains(ACTIVE), logged);

            assertTrue(anchors.update(listJws(8)).isAccepted());
            assertEquals(List.of(Level.WARNING, Level.INFO), log.levels());
            assertTrue(log.messages(Level.INFO).get(0).startsWith("trust list sequence 8 in force, expires "),
                    log.messages(Level.INFO).toString());
        }
    }

    @Test
    void theSameSequenceAgainIsARollback() {
        TrustAnchors anchors = loaded();
        assertRejected(ReasonCode.TRUST_LIST_ROLLBACK, anchors.update(listJws(7)));
        // Even a different list under the same number: a sequence names one list.
        String other = list(7).build().sign(ROOT);
        assertRejected(ReasonCode.TRUST_LIST_ROLLBACK, anchors.update(other));
        assertEquals(5, anchors.current().orElseThrow().issuers().size());
    }

    @Test
    void thePersistedMinimumSequenceGuardsTheFirstLoad() {
        TrustAnchors restarted = TrustAnchors.builder().pinnedRoots(ROOTS).clock(CLOCK).minimumSequence(7).build();
        Verification.Rejected<?> r = assertRejected(ReasonCode.TRUST_LIST_ROLLBACK, restarted.update(listJws(6)));
        assertEquals("trust list sequence 6 is below the minimum sequence 7", r.message());
        assertEquals(Optional.empty(), restarted.current());
        // The list whose sequence was persisted loads again after a restart.
        assertTrue(restarted.update(listJws(7)).isAccepted());
        assertRejected(ReasonCode.TRUST_LIST_ROLLBACK, restarted.update(listJws(7)));
    }

    @Test
    void aListThatFailsVerificationNeverReplacesTheOneInForce() {
        TrustAnchors anchors = loaded();
        String byStranger = list(99).build().sign(KEY_POOL.get(6));
        assertRejected(ReasonCode.KID_MISMATCH, anchors.update(byStranger));
        String expired = TrustList.builder().operator("o").sequence(100).issuedAt(T0).expiresAt(T0.plusSeconds(60)).build().sign(ROOT);
        assertRejected(ReasonCode.TRUST_LIST_EXPIRED, anchors.update(expired));
        String future = TrustList.builder().operator("o").sequence(101).issuedAt(now().plusSeconds(3600))
                .expiresAt(now().plusSeconds(7200)).build().sign(ROOT);
        assertRejected(ReasonCode.TRUST_LIST_NOT_YET_VALID, anchors.update(future));
        assertEquals(7, anchors.current().orElseThrow().sequence());
    }

    @Test
    void loadReportsWhyTheListWasRefused() {
        assertRejected(ReasonCode.MALFORMED, TrustAnchors.load("garbage", ROOTS, CLOCK));
    }

    @Test
    void concurrentUpdatesNeverLowerTheSequence() throws Exception {
        List<String> lists = new ArrayList<>();
        for (long sequence = 1; sequence <= 24; sequence++) {
            lists.add(list(sequence).build().sign(ROOT));
        }
        TrustAnchors anchors = anchors();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong regressions = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<?> reader = pool.submit(() -> {
                long seen = 0;
                while (running.get()) {
                    long now = anchors.current().map(TrustList::sequence).orElse(0L);
                    if (now < seen) {
                        regressions.incrementAndGet();
                    }
                    seen = now;
                }
            });
            List<Future<List<Long>>> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                List<String> shuffled = new ArrayList<>(lists);
                Collections.shuffle(shuffled, new Random(w));
                writers.add(pool.submit(() -> {
                    start.await();
                    List<Long> accepted = new ArrayList<>();
                    for (String jws : shuffled) {
                        Verification<TrustList> result = anchors.update(jws);
                        if (result.isAccepted()) {
                            accepted.add(result.value().sequence());
                        } else {
                            assertEquals(ReasonCode.TRUST_LIST_ROLLBACK, ((Verification.Rejected<TrustList>) result).reason());
                        }
                    }
                    return accepted;
                }));
            }
            start.countDown();
            List<Long> allAccepted = new ArrayList<>();
            for (Future<List<Long>> writer : writers) {
                List<Long> accepted = writer.get(60, TimeUnit.SECONDS);
                for (int i = 1; i < accepted.size(); i++) {
                    assertTrue(accepted.get(i) > accepted.get(i - 1), "each writer sees strictly increasing acceptances");
                }
                allAccepted.addAll(accepted);
            }
            running.set(false);
            reader.get(60, TimeUnit.SECONDS);
            assertEquals(allAccepted.size(), allAccepted.stream().distinct().count(), "no sequence accepted twice");
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
        assertEquals(24, anchors.current().orElseThrow().sequence());
        assertEquals(0, regressions.get());
    }

    // --- Resolution: each refusal, in the documented order ---

    @Test
    void anActiveIssuersKeyResolvesForAnAuthorisedType() {
        Verification<ResolvedKey> resolved = loaded().resolve(ACTIVE, ACTIVE_KEY.kid(), VCT_A, now());
        assertEquals(ACTIVE_KEY.verificationKey(), resolved.value().key());
        assertEquals(ACTIVE, resolved.value().issuer().id());
    }

    @Test
    void aSuccessfulResolutionAllocatesNoNewResult() {
        TrustAnchors anchors = loaded();
        assertSame(anchors.resolve(ACTIVE, ACTIVE_KEY.kid(), VCT_A, now()),
                anchors.resolve(ACTIVE, new String(ACTIVE_KEY.kid().toCharArray()), VCT_A, now().plusSeconds(1)));
    }

    @Test
    void nothingResolvesBeforeAListIsInForce() {
        Verification.Rejected<?> r = assertRejected(ReasonCode.TRUST_LIST_EXPIRED,
                anchors().resolve(ACTIVE, ACTIVE_KEY.kid(), VCT_A, now()));
        assertEquals("no trust list is in force", r.message());
    }

    @Test
    void nothingResolvesFromTheListsExpiryOn() {
        TrustAnchors anchors = loaded();
        Instant exp = anchors.current().orElseThrow().expiresAt();
        assertTrue(anchors.resolve(ACTIVE, ACTIVE_KEY.kid(), VCT_A, exp.minusSeconds(1)).isAccepted());
        assertRejected(ReasonCode.TRUST_LIST_EXPIRED, anchors.resolve(ACTIVE, ACTIVE_KEY.kid(), VCT_A, exp));
    }

    @Test
    void anUnlistedIssuerIsUnknownAndNotEchoed() {
        String stranger = "https://stranger.example/\u001b[2J";
        Verification.Rejected<?> r = assertRejected(ReasonCode.UNKNOWN_ISSUER,
                loaded().resolve(stranger, ACTIVE_KEY.kid(), VCT_A, now()));
        assertFalse(r.message().contains("stranger"), r.message());
    }

    @Test
    void aRevokedIssuerIsRevokedWhateverKeyOrTypeIsNamed() {
        TrustAnchors anchors = loaded();
        assertRejected(ReasonCode.ISSUER_REVOKED, anchors.resolve(REVOKED, KEY_POOL.get(4).kid(), VCT_A, now()));
        assertRejected(ReasonCode.ISSUER_REVOKED, anchors.resolve(REVOKED, "no-such-kid", "no-such-type", now()));
    }

    @Test
    void aSuspendedIssuerIsSuspended() {
        TrustAnchors anchors = loaded();
        assertRejected(ReasonCode.ISSUER_SUSPENDED, anchors.resolve(SUSPENDED, KEY_POOL.get(3).kid(), VCT_A, now()));
        assertRejected(ReasonCode.ISSUER_SUSPENDED, anchors.resolve(SUSPENDED, "no-such-kid", VCT_B, now()));
    }

    @Test
    void anIssuerIsTrustedOnlyWithinItsValidityPeriod() {
        TrustAnchors anchors = loaded();
        assertRejected(ReasonCode.ISSUER_NOT_YET_VALID, anchors.resolve(FUTURE, KEY_POOL.get(5).kid(), VCT_A, LATER.minusSeconds(1)));
        assertTrue(anchors.resolve(FUTURE, KEY_POOL.get(5).kid(), VCT_A, LATER).isAccepted());
        assertTrue(anchors.resolve(ENDED, KEY_POOL.get(6).kid(), VCT_A, LATER.minusSeconds(1)).isAccepted());
        assertRejected(ReasonCode.ISSUER_NO_LONGER_VALID, anchors.resolve(ENDED, KEY_POOL.get(6).kid(), VCT_A, LATER));
        assertRejected(ReasonCode.ISSUER_NO_LONGER_VALID, anchors.resolve(ENDED, "no-such-kid", VCT_B, LATER));
    }

    @Test
    void aKidTheIssuerDoesNotListIsAnUnknownKey() {
        TrustAnchors anchors = loaded();
        // Another listed issuer's key is not this issuer's key.
        assertRejected(ReasonCode.UNKNOWN_KEY, anchors.resolve(ACTIVE, KEY_POOL.get(6).kid(), VCT_A, now()));
        // Checked before the type: an unknown kid with an unauthorised type is still UNKNOWN_KEY.
        Verification.Rejected<?> r = assertRejected(ReasonCode.UNKNOWN_KEY, anchors.resolve(ACTIVE, "no-such-kid", VCT_B, now()));
        assertFalse(r.message().contains("no-such-kid"), r.message());
    }

    @Test
    void aTypeTheIssuerIsNotAuthorisedForIsRefused() {
        TrustAnchors anchors = loaded();
        assertRejected(ReasonCode.ISSUER_NOT_AUTHORISED_FOR_TYPE, anchors.resolve(ACTIVE, ACTIVE_KEY.kid(), VCT_B, now()));
        // Types match exactly: no case folding, no prefixes.
        assertRejected(ReasonCode.ISSUER_NOT_AUTHORISED_FOR_TYPE,
                anchors.resolve(ACTIVE, ACTIVE_KEY.kid(), VCT_A.toUpperCase(java.util.Locale.ROOT), now()));
        assertRejected(ReasonCode.ISSUER_NOT_AUTHORISED_FOR_TYPE, anchors.resolve(ACTIVE, ACTIVE_KEY.kid(), VCT_A + "/x", now()));
    }

    @Test
    void resolutionFollowsTheNewListOnceUpdated() {
        TrustAnchors anchors = loaded();
        String revokedNow = list(8).issuer(issuer(ACTIVE, ACTIVE_KEY).status(TrustedIssuer.Status.REVOKED).build()).build().sign(ROOT);
        assertTrue(anchors.update(revokedNow).isAccepted());
        assertRejected(ReasonCode.ISSUER_REVOKED, anchors.resolve(ACTIVE, ACTIVE_KEY.kid(), VCT_A, now()));
    }

    // --- Builder ---

    @Test
    void theBuilderNamesWhatIsMissingAndRefusesSecondCalls() {
        assertEquals("TrustAnchors needs pinnedRoots(...)",
                assertThrows(IllegalStateException.class, () -> TrustAnchors.builder().clock(CLOCK).build()).getMessage());
        assertEquals("TrustAnchors needs clock(...)",
                assertThrows(IllegalStateException.class, () -> TrustAnchors.builder().pinnedRoots(ROOTS).build()).getMessage());
        assertThrows(IllegalStateException.class, () -> TrustAnchors.builder().clock(CLOCK).clock(CLOCK));
        assertThrows(IllegalStateException.class, () -> TrustAnchors.builder().pinnedRoots(ROOTS).pinnedRoots(ROOTS));
        assertThrows(IllegalStateException.class, () -> TrustAnchors.builder().minimumSequence(2).minimumSequence(3));
        assertThrows(IllegalArgumentException.class, () -> TrustAnchors.builder().minimumSequence(0));
        assertThrows(IllegalArgumentException.class, () -> TrustAnchors.builder().pinnedRoots(List.of()));
        VerificationKey a = VerificationKey.fromJwk(stripKid(KEY_POOL.get(0))).value();
        VerificationKey b = VerificationKey.fromJwk(stripKid(KEY_POOL.get(2))).value();
        assertThrows(IllegalArgumentException.class, () -> TrustAnchors.builder().pinnedRoots(List.of(a, b)));
        assertThrows(NullPointerException.class, () -> loaded().resolve(null, "k", VCT_A, now()));
    }

    private static String stripKid(SigningKey key) {
        com.fasterxml.jackson.databind.node.ObjectNode jwk = key.verificationKey().toJwk();
        jwk.remove("kid");
        return jwk.toString();
    }
}
