package org.staffpass.crypto.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffpass.crypto.status.TestTokens.T0;
import static org.staffpass.crypto.status.TestTokens.URI;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.status.StatusListStore.LoadResult;
import org.staffpass.crypto.status.TestTokens.MutableClock;
import org.staffpass.testing.LogCapture;

class StatusListStoreTest {
    private static final SigningKey KEY = SigningKey.generate(SignatureAlgorithm.ES256);
    private static final SigningKey SECOND_KEY = SigningKey.generate(SignatureAlgorithm.EDDSA);
    private static final Duration MAX_AGE = Duration.ofHours(24);

    /** Entries 0..3: VALID, INVALID, SUSPENDED, 0x03 (application specific); the rest VALID. */
    private static final StatusList LIST = StatusList.builder(2, 16)
            .set(1, TokenStatus.INVALID).set(2, TokenStatus.SUSPENDED).set(3, TokenStatus.of(3)).build();

    private final MutableClock clock = new MutableClock(T0);

    private StatusListStore store() {
        return StatusListStore.builder().trustedKeys(List.of(KEY.verificationKey(), SECOND_KEY.verificationKey()))
                .clock(clock).maxAge(MAX_AGE).build();
    }

    private static String token(SigningKey key, Instant issuedAt, String uri, StatusList list) {
        return StatusListSigner.builder().key(key).clock(TestTokens.fixed(issuedAt)).build().sign(uri, list);
    }

    private static String token(Instant issuedAt, StatusList list) {
        return token(KEY, issuedAt, URI, list);
    }

    private static String expiringToken(Instant issuedAt, Duration validFor) {
        return StatusListSigner.builder().key(KEY).clock(TestTokens.fixed(issuedAt)).validFor(validFor).build()
                .sign(URI, LIST);
    }

    @Test
    void freshListAnswersKnownWithItsIssuedAt() {
        StatusListStore store = store();
        assertTrue(store.load("list-1", token(T0, LIST)).isStored());

        StatusLookup.Known known = assertInstanceOf(StatusLookup.Known.class, store.lookup(URI, 1));
        assertEquals(TokenStatus.INVALID, known.status());
        assertEquals(T0, known.issuedAt());
        assertEquals(URI, known.uri());
        assertEquals(1, known.index());
        assertEquals(TokenStatus.SUSPENDED, ((StatusLookup.Known) store.lookup(URI, 2)).status());
        assertEquals(TokenStatus.of(3), ((StatusLookup.Known) store.lookup(URI, 3)).status());
    }

    @Test
    void isValidIsTrueOnlyForAFreshKnownValidEntry() {
        StatusListStore store = store();
        assertFalse(store.isValid(URI, 0), "unknown list");
        store.load("list-1", token(T0, LIST));

        assertTrue(store.isValid(URI, 0));
        assertTrue(store.isValid(new StatusReference(URI, 15)));
        assertFalse(store.isValid(URI, 1), "INVALID");
        assertFalse(store.isValid(URI, 2), "SUSPENDED");
        assertFalse(store.isValid(URI, 3), "application-specific 0x03");
        assertFalse(store.isValid(URI, 16), "out of range");
        assertFalse(store.isValid(URI, -1), "negative index");
        assertFalse(store.isValid(URI + "/other", 0), "another list");
        clock.set(T0.plus(MAX_AGE).plusSeconds(1));
        assertFalse(store.isValid(URI, 0), "stale");
    }

    @Test
    void unknownListIsStatusListUnknown() {
        StatusLookup lookup = store().lookup(URI, 0);
        assertEquals(ReasonCode.STATUS_LIST_UNKNOWN, assertInstanceOf(StatusLookup.Unavailable.class, lookup).reason());
        assertFalse(lookup.isFreshValid());
    }

    @Test
    void indexOutsideTheListIsOutOfRange() {
        StatusListStore store = store();
        store.load("list-1", token(T0, LIST));
        for (long index : new long[] {16, -1, Long.MAX_VALUE, 1L << 40}) {
            assertEquals(ReasonCode.STATUS_INDEX_OUT_OF_RANGE, unavailable(store.lookup(URI, index)), "index " + index);
        }
        assertInstanceOf(StatusLookup.Known.class, store.lookup(URI, 15));
    }

