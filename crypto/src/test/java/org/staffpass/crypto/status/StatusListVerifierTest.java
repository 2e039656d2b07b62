package org.staffpass.crypto.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.staffpass.crypto.status.TestTokens.T0;
import static org.staffpass.crypto.status.TestTokens.URI;
import static org.staffpass.crypto.status.TestTokens.reason;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.crypto.internal.status.ZlibCodec;
import org.staffpass.testing.Property;

class StatusListVerifierTest {
    private static final SigningKey ES256 = SigningKey.generate(SignatureAlgorithm.ES256);
    private static final SigningKey EDDSA = SigningKey.generate(SignatureAlgorithm.EDDSA);
    private static final String LST_16_ONE_BIT = "eNrbuRgAAhcBXQ";

    private static StatusListVerifier verifier(SigningKey key, Instant now) {
        return StatusListVerifier.builder().key(key.verificationKey()).clock(TestTokens.fixed(now)).build();
    }

    private static StatusListSigner signer(SigningKey key, Instant now) {
        return StatusListSigner.builder().key(key).clock(TestTokens.fixed(now)).build();
    }

    /** A random list: bits from {1, 2, 4, 8}, whole bytes, mostly VALID with some of every value. */
    private static StatusList randomList(Random random) {
        int bits = new int[] {1, 2, 4, 8}[random.nextInt(4)];
        int perByte = 8 / bits;
        int size = perByte * Property.length(random, 2048);
        StatusList.Builder builder = StatusList.builder(bits, size);
        int changes = size == 0 ? 0 : random.nextInt(Math.min(size, 300) + 1);
        for (int i = 0; i < changes; i++) {
            builder.set(random.nextInt(size), TokenStatus.of(random.nextInt(1 << bits)));
        }
        return builder.build();
    }

    @Test
    void encodeSignVerifyDecodeRoundTripsForEveryBitSize() {
        Property.forAll("status list round trip", random -> {
            SigningKey key = random.nextBoolean() ? ES256 : EDDSA;
            return new Object[] {key, randomList(random), T0.plusSeconds(random.nextInt(1_000_000))};
        }, input -> {
            SigningKey key = (SigningKey) input[0];
            StatusList list = (StatusList) input[1];
            Instant issued = (Instant) input[2];
            String jwt = signer(key, issued).sign(URI, list);

            StatusListToken token = verifier(key, issued).verify(jwt).value();

            assertEquals(list, token.statusList());
            assertEquals(list.size(), token.statusList().size());
            for (int i = 0; i < list.size(); i++) {
                assertEquals(list.get(i), token.statusList().get(i));
            }
            assertEquals(URI, token.uri());
            assertEquals(issued, token.issuedAt());
            assertEquals(key.verificationKey(), token.key());
        });
    }

