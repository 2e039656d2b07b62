package org.staffpass.crypto.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffpass.crypto.trust.TrustListSamples.KEY_POOL;
import static org.staffpass.crypto.trust.TrustListSamples.T0;
import static org.staffpass.crypto.trust.TrustListSamples.VCT_A;
import static org.staffpass.crypto.trust.TrustListSamples.VCT_B;
import static org.staffpass.crypto.trust.TrustListSamples.issuer;
import static org.staffpass.crypto.trust.TrustListSamples.list;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.staffpass.crypto.JwsSigner;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.internal.StrictJson;

class TrustListTest {
    private static final SigningKey ROOT = KEY_POOL.get(0);
    private static final Clock AT_T0 = Clock.fixed(T0, ZoneOffset.UTC);

    static TrustList sampleList() {
        return list(7)
                .issuer(issuer("https://issuer-one.example", KEY_POOL.get(2)).status(TrustedIssuer.Status.ACTIVE)
                        .credentialType(VCT_B).key(TrustListSamples.withKid(KEY_POOL.get(3), "second")).build())
                .issuer(issuer("https://issuer-two.example", KEY_POOL.get(4)).status(TrustedIssuer.Status.SUSPENDED)
                        .validUntil(T0.plusSeconds(86_400)).build())
                .build();
    }

    static ObjectNode samplePayload() {
        return StrictJson.parseObject(sampleList().toPayloadJson(), "sample").value();
    }

    static String signPayload(String json) {
        return JwsSigner.of(ROOT).sign(TrustList.TYPE, json.getBytes(StandardCharsets.UTF_8));
    }

    static Verification<TrustList> verifyPayload(String json) {
        return TrustList.verify(signPayload(json), List.of(ROOT.verificationKey()), AT_T0);
    }