    @Test
    void listOlderThanMaxAgeIsStale() {
        StatusListStore store = store();
        store.load("list-1", token(T0, LIST));

        clock.set(T0.plus(MAX_AGE));
        assertInstanceOf(StatusLookup.Known.class, store.lookup(URI, 0), "exactly maxAge old is still fresh");
        clock.set(T0.plus(MAX_AGE).plusNanos(1));
        assertEquals(ReasonCode.STATUS_LIST_STALE, unavailable(store.lookup(URI, 0)));
        assertEquals(ReasonCode.STATUS_LIST_STALE, unavailable(store.lookup(URI, 99)), "stale is reported before range");
    }

    @Test
    void aStaleListIsLoggedOnceAsAWarningForTheOperator() {
        StatusListStore store = store();
        store.load("list-1", token(T0, LIST));
        try (LogCapture log = LogCapture.of(StatusListStore.class)) {
            store.lookup(URI, 0);
            assertEquals(List.of(), log.levels(), "a fresh list logs nothing");
            clock.set(T0.plus(MAX_AGE).plusSeconds(1));
            for (int i = 0; i < 3; i++) {
                assertEquals(ReasonCode.STATUS_LIST_STALE, unavailable(store.lookup(URI, i)));
            }
            // Once per list, not once per lookup: a busy verifier would otherwise flood the log.
            assertEquals(List.of(Level.WARNING), log.levels());
            String logged = log.messages(Level.WARNING).get(0);
            assertTrue(logged.startsWith("STATUS_LIST_STALE: status list '" + URI + "' was issued at " + T0), logged);
            assertTrue(logged.endsWith("its entries are refused until a newer list is loaded"), logged);

            // A newer list is fresh again, and its own staleness is news again.
            store.load("list-2", token(clock.instant(), LIST));
            assertInstanceOf(StatusLookup.Known.class, store.lookup(URI, 0));
            clock.set(clock.instant().plus(MAX_AGE).plusSeconds(1));
            store.lookup(URI, 0);
            assertEquals(List.of(Level.WARNING, Level.WARNING), log.levels());
        }
    }

    @Test
    void listAtOrPastItsExpIsStale() {
        StatusListStore store = store();
        store.load("list-1", expiringToken(T0, Duration.ofHours(1)));

        clock.set(T0.plusSeconds(3599));
        assertInstanceOf(StatusLookup.Known.class, store.lookup(URI, 0));
        clock.set(T0.plusSeconds(3600));
        StatusLookup.Unavailable stale = assertInstanceOf(StatusLookup.Unavailable.class, store.lookup(URI, 0));
        assertEquals(ReasonCode.STATUS_LIST_STALE, stale.reason());
        assertTrue(stale.message().contains("expired"), stale.message());
    }

    @Test
    void expiredTokenIsRejectedAtLoad() {
        clock.set(T0.plus(Duration.ofHours(2)));
        LoadResult result = store().load("old", expiringToken(T0, Duration.ofHours(1)));
        assertEquals(ReasonCode.EXPIRED, assertInstanceOf(LoadResult.Rejected.class, result).reason());
    }

    @Test
    void newerListReplacesAndOlderOrEqualNeverDoes() {
        StatusListStore store = store();
        StatusList newer = StatusList.builder(2, 16).set(0, TokenStatus.INVALID).build();
        assertTrue(store.load("v1", token(T0, LIST)).isStored());
        clock.set(T0.plusSeconds(7200));

        LoadResult.Stored replaced = assertInstanceOf(LoadResult.Stored.class, store.load("v2", token(T0.plusSeconds(3600), newer)));
        assertEquals(Optional.of(T0), replaced.replacedIssuedAt());
        assertFalse(store.isValid(URI, 0), "entry 0 is INVALID in the newer list");

        LoadResult.NotNewer older = assertInstanceOf(LoadResult.NotNewer.class, store.load("v1-again", token(T0, LIST)));
        assertEquals(T0, older.issuedAt());
        assertEquals(T0.plusSeconds(3600), older.heldIssuedAt());
        assertEquals("v1-again", older.source());
        assertInstanceOf(LoadResult.NotNewer.class, store.load("v2-twin", token(T0.plusSeconds(3600), LIST)),
                "same iat, different content: the held one stays");
        assertFalse(store.isValid(URI, 0), "still the newer list");
        assertEquals(T0.plusSeconds(3600), store.token(URI).orElseThrow().issuedAt());
        assertEquals(1, store.size());
    }