    @Test
    void everyBitSizeIsCoveredByTheRoundTrip() {
        for (int bits : new int[] {1, 2, 4, 8}) {
            StatusList.Builder builder = StatusList.builder(bits, 64);
            for (int i = 0; i < 64; i++) {
                builder.set(i, TokenStatus.of(i % (1 << bits)));
            }
            StatusList list = builder.build();
            assertEquals(list, verifier(ES256, T0).verify(signer(ES256, T0).sign(URI, list)).value().statusList());
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void signingIsDeterministicForTheSameInputsAndClock(SignatureAlgorithm algorithm) {
        SigningKey key = algorithm == SignatureAlgorithm.ES256 ? ES256 : EDDSA;
        StatusList list = StatusList.builder(2, 1024).set(7, TokenStatus.SUSPENDED).set(9, TokenStatus.INVALID).build();
        StatusListSigner signer = StatusListSigner.builder().key(key).clock(TestTokens.fixed(T0.plusMillis(999)))
                .validFor(Duration.ofDays(1)).timeToLive(Duration.ofHours(1)).build();

        assertEquals(signer.sign(URI, list), signer.sign(URI, list));
        assertEquals(signer.sign(URI, list), StatusListSigner.builder().key(key).clock(TestTokens.fixed(T0))
                .validFor(Duration.ofDays(1)).timeToLive(Duration.ofHours(1)).build().sign(URI, list),
                "iat is whole seconds, so a clock 999 ms later signs the same token");
        assertNotEquals(signer.sign(URI, list), signer(key, T0.plusSeconds(1)).sign(URI, list));
    }

    @Test
    void signerWritesTheDraftsClaimsAndHeader() {
        StatusListSigner signer = StatusListSigner.builder().key(ES256).clock(TestTokens.fixed(T0))
                .validFor(Duration.ofHours(12)).timeToLive(Duration.ofMinutes(30)).build();
        String jwt = signer.sign(URI, StatusList.builder(1, 16).build());

        ObjectNode header = decodePart(jwt, 0);
        ObjectNode claims = decodePart(jwt, 1);
        assertEquals("statuslist+jwt", header.get("typ").textValue());
        assertEquals("ES256", header.get("alg").textValue());
        assertEquals(ES256.kid(), header.get("kid").textValue());
        assertEquals(List.of("sub", "iat", "exp", "ttl", "status_list"), iterable(claims));
        assertEquals(T0.getEpochSecond(), claims.get("iat").longValue());
        assertEquals(T0.plus(Duration.ofHours(12)).getEpochSecond(), claims.get("exp").longValue());
        assertEquals(1800, claims.get("ttl").longValue());
        assertEquals(1, claims.get("status_list").get("bits").intValue());

        StatusListToken token = verifier(ES256, T0).verify(jwt).value();
        assertEquals(T0.plus(Duration.ofHours(12)), token.expiresAt().orElseThrow());
        assertEquals(Duration.ofMinutes(30), token.timeToLive().orElseThrow());
        assertTrue(token.aggregationUri().isEmpty());

        ObjectNode bare = decodePart(signer(ES256, T0).sign(URI, StatusList.builder(1, 8).build()), 1);
        assertFalse(bare.has("exp") || bare.has("ttl"), "exp and ttl only when configured");
    }

    @Test
    void otherTopLevelClaimsAndAnAggregationUriAreAccepted() {
        ObjectNode claims = TestTokens.claims(T0, 1, LST_16_ONE_BIT);
        claims.put("iss", "https://trust.example.nhs.uk").put("x-custom", true);
        ((ObjectNode) claims.get("status_list")).put("aggregation_uri", "https://trust.example.nhs.uk/statuslists");
        StatusListToken token = verifier(ES256, T0).verify(TestTokens.sign(ES256, claims)).value();
        assertEquals("https://trust.example.nhs.uk/statuslists", token.aggregationUri().orElseThrow());
    }

    // --- Rejections, one reason code each ---

    @Test
    void claimsThatBreakTheDraftAreClaimsInvalid() {
        List<Consumer<ObjectNode>> breakages = List.of(
                c -> c.remove("sub"),
                c -> c.put("sub", 42),
                c -> c.put("sub", ""),
                c -> c.put("sub", "statuslists/1"),
                c -> c.put("sub", "https://example.com/a list"),
                c -> c.put("sub", "https://example.com/" + "x".repeat(2049 - "https://example.com/".length())),
                c -> c.remove("iat"),
                c -> c.put("iat", "1700000000"),
                c -> c.put("iat", -5),
                c -> c.put("exp", "tomorrow"),
                c -> c.put("ttl", 0),
                c -> c.put("ttl", -60),
                c -> c.put("ttl", 1.5),
                c -> c.put("ttl", "60"),
                c -> c.remove("status_list"),
                c -> c.putArray("status_list"),
                c -> c.put("status_list", "eNrbuRgAAhcBXQ"),
                c -> statusList(c).remove("bits"),
                c -> statusList(c).put("bits", 3),
                c -> statusList(c).put("bits", 16),
                c -> statusList(c).put("bits", 0),
                c -> statusList(c).put("bits", "1"),
                c -> statusList(c).put("bits", 1.0),
                c -> statusList(c).remove("lst"),
                c -> statusList(c).put("lst", 7),
                c -> statusList(c).put("lst", "eNrbuRgAAhcBXQ=="),
                c -> statusList(c).put("lst", "eNrbuRgAAhcBXR"),
                c -> statusList(c).put("lst", "eNrbuRgAAhc+XQ"),
                c -> statusList(c).put("size", 16),
                c -> statusList(c).put("aggregation_uri", 1),
                c -> statusList(c).put("aggregation_uri", "/relative"));
        for (int i = 0; i < breakages.size(); i++) {
            ObjectNode claims = TestTokens.claims(T0, 1, LST_16_ONE_BIT);
            breakages.get(i).accept(claims);
            Verification<StatusListToken> result = verifier(ES256, T0).verify(TestTokens.sign(ES256, claims));
            assertEquals(ReasonCode.CLAIMS_INVALID, reason(result), "breakage " + i + ": " + claims);
        }
    }

    @Test
    void expiredIsExpiredBeyondTheSkewOnly() {
        ObjectNode claims = TestTokens.claims(T0, 1, LST_16_ONE_BIT);
        claims.put("exp", T0.plusSeconds(3600).getEpochSecond());
        String jwt = TestTokens.sign(ES256, claims);

        assertTrue(verifier(ES256, T0.plusSeconds(3600 + 59)).verify(jwt).isAccepted(), "within the default 60 s skew");
        assertEquals(ReasonCode.EXPIRED, reason(verifier(ES256, T0.plusSeconds(3600 + 60)).verify(jwt)));
        StatusListVerifier strict = StatusListVerifier.builder().key(ES256.verificationKey())
                .clock(TestTokens.fixed(T0.plusSeconds(3600))).maxSkew(Duration.ZERO).build();
        assertEquals(ReasonCode.EXPIRED, reason(strict.verify(jwt)), "now == exp is expired");
    }

    @Test
    void issuedOrValidInTheFutureIsNotYetValid() {
        String futureIat = TestTokens.sign(ES256, TestTokens.claims(T0.plusSeconds(61), 1, LST_16_ONE_BIT));
        assertEquals(ReasonCode.NOT_YET_VALID, reason(verifier(ES256, T0).verify(futureIat)));
        ObjectNode claims = TestTokens.claims(T0, 1, LST_16_ONE_BIT);
        claims.put("nbf", T0.plusSeconds(3600).getEpochSecond());
        assertEquals(ReasonCode.NOT_YET_VALID, reason(verifier(ES256, T0).verify(TestTokens.sign(ES256, claims))));
    }

    @Test
    void signedZipBombIsRejectedAtTheBoundWithBoundedMemory() {
        byte[] bomb = deflateZeros(100_000_000L);
        String jwt = TestTokens.sign(ES256, TestTokens.claims(T0, 1, Base64Url.encode(bomb)));
        StatusListVerifier verifier = verifier(ES256, T0);
        verifier.verify(jwt); // warm up, so class loading does not count below

        OptionalLong before = allocatedByThisThread();
        assumeTrue(before.isPresent(), "needs HotSpot's per-thread allocation counter");
        Verification<StatusListToken> result = verifier.verify(jwt);
        long allocated = allocatedByThisThread().orElseThrow() - before.getAsLong();

        assertEquals(ReasonCode.STATUS_LIST_INFLATE_BOUND, reason(result));
        // Inflating everything would take 100 MB; the bound (4 MiB) plus the doubling buffers stays far below.
        assertTrue(allocated < 4L * StatusListVerifier.DEFAULT_MAX_LIST_BYTES, "allocated " + allocated + " bytes");
    }

    @Test
    void listLargerThanAConfiguredBoundIsInflateBound() {
        String jwt = signer(ES256, T0).sign(URI, StatusList.builder(8, 1025).build());
        StatusListVerifier small = StatusListVerifier.builder().key(ES256.verificationKey()).clock(TestTokens.fixed(T0))
                .maxListBytes(1024).build();
        assertEquals(ReasonCode.STATUS_LIST_INFLATE_BOUND, reason(small.verify(jwt)));
        assertEquals(1025, verifier(ES256, T0).verify(jwt).value().statusList().size());
    }

    @Test
    void brokenZlibInsideASignedTokenIsMalformed() {
        byte[] good = ZlibCodec.deflate(new byte[] {(byte) 0xB9, (byte) 0xA3});
        byte[] trailing = java.util.Arrays.copyOf(good, good.length + 3);
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 2);
        for (byte[] lst : List.of(trailing, truncated, new byte[] {1, 2, 3})) {
            String jwt = TestTokens.sign(ES256, TestTokens.claims(T0, 1, Base64Url.encode(lst)));
            assertEquals(ReasonCode.MALFORMED, reason(verifier(ES256, T0).verify(jwt)));
        }
    }

    @Test
    void jwsFailuresPassThroughWithTheirCodes() {
        StatusListVerifier verifier = verifier(ES256, T0);
        String good = signer(ES256, T0).sign(URI, StatusList.builder(1, 8).build());
        String payload = StrictJson.write(TestTokens.claims(T0, 1, LST_16_ONE_BIT));

        assertEquals(ReasonCode.MALFORMED, reason(verifier.verify("not.a.token!")));
        assertEquals(ReasonCode.MALFORMED, reason(verifier.verify(TestTokens.sign(ES256, StatusListVerifier.TYPE, "[1,2]"))));
        assertEquals(ReasonCode.MALFORMED, reason(verifier.verify(TestTokens.sign(ES256, StatusListVerifier.TYPE,
                "{\"sub\":\"a\",\"sub\":\"b\"}"))), "duplicate claim names");
        assertEquals(ReasonCode.TYP_MISMATCH, reason(verifier.verify(TestTokens.sign(ES256, "JWT", payload))));
        assertEquals(ReasonCode.TYP_MISMATCH, reason(verifier.verify(
                org.staffpass.crypto.JwsSigner.of(ES256).sign(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
        assertEquals(ReasonCode.ALG_NOT_ALLOWED, reason(verifier.verify(TestTokens.sign(EDDSA, StatusListVerifier.TYPE, payload))));
        SigningKey other = SigningKey.generate(SignatureAlgorithm.ES256);
        assertEquals(ReasonCode.KID_MISMATCH, reason(verifier.verify(TestTokens.sign(other, StatusListVerifier.TYPE, payload))));
        String tampered = good.substring(0, good.length() - 4) + (good.endsWith("AAAA") ? "BAAA" : "AAAA");
        assertEquals(ReasonCode.SIGNATURE_INVALID, reason(verifier.verify(tampered)));
        StatusListVerifier shortBound = StatusListVerifier.builder().key(ES256.verificationKey()).clock(TestTokens.fixed(T0))
                .maxTokenLength(100).build();
        assertEquals(ReasonCode.TOO_LARGE, reason(shortBound.verify(good)));
    }

    @Test
    void headerCarryingAKeyOrCritIsHeaderNotAllowed() throws Exception {
        String payload = StrictJson.write(TestTokens.claims(T0, 1, LST_16_ONE_BIT));
        String base = "\"alg\":\"ES256\",\"kid\":\"" + ES256.kid() + "\",\"typ\":\"statuslist+jwt\"";
        String withJwk = "{" + base + ",\"jwk\":" + ES256.verificationKey().toJwkJson() + "}";
        String withCrit = "{" + base + ",\"crit\":[\"exp\"],\"exp\":1}";
        for (String header : List.of(withJwk, withCrit)) {
            String jwt = signWithRawHeader(header, payload);
            assertEquals(ReasonCode.HEADER_NOT_ALLOWED, reason(verifier(ES256, T0).verify(jwt)), header);
        }
        assertTrue(verifier(ES256, T0).verify(signWithRawHeader("{" + base + "}", payload)).isAccepted(),
                "the same hand-made signing path gives a good token without the refused members");
    }

    /** Signs a hand-written header with Nimbus (ES256 over the exact signing input), bypassing JwsSigner. */
    private static String signWithRawHeader(String header, String payload) throws Exception {
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        String signingInput = Base64Url.encode(header.getBytes(utf8)) + "." + Base64Url.encode(payload.getBytes(utf8));
        com.nimbusds.jose.crypto.ECDSASigner nimbus = new com.nimbusds.jose.crypto.ECDSASigner(
                com.nimbusds.jose.jwk.ECKey.parse(ES256.toPrivateJwkJson()));
        com.nimbusds.jose.util.Base64URL signature = nimbus.sign(
                new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.ES256),
                signingInput.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return signingInput + "." + signature;
    }

    @Test
    void typMayCarryTheApplicationPrefix() {
        String payload = StrictJson.write(TestTokens.claims(T0, 1, LST_16_ONE_BIT));
        assertTrue(verifier(ES256, T0).verify(TestTokens.sign(ES256, "application/statuslist+jwt", payload)).isAccepted());
        assertTrue(verifier(ES256, T0).verify(TestTokens.sign(ES256, "StatusList+JWT", payload)).isAccepted());
    }

    @Test
    void severalTrustedKeysAreChosenByKid() {
        StatusListVerifier both = StatusListVerifier.builder()
                .keys(List.of(ES256.verificationKey(), EDDSA.verificationKey())).clock(TestTokens.fixed(T0)).build();
        StatusList list = StatusList.builder(1, 8).build();
        assertEquals(EDDSA.verificationKey(), both.verify(signer(EDDSA, T0).sign(URI, list)).value().key());
        assertEquals(ES256.verificationKey(), both.verify(signer(ES256, T0).sign(URI, list)).value().key());
    }

    @Test
    void buildersRefuseMisuse() {
        assertThrows(IllegalStateException.class, () -> StatusListVerifier.builder().clock(TestTokens.fixed(T0)).build());
        assertThrows(IllegalStateException.class, () -> StatusListVerifier.builder().key(ES256.verificationKey()).build());
        assertThrows(IllegalStateException.class, () -> StatusListVerifier.builder().key(ES256.verificationKey())
                .key(EDDSA.verificationKey()));
        assertThrows(IllegalArgumentException.class, () -> StatusListVerifier.builder().maxSkew(Duration.ofMinutes(11)));
        assertThrows(IllegalArgumentException.class, () -> StatusListVerifier.builder().maxSkew(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> StatusListVerifier.builder().maxListBytes(0));
        assertThrows(IllegalArgumentException.class, () -> StatusListVerifier.builder().maxListBytes(StatusList.MAX_BYTES + 1));
        assertThrows(IllegalArgumentException.class, () -> StatusListVerifier.builder().keys(List.<VerificationKey>of()));

        assertThrows(IllegalStateException.class, () -> StatusListSigner.builder().key(ES256).build());
        assertThrows(IllegalStateException.class, () -> StatusListSigner.builder().clock(TestTokens.fixed(T0)).build());
        assertThrows(IllegalStateException.class, () -> StatusListSigner.builder().timeToLive(Duration.ofSeconds(5))
                .timeToLive(Duration.ofSeconds(6)));
        assertThrows(IllegalArgumentException.class, () -> StatusListSigner.builder().timeToLive(Duration.ofMillis(1500)));
        assertThrows(IllegalArgumentException.class, () -> StatusListSigner.builder().validFor(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> StatusListSigner.builder().validFor(Duration.ofDays(40_000)));
        StatusListSigner signer = signer(ES256, T0);
        StatusList list = StatusList.builder(1, 8).build();
        assertThrows(IllegalArgumentException.class, () -> signer.sign("statuslists/1", list));
        assertThrows(IllegalArgumentException.class, () -> signer.sign("https://example.com/ space", list));
    }

    private static ObjectNode statusList(ObjectNode claims) {
        return (ObjectNode) claims.get("status_list");
    }

    private static ObjectNode decodePart(String jwt, int part) {
        return StrictJson.parseObject(Base64Url.decode(jwt.split("\\.")[part]).orElseThrow(), "part").value();
    }

    private static List<String> iterable(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * Bytes this thread has allocated so far, from HotSpot's com.sun.management.ThreadMXBean.
     * Reached by reflection because the tests compile inside the crypto module, which does not
     * read java.management (and should not, for a test).
     */
    private static OptionalLong allocatedByThisThread() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            Class<?> hotspot = Class.forName("com.sun.management.ThreadMXBean");
            if (!hotspot.isInstance(bean)
                    || !(boolean) hotspot.getMethod("isThreadAllocatedMemoryEnabled").invoke(bean)) {
                return OptionalLong.empty();
            }
            return OptionalLong.of((long) hotspot.getMethod("getCurrentThreadAllocatedBytes").invoke(bean));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static byte[] deflateZeros(long count) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] zeros = new byte[1 << 20];
        byte[] chunk = new byte[1 << 16];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (long left = count; left > 0; left -= zeros.length) {
            deflater.setInput(zeros, 0, (int) Math.min(zeros.length, left));
            while (!deflater.needsInput()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }
}