    static Verification.Rejected<?> assertRejected(ReasonCode expected, Verification<?> result) {
        Verification.Rejected<?> rejected = assertInstanceOf(Verification.Rejected.class, result,
                () -> "expected " + expected + " but was accepted");
        assertEquals(expected, rejected.reason(), rejected::message);
        return rejected;
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void signedListVerifiesToTheSameList(SignatureAlgorithm algorithm) {
        SigningKey root = algorithm == SignatureAlgorithm.ES256 ? KEY_POOL.get(0) : KEY_POOL.get(1);
        TrustList original = sampleList();
        String jws = original.sign(root);

        TrustList verified = TrustList.verify(jws, List.of(root.verificationKey()), AT_T0).value();

        assertEquals(original, verified);
        assertEquals(original.issuers(), verified.issuers());
        assertEquals(7, verified.sequence());
        assertEquals(TrustListSamples.OPERATOR, verified.operator());
        assertEquals(Set.of(VCT_A, VCT_B), verified.issuer("https://issuer-one.example").orElseThrow().credentialTypes());
        assertEquals(Set.of(KEY_POOL.get(2).kid(), "second"),
                verified.issuer("https://issuer-one.example").orElseThrow().keys().keySet());
        assertEquals(Optional.of(T0.plusSeconds(86_400)), verified.issuers().get(1).validUntil());
        assertEquals(jws, original.sign(root), "signing is deterministic");
    }

    @Test
    void payloadMembersAreWrittenInTheDocumentedOrder() {
        ObjectNode payload = samplePayload();
        assertEquals(List.of("iss", "sequence", "iat", "exp", "issuers"), names(payload));
        assertEquals(List.of("id", "name", "organisationCode", "status", "validFrom", "credentialTypes", "jwks"),
                names(payload.get("issuers").get(0)));
        assertEquals(T0.getEpochSecond(), payload.get("iat").longValue());
        assertEquals("suspended", payload.get("issuers").get(1).get("status").textValue());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aListSignedByAnotherKeyIsRefused() {
        String jws = sampleList().sign(KEY_POOL.get(2));
        assertRejected(ReasonCode.KID_MISMATCH, TrustList.verify(jws, List.of(ROOT.verificationKey()), AT_T0));

        // The same kid on different key material: the signature itself fails.
        VerificationKey impostor = TrustListSamples.withKid(KEY_POOL.get(4), KEY_POOL.get(2).kid());
        assertRejected(ReasonCode.SIGNATURE_INVALID, TrustList.verify(jws, List.of(impostor), AT_T0));
    }

    @Test
    void eitherPinnedRootOfARotationVerifies() {
        List<VerificationKey> roots = List.of(KEY_POOL.get(0).verificationKey(), KEY_POOL.get(1).verificationKey());
        assertTrue(TrustList.verify(sampleList().sign(KEY_POOL.get(0)), roots, AT_T0).isAccepted());
        assertTrue(TrustList.verify(sampleList().sign(KEY_POOL.get(1)), roots, AT_T0).isAccepted());
        assertRejected(ReasonCode.KID_MISMATCH, TrustList.verify(sampleList().sign(KEY_POOL.get(5)), roots, AT_T0));
    }

    @Test
    void anyOtherTypIsRefused() {
        byte[] payload = sampleList().toPayloadJson().getBytes(StandardCharsets.UTF_8);
        List<VerificationKey> roots = List.of(ROOT.verificationKey());
        assertRejected(ReasonCode.TYP_MISMATCH, TrustList.verify(JwsSigner.of(ROOT).sign("statuslist+jwt", payload), roots, AT_T0));
        assertRejected(ReasonCode.TYP_MISMATCH, TrustList.verify(JwsSigner.of(ROOT).sign("JWT", payload), roots, AT_T0));
        assertRejected(ReasonCode.TYP_MISMATCH, TrustList.verify(JwsSigner.of(ROOT).sign(payload), roots, AT_T0));
        // RFC 7515 §4.1.9: the "application/" prefix may be written out.
        assertTrue(TrustList.verify(JwsSigner.of(ROOT).sign("application/" + TrustList.TYPE, payload), roots, AT_T0).isAccepted());
    }

    @Test
    void oversizedAndMalformedJwsAreRefusedBeforeParsing() {
        List<VerificationKey> roots = List.of(ROOT.verificationKey());
        assertRejected(ReasonCode.TOO_LARGE, TrustList.verify("a".repeat(TrustListRules.MAX_JWS_LENGTH + 1), roots, AT_T0));
        assertRejected(ReasonCode.MALFORMED, TrustList.verify("not.a-jws", roots, AT_T0));
    }

    @Test
    void aListIsUnusableFromItsExpiry() {
        String jws = sampleList().sign(ROOT);
        Instant exp = sampleList().expiresAt();
        List<VerificationKey> roots = List.of(ROOT.verificationKey());
        assertTrue(TrustList.verify(jws, roots, Clock.fixed(exp.minusSeconds(1), ZoneOffset.UTC)).isAccepted());
        assertRejected(ReasonCode.TRUST_LIST_EXPIRED, TrustList.verify(jws, roots, Clock.fixed(exp, ZoneOffset.UTC)));
        assertRejected(ReasonCode.TRUST_LIST_EXPIRED, TrustList.verify(jws, roots, Clock.fixed(exp.plusSeconds(3600), ZoneOffset.UTC)));
    }

    @Test
    void aListIssuedInTheFutureBeyondTheSkewIsNotYetValid() {
        String jws = sampleList().sign(ROOT);
        List<VerificationKey> roots = List.of(ROOT.verificationKey());
        Instant earliest = T0.minus(TrustList.ISSUED_AT_SKEW);
        assertTrue(TrustList.verify(jws, roots, Clock.fixed(earliest, ZoneOffset.UTC)).isAccepted());
        Verification.Rejected<?> early = assertRejected(ReasonCode.TRUST_LIST_NOT_YET_VALID,
                TrustList.verify(jws, roots, Clock.fixed(earliest.minusSeconds(1), ZoneOffset.UTC)));
        assertTrue(early.message().contains("sequence 7"), early.message());
    }

    // --- Payload format: each refusal names its JSON pointer ---

    static Stream<Arguments> invalidPayloads() {
        return Stream.of(
                bad("unknown top-level member", p -> p.put("nbf", 1), "/nbf"),
                bad("unknown issuer member", p -> issuer0(p).put("registry", "X"), "/issuers/0/registry"),
                bad("unknown jwks member", p -> ((ObjectNode) issuer0(p).get("jwks")).put("extra", 1), "/issuers/0/jwks/extra"),
                bad("unknown JWK member", p -> key00(p).put("x5t", "abc"), "/issuers/0/jwks/keys/0/x5t"),
                bad("unknown member with pointer specials", p -> p.put("a/b~c", 1), "/a~1b~0c"),
                bad("missing iss", p -> p.remove("iss"), "/iss"),
                bad("missing validFrom", p -> issuer0(p).remove("validFrom"), "/issuers/0/validFrom"),
                bad("missing kid", p -> key00(p).remove("kid"), "/issuers/0/jwks/keys/0/kid"),
                bad("iss not a string", p -> p.put("iss", 5), "/iss"),
                bad("iss empty", p -> p.put("iss", ""), "/iss"),
                bad("iss too long", p -> p.put("iss", "o".repeat(TrustListRules.MAX_OPERATOR_LENGTH + 1)), "/iss"),
                bad("sequence zero", p -> p.put("sequence", 0), "/sequence"),
                bad("sequence a fraction", p -> p.put("sequence", 7.5), "/sequence"),
                bad("sequence written 7.0", p -> p.put("sequence", new java.math.BigDecimal("7.0")), "/sequence"),
                bad("sequence a string", p -> p.put("sequence", "8"), "/sequence"),
                bad("sequence beyond 2^53-1", p -> p.put("sequence", TrustListRules.MAX_SEQUENCE + 1), "/sequence"),
                bad("iat a fraction", p -> p.put("iat", T0.getEpochSecond() + 0.5), "/iat"),
                bad("iat negative", p -> p.put("iat", -1), "/iat"),
                bad("exp past year 9999", p -> p.put("exp", TrustListRules.MAX_EPOCH_SECOND + 1), "/exp"),
                bad("exp equal to iat", p -> p.put("exp", p.get("iat").longValue()), "/exp"),
                bad("issuers not an array", p -> p.putObject("issuers"), "/issuers"),
                bad("too many issuers", p -> {
                    ArrayNode many = p.putArray("issuers");
                    for (int i = 0; i <= TrustListRules.MAX_ISSUERS; i++) {
                        many.addObject();
                    }
                }, "/issuers"),
                bad("issuer not an object", p -> ((ArrayNode) p.get("issuers")).set(0, "x"), "/issuers/0"),
                bad("id null", p -> issuer0(p).putNull("id"), "/issuers/0/id"),
                bad("id too long", p -> issuer0(p).put("id", "i".repeat(TrustListRules.MAX_ISSUER_ID_LENGTH + 1)), "/issuers/0/id"),
                bad("name with a control character", p -> issuer0(p).put("name", "Bad\u001b[31m"), "/issuers/0/name"),
                bad("name with C1 control", p -> issuer0(p).put("name", "Bad\u0085"), "/issuers/0/name"),
                bad("name with an unpaired surrogate", p -> issuer0(p).put("name", "Bad" + SURROGATE_ESCAPE + "x"), "/issuers/0/name"),
                bad("name too long", p -> issuer0(p).put("name", "n".repeat(TrustListRules.MAX_NAME_LENGTH + 1)), "/issuers/0/name"),
                bad("organisationCode too long", p -> issuer0(p).put("organisationCode",
                        "c".repeat(TrustListRules.MAX_ORGANISATION_CODE_LENGTH + 1)), "/issuers/0/organisationCode"),
                bad("status in capitals", p -> issuer0(p).put("status", "Active"), "/issuers/0/status"),
                bad("status unknown", p -> issuer0(p).put("status", "probation"), "/issuers/0/status"),
                bad("validUntil equal to validFrom", p -> issuer0(p).put("validUntil", T0.getEpochSecond()), "/issuers/0/validUntil"),
                bad("validUntil not a number", p -> issuer0(p).put("validUntil", "2030-01-01"), "/issuers/0/validUntil"),
                bad("credentialTypes empty", p -> issuer0(p).putArray("credentialTypes"), "/issuers/0/credentialTypes"),
                bad("credentialTypes repeated", p -> ((ArrayNode) issuer0(p).get("credentialTypes")).add(VCT_A),
                        "/issuers/0/credentialTypes/2"),
                bad("credential type not a string", p -> ((ArrayNode) issuer0(p).get("credentialTypes")).add(3),
                        "/issuers/0/credentialTypes/2"),
                bad("credential type too long", p -> ((ArrayNode) issuer0(p).get("credentialTypes"))
                        .add("t".repeat(TrustListRules.MAX_CREDENTIAL_TYPE_LENGTH + 1)), "/issuers/0/credentialTypes/2"),
                bad("too many credential types", p -> {
                    ArrayNode types = issuer0(p).putArray("credentialTypes");
                    for (int i = 0; i <= TrustListRules.MAX_TYPES_PER_ISSUER; i++) {
                        types.add("type-" + i);
                    }
                }, "/issuers/0/credentialTypes"),
                bad("jwks not an object", p -> issuer0(p).putArray("jwks"), "/issuers/0/jwks"),
                bad("no keys", p -> ((ObjectNode) issuer0(p).get("jwks")).putArray("keys"), "/issuers/0/jwks/keys"),
                bad("too many keys", p -> {
                    ArrayNode keys = ((ObjectNode) issuer0(p).get("jwks")).putArray("keys");
                    for (int i = 0; i <= TrustListRules.MAX_KEYS_PER_ISSUER; i++) {
                        keys.add(TrustListSamples.withKid(KEY_POOL.get(2), "k" + i).toJwk());
                    }
                }, "/issuers/0/jwks/keys"),
                bad("key not an object", p -> ((ArrayNode) issuer0(p).get("jwks").get("keys")).set(0, "x"),
                        "/issuers/0/jwks/keys/0"),
                bad("kid repeated within an issuer", p -> ((ArrayNode) issuer0(p).get("jwks").get("keys"))
                        .add(TrustListSamples.withKid(KEY_POOL.get(6), "second").toJwk()), "/issuers/0/jwks/keys/2/kid"),
                bad("kid empty", p -> key00(p).put("kid", ""), "/issuers/0/jwks/keys/0/kid"),
                bad("y on an Ed25519 key", p -> key01(p).put("y", key00(p).get("y").textValue()), "/issuers/0/jwks/keys/1/y"),
                bad("duplicate issuer id", p -> ((ObjectNode) p.get("issuers").get(1)).put("id", "https://issuer-one.example"),
                        "/issuers/1/id"));
    }

    private static final String SURROGATE_ESCAPE = "__unpaired_surrogate__";

    private static Arguments bad(String description, Consumer<ObjectNode> mutation, String pointer) {
        return Arguments.of(description, mutation, pointer);
    }

    static ObjectNode issuer0(ObjectNode payload) {
        return (ObjectNode) payload.get("issuers").get(0);
    }

    static ObjectNode key01(ObjectNode payload) {
        return (ObjectNode) issuer0(payload).get("jwks").get("keys").get(1);
    }

    /** The same bytes spelled differently: 32 bytes leave unused low bits in the last of 43 characters. */
    private static String nonCanonical(String base64url) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = base64url.charAt(base64url.length() - 1);
        return base64url.substring(0, base64url.length() - 1) + alphabet.charAt(alphabet.indexOf(last) | 1);
    }

    static ObjectNode key00(ObjectNode payload) {
        return (ObjectNode) issuer0(payload).get("jwks").get("keys").get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPayloads")
    void aPayloadOutsideTheFormatIsRefusedNamingThePointer(String description, Consumer<ObjectNode> mutation, String pointer) {
        ObjectNode payload = samplePayload();
        mutation.accept(payload);
        // An unpaired surrogate cannot be encoded as UTF-8; JSON can only carry one as an escape.
        String json = StrictJson.write(payload).replace(SURROGATE_ESCAPE, "\\ud800");

        Verification.Rejected<?> signed = assertRejected(ReasonCode.CLAIMS_INVALID, verifyPayload(json));
        assertTrue(signed.message().startsWith("trust list payload " + pointer + ": "), signed.message());
        Verification.Rejected<?> unsigned = assertRejected(ReasonCode.CLAIMS_INVALID, TrustList.parsePayload(json));
        assertEquals(signed.message(), unsigned.message());
    }

    @Test
    void everyRequiredMemberIsRequired() {
        for (String member : TrustListCodec.TOP_LEVEL_REQUIRED) {
            ObjectNode payload = samplePayload();
            payload.remove(member);
            Verification.Rejected<?> r = assertRejected(ReasonCode.CLAIMS_INVALID, TrustList.parsePayload(StrictJson.write(payload)));
            assertEquals("trust list payload /" + member + ": is required", r.message());
        }
        for (String member : TrustListCodec.ISSUER_REQUIRED) {
            ObjectNode payload = samplePayload();
            issuer0(payload).remove(member);
            Verification.Rejected<?> r = assertRejected(ReasonCode.CLAIMS_INVALID, TrustList.parsePayload(StrictJson.write(payload)));
            assertEquals("trust list payload /issuers/0/" + member + ": is required", r.message());
        }
    }

    @Test
    void aDuplicateMemberNameIsMalformed() {
        String json = StrictJson.write(samplePayload()).replaceFirst("\\{", "{\"sequence\":99,");
        assertRejected(ReasonCode.MALFORMED, verifyPayload(json));
        String inIssuer = StrictJson.write(samplePayload()).replaceFirst("\"status\":\"active\"",
                "\"status\":\"active\",\"status\":\"revoked\"");
        assertRejected(ReasonCode.MALFORMED, verifyPayload(inIssuer));
    }

    @Test
    void aPayloadThatIsNotAJsonObjectIsMalformed() {
        assertRejected(ReasonCode.MALFORMED, verifyPayload("[1,2]"));
        assertRejected(ReasonCode.MALFORMED, verifyPayload("{\"iss\":"));
        assertRejected(ReasonCode.MALFORMED, TrustList.parsePayload("{} {}"));
    }

    @Test
    void anOversizedUnsignedPayloadIsRefusedUnread() {
        assertRejected(ReasonCode.TOO_LARGE, TrustList.parsePayload(new byte[TrustListRules.MAX_PAYLOAD_BYTES + 1]));
    }

    @Test
    void aKeyWithPrivateMaterialIsRefusedWithTheKeysCode() {
        ObjectNode privateJwk = StrictJson.parseObject(KEY_POOL.get(2).toPrivateJwkJson(), "jwk").value();
        ObjectNode payload = samplePayload();
        ((ArrayNode) issuer0(payload).get("jwks").get("keys")).set(0, privateJwk);

        Verification.Rejected<?> r = assertRejected(ReasonCode.KEY_PRIVATE_MATERIAL, verifyPayload(StrictJson.write(payload)));
        assertTrue(r.message().startsWith("trust list payload /issuers/0/jwks/keys/0: "), r.message());
        assertFalse(r.message().contains(privateJwk.get("d").textValue()), "the secret is never echoed");
        assertRejected(ReasonCode.KEY_PRIVATE_MATERIAL, TrustList.parsePayload(StrictJson.write(payload)));
    }

    @Test
    void keysForOtherUsesOrTypesAreRefusedWithTheKeysCode() {
        Map<ReasonCode, Consumer<ObjectNode>> cases = Map.of(
                ReasonCode.KEY_USAGE_NOT_ALLOWED, key -> key.put("use", "enc"),
                ReasonCode.KEY_UNSUPPORTED, key -> key.put("kty", "RSA"),
                ReasonCode.KEY_MALFORMED, key -> key.put("x", "AAAA"));
        cases.forEach((code, mutation) -> {
            ObjectNode payload = samplePayload();
            mutation.accept(key00(payload));
            Verification.Rejected<?> r = assertRejected(code, verifyPayload(StrictJson.write(payload)));
            assertTrue(r.message().startsWith("trust list payload /issuers/0/jwks/keys/0: "), r.message());
        });
    }

    /** One key, one spelling: the key reader refuses non-canonical coordinates, so a list cannot re-spell a key. */
    @Test
    void nonCanonicalKeyCoordinatesAreRefusedWithTheKeysCode() {
        List<Consumer<ObjectNode>> respellings = List.of(
                p -> key01(p).put("x", key01(p).get("x").textValue() + "="),
                p -> key01(p).put("x", nonCanonical(key01(p).get("x").textValue())),
                p -> key00(p).put("y", nonCanonical(key00(p).get("y").textValue())));
        for (Consumer<ObjectNode> respelling : respellings) {
            ObjectNode payload = samplePayload();
            respelling.accept(payload);
            Verification.Rejected<?> r = assertRejected(ReasonCode.KEY_MALFORMED, verifyPayload(StrictJson.write(payload)));
            assertTrue(r.message().startsWith("trust list payload /issuers/0/jwks/keys/"), r.message());
        }
    }

    @Test
    void anEmptyListIsAValidList() {
        TrustList empty = list(3).build();
        assertEquals(List.of(), TrustList.verify(empty.sign(ROOT), List.of(ROOT.verificationKey()), AT_T0).value().issuers());
    }

    // --- Builders: programmer errors throw, naming the field ---

    @Test
    void theListBuilderNamesWhatIsMissing() {
        assertEquals("a TrustList needs operator(...)",
                assertThrows(IllegalStateException.class, () -> TrustList.builder().build()).getMessage());
        assertEquals("a TrustList needs expiresAt(...)", assertThrows(IllegalStateException.class,
                () -> TrustList.builder().operator("o").sequence(1).issuedAt(T0).build()).getMessage());
    }

    @Test
    void theListBuilderRefusesSecondCallsAndBrokenRules() {
        assertThrows(IllegalStateException.class, () -> TrustList.builder().operator("a").operator("b"));
        assertThrows(IllegalStateException.class, () -> TrustList.builder().sequence(1).sequence(2));
        assertThrows(IllegalArgumentException.class, () -> TrustList.builder().sequence(0));
        TrustedIssuer one = issuer("https://same.example", KEY_POOL.get(2)).status(TrustedIssuer.Status.ACTIVE).build();
        assertThrows(IllegalStateException.class, () -> list(1).issuer(one).issuer(one));
        assertThrows(IllegalArgumentException.class, () -> TrustList.builder().operator("o").sequence(1)
                .issuedAt(T0).expiresAt(T0).build());
        assertThrows(IllegalArgumentException.class, () -> TrustList.builder().operator("o").sequence(1)
                .issuedAt(T0.plusMillis(1)).expiresAt(T0.plusSeconds(5)).build());
        assertThrows(IllegalArgumentException.class, () -> TrustList.builder().operator("bad\n").sequence(1)
                .issuedAt(T0).expiresAt(T0.plusSeconds(5)).build());
    }

    @Test
    void theIssuerBuilderAndRecordEnforceTheFormat() {
        assertEquals("a TrustedIssuer needs status(...)", assertThrows(IllegalStateException.class,
                () -> issuer("https://x.example", KEY_POOL.get(2)).build()).getMessage());
        assertThrows(IllegalStateException.class, () -> TrustedIssuer.builder().id("a").id("b"));
        assertThrows(IllegalStateException.class, () -> TrustedIssuer.builder().credentialType(VCT_A).credentialType(VCT_A));
        assertThrows(IllegalStateException.class, () -> TrustedIssuer.builder()
                .key(KEY_POOL.get(2).verificationKey()).key(KEY_POOL.get(2).verificationKey()));
        assertThrows(IllegalArgumentException.class, () -> issuer("https://x.example", KEY_POOL.get(2))
                .status(TrustedIssuer.Status.ACTIVE).validUntil(T0).build());
        VerificationKey noKid = VerificationKey.fromJwk("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\""
                + KEY_POOL.get(1).verificationKey().toJwk().get("x").textValue() + "\"}").value();
        assertThrows(IllegalArgumentException.class, () -> TrustedIssuer.builder().key(noKid));
        VerificationKey key = KEY_POOL.get(2).verificationKey();
        assertThrows(IllegalArgumentException.class, () -> new TrustedIssuer("https://x.example", "X", "X",
                TrustedIssuer.Status.ACTIVE, T0, Optional.empty(), Set.of(VCT_A), Map.of("another-kid", key)));
        assertThrows(IllegalArgumentException.class, () -> new TrustedIssuer("https://x.example", "X", "X",
                TrustedIssuer.Status.ACTIVE, T0, Optional.empty(), Set.of(), Map.of(key.kid().orElseThrow(), key)));
        assertThrows(NullPointerException.class, () -> new TrustedIssuer(null, "X", "X",
                TrustedIssuer.Status.ACTIVE, T0, Optional.empty(), Set.of(VCT_A), Map.of(key.kid().orElseThrow(), key)));
    }

    @Test
    void anIssuersCollectionsCannotBeChangedAfterward() {
        TrustedIssuer issuer = sampleList().issuers().get(0);
        assertThrows(UnsupportedOperationException.class, () -> issuer.credentialTypes().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> issuer.keys().clear());
        assertThrows(UnsupportedOperationException.class, () -> sampleList().issuers().clear());
    }
}