    @Test
    void rejectedTokenLeavesTheStoreUnchanged() {
        StatusListStore store = store();
        store.load("good", token(T0, LIST));
        SigningKey stranger = SigningKey.generate(SignatureAlgorithm.ES256);
        LoadResult result = store.load("forged", token(stranger, T0.plusSeconds(60), URI, StatusList.builder(2, 16).build()));

        LoadResult.Rejected rejected = assertInstanceOf(LoadResult.Rejected.class, result);
        assertEquals("forged", rejected.source());
        assertEquals(ReasonCode.KID_MISMATCH, rejected.reason());
        assertFalse(store.isValid(URI, 1));
        assertEquals(T0, store.token(URI).orElseThrow().issuedAt());
    }

    @Test
    void headerKidChoosesAmongTrustedKeys() {
        StatusListStore store = store();
        assertTrue(store.load("a", token(KEY, T0, URI, LIST)).isStored());
        assertTrue(store.load("b", token(SECOND_KEY, T0, URI + "/2", LIST)).isStored());
        assertEquals(SECOND_KEY.verificationKey(), store.token(URI + "/2").orElseThrow().key());
    }

    @Test
    void directoryLoadReportsEveryFileByName(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-good.jwt"), token(T0, LIST) + "\n");
        Files.writeString(dir.resolve("b-garbage.jwt"), "this is not a token");
        Files.writeString(dir.resolve("c-untrusted.jwt"),
                token(SigningKey.generate(SignatureAlgorithm.ES256), T0, URI + "/c", LIST));
        Files.writeString(dir.resolve("d-older.jwt"), token(T0.minusSeconds(60), LIST));
        Files.createDirectory(dir.resolve("e-directory.jwt"));
        Files.writeString(dir.resolve("f-ignored.txt"), "not a .jwt file");
        Files.write(dir.resolve("g-huge.jwt"), new byte[4096]);
        StatusListStore store = StatusListStore.builder().trustedKeys(List.of(KEY.verificationKey())).clock(clock)
                .maxAge(MAX_AGE).maxTokenLength(2048).build();

        List<LoadResult> results = store.loadDirectory(dir);

        assertEquals(List.of("a-good.jwt", "b-garbage.jwt", "c-untrusted.jwt", "d-older.jwt", "e-directory.jwt", "g-huge.jwt"),
                results.stream().map(r -> Path.of(r.source()).getFileName().toString()).toList());
        assertInstanceOf(LoadResult.Stored.class, results.get(0));
        assertEquals(ReasonCode.MALFORMED, assertInstanceOf(LoadResult.Rejected.class, results.get(1)).reason());
        assertEquals(ReasonCode.KID_MISMATCH, assertInstanceOf(LoadResult.Rejected.class, results.get(2)).reason());
        assertInstanceOf(LoadResult.NotNewer.class, results.get(3));
        assertInstanceOf(LoadResult.Unreadable.class, results.get(4));
        assertEquals(ReasonCode.TOO_LARGE, assertInstanceOf(LoadResult.Rejected.class, results.get(5)).reason());
        assertTrue(store.isValid(URI, 0));
        assertEquals(1, store.size());
    }

    @Test
    void missingDirectoryIsAnIoException(@TempDir Path dir) {
        assertThrows(IOException.class, () -> store().loadDirectory(dir.resolve("absent")));
    }

    @Test
    void storeBoundsAreEnforced() {
        StatusListStore oneList = StatusListStore.builder().trustedKeys(List.of(KEY.verificationKey())).clock(clock)
                .maxAge(MAX_AGE).maxLists(1).build();
        assertTrue(oneList.load("a", token(T0, LIST)).isStored());
        assertEquals(ReasonCode.TOO_LARGE,
                assertInstanceOf(LoadResult.Rejected.class, oneList.load("b", token(KEY, T0, URI + "/b", LIST))).reason());
        assertTrue(oneList.load("a2", token(T0.plusSeconds(1), LIST)).isStored(), "replacing the one list is fine");

        StatusListStore fewBytes = StatusListStore.builder().trustedKeys(List.of(KEY.verificationKey())).clock(clock)
                .maxAge(MAX_AGE).maxTotalBytes(6).build();
        assertTrue(fewBytes.load("a", token(T0, LIST)).isStored()); // 4 bytes
        assertEquals(ReasonCode.TOO_LARGE,
                assertInstanceOf(LoadResult.Rejected.class, fewBytes.load("b", token(KEY, T0, URI + "/b", LIST))).reason());

        StatusListStore smallLists = StatusListStore.builder().trustedKeys(List.of(KEY.verificationKey())).clock(clock)
                .maxAge(MAX_AGE).maxListBytes(3).build();
        assertEquals(ReasonCode.STATUS_LIST_INFLATE_BOUND,
                assertInstanceOf(LoadResult.Rejected.class, smallLists.load("a", token(T0, LIST))).reason());
    }

    @Test
    void lookupsDuringLoadsSeeOneWholeListOrTheOther() throws Exception {
        StatusListStore store = store();
        store.load("v0", token(T0, LIST));
        List<String> versions = new ArrayList<>();
        for (int v = 1; v <= 20; v++) {
            // Version v: entry 0 is VALID for even v, INVALID for odd; entry 1 always INVALID.
            StatusList list = StatusList.builder(2, 16).set(0, TokenStatus.of(v % 2)).set(1, TokenStatus.INVALID).build();
            versions.add(token(T0.plusSeconds(v), list));
        }
        clock.set(T0.plusSeconds(60));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    start.await();
                    int reads = 0;
                    for (int i = 0; i < 20_000; i++) {
                        StatusLookup lookup = store.lookup(URI, 1);
                        assertEquals(TokenStatus.INVALID, assertInstanceOf(StatusLookup.Known.class, lookup).status());
                        reads++;
                    }
                    return reads;
                }));
            }
            Future<?> writer = pool.submit(() -> {
                start.await();
                for (int v = 0; v < versions.size(); v++) {
                    assertTrue(store.load("v" + (v + 1), versions.get(v)).isStored());
                }
                return null;
            });
            start.countDown();
            writer.get(30, TimeUnit.SECONDS);
            for (Future<Integer> reader : readers) {
                assertEquals(20_000, reader.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(T0.plusSeconds(20), store.token(URI).orElseThrow().issuedAt());
        assertTrue(store.isValid(URI, 0), "version 20 has entry 0 VALID");
    }

    @Test
    void builderRefusesMisuse() {
        assertThrows(IllegalStateException.class, () -> StatusListStore.builder()
                .trustedKeys(List.of(KEY.verificationKey())).clock(clock).build(), "maxAge is required");
        assertThrows(IllegalStateException.class, () -> StatusListStore.builder().clock(clock).maxAge(MAX_AGE).build());
        assertThrows(IllegalStateException.class, () -> StatusListStore.builder()
                .trustedKeys(List.of(KEY.verificationKey())).maxAge(MAX_AGE).build());
        assertThrows(IllegalArgumentException.class, () -> StatusListStore.builder().maxAge(Duration.ZERO));
        assertThrows(IllegalStateException.class, () -> StatusListStore.builder().maxAge(MAX_AGE).maxAge(MAX_AGE));
        assertThrows(IllegalArgumentException.class, () -> StatusListStore.builder().maxLists(0));
        assertThrows(IllegalArgumentException.class, () -> StatusListStore.builder().maxListBytes(0));
        assertThrows(IllegalArgumentException.class, () -> StatusListStore.builder().maxSkew(Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> StatusListStore.builder().maxTokenLength(15));
        assertThrows(IllegalArgumentException.class, () -> StatusListStore.builder().maxTotalBytes(0));
        assertThrows(IllegalArgumentException.class, () -> StatusListStore.builder().trustedKeys(List.of()));
        assertThrows(IllegalArgumentException.class, () -> StatusListStore.builder()
                .trustedKeys(List.of(KEY.verificationKey(), KEY.verificationKey())).clock(clock).maxAge(MAX_AGE).build(),
                "two keys with one kid cannot be told apart");
    }

    private static ReasonCode unavailable(StatusLookup lookup) {
        return assertInstanceOf(StatusLookup.Unavailable.class, lookup).reason();
    }
}
