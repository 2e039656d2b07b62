package org.staffpass.crypto.sdjwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffpass.crypto.sdjwt.SdJwtTokens.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.staffpass.crypto.JwsSigner;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.internal.StrictJson;

/** Every reason code the SD-JWT verifier gives, each from the smallest input that earns it. */
class SdJwtVerifierTest {
    private static final String GIVEN = disclosure("salt-given-0001", "given_name", TextNode.valueOf("Ada"));
    private static final String FAMILY = disclosure("salt-family-001", "family_name", TextNode.valueOf("Lovelace"));

    /** A payload whose top-level _sd holds the given digests. */
    private static ObjectNode payloadWith(String... digests) {
        ObjectNode payload = baseClaims();
        ArrayNode sd = payload.putArray("_sd");
        for (String d : digests) {
            sd.add(d);
        }
        payload.put("_sd_alg", "sha-256");
        return payload;
    }

    private static String good() {
        return sdJwt(sign(payloadWith(digest(GIVEN), digest(FAMILY))), GIVEN, FAMILY);
    }

    @Nested
    class General {
        @Test
        void aHandBuiltCredentialVerifies() {
            VerifiedSdJwt verified = assertAccepted(verifyBound(withKb(good())));
            assertEquals("Ada", verified.claims().get("given_name").textValue());
            assertEquals(List.of(ClaimPath.of("given_name"), ClaimPath.of("family_name")),
                    verified.disclosures().stream().map(Disclosure::path).toList());
            assertEquals(HOLDER.verificationKey().thumbprint(), verified.holderKey().orElseThrow().thumbprint());
            assertTrue(!verified.claims().has("_sd") && !verified.claims().has("_sd_alg"));
        }

        @Test
        void builderRefusesMissingAndRepeatedSettings() {
            assertThrows(IllegalStateException.class, () -> SdJwtVerifier.builder().clock(CLOCK).build());
            assertThrows(IllegalStateException.class, () -> SdJwtVerifier.builder().issuerKey(ISSUER.verificationKey()).build());
            assertThrows(IllegalStateException.class, () -> SdJwtVerifier.builder().issuerKey(ISSUER.verificationKey())
                    .issuerKeys((i, k, v) -> Verification.accepted(ISSUER.verificationKey())));
            assertThrows(IllegalArgumentException.class, () -> SdJwtVerifier.builder().skew(Duration.ofMinutes(11)));
            assertThrows(IllegalArgumentException.class, () -> SdJwtVerifier.builder().keyBindingWindow(Duration.ofSeconds(-1)));
            assertThrows(IllegalStateException.class, () -> SdJwtVerifier.builder().maxLength(100).maxLength(200));
            assertThrows(IllegalArgumentException.class, () -> KeyBinding.required("", NONCE));
        }
    }

    @Nested
    class Structure {
        @Test
        void tooLargeBeforeAnythingIsParsed() {
            SdJwtVerifier small = SdJwtVerifier.builder().issuerKey(ISSUER.verificationKey()).clock(CLOCK).maxLength(100).build();
            assertRejected(ReasonCode.TOO_LARGE, small.verify("~".repeat(101), KeyBinding.optional()));
        }

        @Test
        void tooManyDisclosures() {
            SdJwtVerifier few = SdJwtVerifier.builder().issuerKey(ISSUER.verificationKey()).clock(CLOCK).maxDisclosures(1).build();
            assertRejected(ReasonCode.TOO_LARGE, few.verify(good(), KeyBinding.optional()));
        }

        @Test
        void aQuarterMillionDisclosuresAreEachHashedOnce() {
            // 250,000 distinct tiny disclosures, just under 4 MiB: answered after one pass, not a quadratic search.
            StringBuilder input = new StringBuilder(sign(payloadWith(digest(GIVEN)))).append('~').append(GIVEN).append('~');
            for (int i = 0; i < 250_000; i++) {
                input.append(element(Integer.toString(i, 36), IntNode.valueOf(0))).append('~');
            }
            assertTrue(input.length() < SdJwtVerifier.DEFAULT_MAX_LENGTH, "within the bound: " + input.length());
            assertRejected(ReasonCode.DISCLOSURE_UNREFERENCED, verify(input.toString()));
            String twoCharacterDisclosures = sign(payloadWith()) + "~" + "AA~".repeat(1_000_000);
            assertRejected(ReasonCode.DISCLOSURE_MALFORMED, verify(twoCharacterDisclosures));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "~", "abc", "a.b.c", "a.b.c~d", "a.b.c~~", "a.b.c~d~a.b.c~", "a.b.c~ ~", "a.b.c~d=~",
            "a.b.c~d~e.f", "a.b.c~d~e.f.g.h", "a.b.c~\u00e9~"})
        void outsideTheGrammarIsMalformed(String input) {
            assertRejected(ReasonCode.MALFORMED, verify(input));
        }

        @Test
        void aBareJwtOrAMissingFinalTildeIsMalformed() {
            String good = good();
            assertRejected(ReasonCode.MALFORMED, verify(good.substring(0, good.indexOf('~'))));
            assertRejected(ReasonCode.MALFORMED, verify(good.substring(0, good.length() - 1)));
            assertRejected(ReasonCode.MALFORMED, verify(withKb(good) + "~"));
        }

        @Test
        void payloadMustBeStrictJsonObject() {
            assertRejected(ReasonCode.MALFORMED, verify(sdJwt(sign("[1]"))));
            assertRejected(ReasonCode.MALFORMED, verify(sdJwt(sign("{\"iss\":\"a\",\"iss\":\"b\"}"))));
            assertRejected(ReasonCode.MALFORMED, verify(sdJwt(sign("{\"_sd\":\"x\"}"))));
            assertRejected(ReasonCode.MALFORMED, verify(sdJwt(sign("{\"_sd\":[1]}"))));
            assertRejected(ReasonCode.MALFORMED, verify(sdJwt(sign("{\"a\":{\"...\":\"x\"}}"))));
            assertRejected(ReasonCode.MALFORMED, verify(sdJwt(sign("{\"a\":[{\"...\":\"x\",\"b\":1}]}"))));
            assertRejected(ReasonCode.MALFORMED, verify(sdJwt(sign("{\"a\":[{\"...\":1}]}"))));
        }

        @Test
        void nonNumericTimesAreMalformed() {
            ObjectNode payload = baseClaims();
            payload.put("exp", "tomorrow");
            assertRejected(ReasonCode.MALFORMED, verify(sdJwt(sign(payload))));
        }

        @Test
        void processedNestingBeyond32IsMalformedEvenThroughDisclosures() {
            // A chain of recursive disclosures, each adding one level: only the processed depth shows it.
            List<String> chain = new ArrayList<>();
            String inner = null;
            for (int i = 0; i < 40; i++) {
                ObjectNode value = object();
                if (inner != null) {
                    value.putArray("_sd").add(digest(inner));
                }
                inner = disclosure("salt-chain-" + i, "c", value);
                chain.add(inner);
            }
            String presentation = sdJwt(sign(payloadWith(digest(inner))), chain.toArray(String[]::new));
            assertRejected(ReasonCode.MALFORMED, verify(presentation));
        }

        @Test
        void anIssuedSdJwtMustNotCarryAKbJwt() {
            assertRejected(ReasonCode.MALFORMED, verifier().verify(withKb(good()), KeyBinding.forbidden()));
            assertAccepted(verifier().verify(good(), KeyBinding.forbidden()));
        }
    }

    @Nested
    class IssuerJwt {
        @Test
        void wrongKeyIsSignatureInvalid() {
            VerificationKey other = SigningKey.generate(SignatureAlgorithm.ES256).verificationKey();
            SdJwtVerifier verifier = SdJwtVerifier.builder().issuerKey(withoutKid(other)).clock(CLOCK).build();
            assertRejected(ReasonCode.SIGNATURE_INVALID, verifier.verify(good(), KeyBinding.optional()));
        }

        @Test
        void aKidNamingAnotherKeyIsSignatureInvalid() {
            ObjectNode jwk = ISSUER.verificationKey().toJwk();
            jwk.put("kid", "another-kid");
            SdJwtVerifier verifier = SdJwtVerifier.builder().issuerKey(VerificationKey.fromJwk(jwk).value()).clock(CLOCK).build();
            Verification.Rejected<VerifiedSdJwt> r = assertRejected(ReasonCode.SIGNATURE_INVALID,
                    verifier.verify(good(), KeyBinding.optional()));
            assertTrue(r.message().contains("kid"), r.message());
        }

        @Test
        void tamperedPayloadIsSignatureInvalid() {
            String jwt = sign(payloadWith(digest(GIVEN)));
            String[] parts = jwt.split("\\.");
            String forged = parts[0] + "." + b64(StrictJson.write(payloadWith(digest(FAMILY)))) + "." + parts[2];
            assertRejected(ReasonCode.SIGNATURE_INVALID, verify(sdJwt(forged, FAMILY)));
        }

        @Test
        void anotherAlgorithmIsNotAllowed() {
            SigningKey ed = SigningKey.generate(SignatureAlgorithm.EDDSA);
            String jwt = JwsSigner.of(ed).sign("dc+sd-jwt", StrictJson.write(payloadWith()).getBytes(StandardCharsets.UTF_8));
            assertRejected(ReasonCode.ALG_NOT_ALLOWED, verify(sdJwt(jwt)));
            String none = b64("{\"alg\":\"none\",\"typ\":\"dc+sd-jwt\"}") + "." + b64("{}") + ".";
            assertRejected(ReasonCode.ALG_NOT_ALLOWED, verify(none + "~"));
        }

        @Test
        void typeIsCheckedWhenExpectedAndKbJwtIsRefusedAlways() {
            SdJwtVerifier typed = SdJwtVerifier.builder().issuerKey(ISSUER.verificationKey()).clock(CLOCK)
                    .expectedType("example+sd-jwt").build();
            assertRejected(ReasonCode.TYP_MISMATCH, typed.verify(good(), KeyBinding.optional()));
            String kbTyped = JwsSigner.of(ISSUER).sign("kb+jwt", StrictJson.write(payloadWith()).getBytes(StandardCharsets.UTF_8));
            assertRejected(ReasonCode.TYP_MISMATCH, verify(sdJwt(kbTyped)));
            assertThrows(IllegalArgumentException.class, () -> SdJwtVerifier.builder().expectedType("KB+JWT"));
        }

        @Test
        void expiredAndNotYetValidAllowTheSkew() {
            String token = good();
            Clock late = Clock.fixed(NOW.plusSeconds(3600 + 60), ZoneOffset.UTC);
            Clock almost = Clock.fixed(NOW.plusSeconds(3600 + 59), ZoneOffset.UTC);
            Clock early = Clock.fixed(NOW.minusSeconds(60 + 61), ZoneOffset.UTC);
            assertRejected(ReasonCode.EXPIRED, at(late).verify(token, KeyBinding.optional()));
            assertAccepted(at(almost).verify(token, KeyBinding.optional()));
            assertRejected(ReasonCode.NOT_YET_VALID, at(early).verify(token, KeyBinding.optional()));
            ObjectNode payload = payloadWith();
            payload.put("nbf", NOW.getEpochSecond() + 61);
            assertRejected(ReasonCode.NOT_YET_VALID, verify(sdJwt(sign(payload))));
        }

        private SdJwtVerifier at(Clock clock) {
            return SdJwtVerifier.builder().issuerKey(ISSUER.verificationKey()).clock(clock).build();
        }

        @Test
        void aResolverGetsIssuerKidAndVctAndItsRefusalPassesThrough() {
            AtomicReference<List<Object>> asked = new AtomicReference<>();
            ObjectNode payload = payloadWith();
            payload.put("vct", "urn:example:staff:1");
            String token = sdJwt(sign(payload));
            SdJwtVerifier resolving = SdJwtVerifier.builder().clock(CLOCK).issuerKeys((iss, kid, vct) -> {
                asked.set(List.of(iss, kid, vct));
                return Verification.accepted(ISSUER.verificationKey());
            }).build();
            assertAccepted(resolving.verify(token, KeyBinding.optional()));
            assertEquals(List.of("https://issuer.example", Optional.of(ISSUER.kid()), Optional.of("urn:example:staff:1")), asked.get());
            SdJwtVerifier refusing = SdJwtVerifier.builder().clock(CLOCK)
                    .issuerKeys((iss, kid, vct) -> Verification.rejected(ReasonCode.UNKNOWN_ISSUER, "not listed")).build();
            assertRejected(ReasonCode.UNKNOWN_ISSUER, refusing.verify(token, KeyBinding.optional()));
            ObjectNode noIss = payloadWith();
            noIss.remove("iss");
            assertRejected(ReasonCode.MALFORMED, resolving.verify(sdJwt(sign(noIss)), KeyBinding.optional()));
            SdJwtVerifier wrongKey = SdJwtVerifier.builder().clock(CLOCK).issuerKeys((iss, kid, vct) ->
                    Verification.accepted(withoutKid(HOLDER.verificationKey()))).build();
            assertRejected(ReasonCode.SIGNATURE_INVALID, wrongKey.verify(token, KeyBinding.optional()));
        }
    }

    @Nested
    class HashAlgorithm {
        @ParameterizedTest
        @ValueSource(strings = {"md5", "sha-1", "SHA-256", "sha256", "sha-256-32", ""})
        void unknownSdAlgIsUnsupported(String alg) {
            ObjectNode payload = payloadWith();
            payload.put("_sd_alg", alg);
            assertRejected(ReasonCode.SD_ALG_UNSUPPORTED, verify(sdJwt(sign(payload))));
        }

        @Test
        void nonStringSdAlgIsUnsupported() {
            ObjectNode payload = payloadWith();
            payload.put("_sd_alg", 256);
            assertRejected(ReasonCode.SD_ALG_UNSUPPORTED, verify(sdJwt(sign(payload))));
        }

        @ParameterizedTest
        @ValueSource(strings = {"sha-384", "sha-512"})
        void sha384And512DigestDisclosuresAndSdHash(String alg) {
            String jca = alg.equals("sha-384") ? "SHA-384" : "SHA-512";
            ObjectNode payload = payloadWith(digest(jca, GIVEN));
            payload.put("_sd_alg", alg);
            String sdJwt = sdJwt(sign(payload), GIVEN);
            ObjectNode kb = kbClaims(sdJwt);
            kb.put("sd_hash", digest(jca, sdJwt));
            VerifiedSdJwt verified = assertAccepted(verifyBound(sdJwt + kb(HOLDER, "kb+jwt", kb)));
            assertEquals("Ada", verified.claims().get("given_name").textValue());
            // A SHA-256 sd_hash does not do for a SHA-384/512 credential.
            assertRejected(ReasonCode.KB_SD_HASH_MISMATCH, verifyBound(sdJwt + kb(HOLDER, "kb+jwt", kbClaims(sdJwt))));
            // Nor does a SHA-256 digest find the disclosure.
            ObjectNode wrong = payloadWith(digest(GIVEN));
            wrong.put("_sd_alg", alg);
            assertRejected(ReasonCode.DISCLOSURE_UNREFERENCED, verify(sdJwt(sign(wrong), GIVEN)));
        }

        @Test
        void absentSdAlgMeansSha256() {
            ObjectNode payload = payloadWith(digest(GIVEN));
            payload.remove("_sd_alg");
            assertAccepted(verifyBound(withKb(sdJwt(sign(payload), GIVEN))));
        }
    }

    @Nested
    class Disclosures {
        @ParameterizedTest
        @ValueSource(strings = {"WyJhIiwiYiJdx", "e30", "WzFd", "WyJhIl0", "WyJhIiwiYiIsMSwyXQ", "WzEsImIiLDFd", "WyJhIiwxLDFd",
            "bm90IGpzb24", "WyJhIiwiYiJdXQ", "77u_WyJhIiwiYiJd"})
        void malformedDisclosures(String encoded) {
            // Not canonical base64url, an object, one or four elements, salt or name not a string, not JSON,
            // trailing data, a byte order mark.
            assertRejected(ReasonCode.DISCLOSURE_MALFORMED, verify(sdJwt(sign(payloadWith(digest(encoded))), encoded)));
        }

        @Test
        void aDisclosureNoDigestReferencesIsUnreferenced() {
            assertRejected(ReasonCode.DISCLOSURE_UNREFERENCED, verify(sdJwt(sign(payloadWith(digest(GIVEN))), GIVEN, FAMILY)));
        }

        @Test
        void aNestedDisclosureWithoutItsParentIsUnreferenced() {
            String street = disclosure("salt-street-01", "street", TextNode.valueOf("1 Main St"));
            ObjectNode address = object();
            address.putArray("_sd").add(digest(street));
            String addressDisclosure = disclosure("salt-address-1", "address", address);
            String jwt = sign(payloadWith(digest(addressDisclosure)));
            assertAccepted(verify(sdJwt(jwt, addressDisclosure, street)));
            assertAccepted(verify(sdJwt(jwt, addressDisclosure)));
            assertRejected(ReasonCode.DISCLOSURE_UNREFERENCED, verify(sdJwt(jwt, street)));
        }

        @Test
        void anAlteredDisclosureIsUnreferenced() {
            String altered = disclosure("salt-given-0001", "given_name", TextNode.valueOf("Eve"));
            assertRejected(ReasonCode.DISCLOSURE_UNREFERENCED, verify(sdJwt(sign(payloadWith(digest(GIVEN))), altered)));
        }

        @Test
        void theSameDisclosureTwiceIsDuplicate() {
            assertRejected(ReasonCode.DISCLOSURE_DUPLICATE, verify(sdJwt(sign(payloadWith(digest(GIVEN))), GIVEN, GIVEN)));
        }

        @Test
        void aDigestTwiceAnywhereIsDuplicateDisclosedOrNot() {
            String decoy = digest("a decoy");
            assertRejected(ReasonCode.DISCLOSURE_DUPLICATE, verify(sdJwt(sign(payloadWith(digest(GIVEN), digest(GIVEN))), GIVEN)));
            assertRejected(ReasonCode.DISCLOSURE_DUPLICATE, verify(sdJwt(sign(payloadWith(decoy, decoy)))));
            ObjectNode payload = payloadWith(decoy);
            payload.putArray("list").addObject().put("...", decoy);
            assertRejected(ReasonCode.DISCLOSURE_DUPLICATE, verify(sdJwt(sign(payload))));
            ObjectNode nested = object();
            nested.putArray("_sd").add(decoy);
            String inner = disclosure("salt-nested-1", "nested", nested);
            assertRejected(ReasonCode.DISCLOSURE_DUPLICATE, verify(sdJwt(sign(payloadWith(decoy, digest(inner))), inner)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"_sd", "..."})
        void reservedNamesConflict(String name) {
            String reserved = disclosure("salt-reserved", name, array());
            assertRejected(ReasonCode.DISCLOSURE_CLAIM_CONFLICT, verify(sdJwt(sign(payloadWith(digest(reserved))), reserved)));
        }

        @Test
        void aNameThatExistsConflicts() {
            String iss = disclosure("salt-iss-00001", "iss", TextNode.valueOf("https://evil.example"));
            assertRejected(ReasonCode.DISCLOSURE_CLAIM_CONFLICT, verify(sdJwt(sign(payloadWith(digest(iss))), iss)));
            String again = disclosure("salt-given-0002", "given_name", TextNode.valueOf("Eve"));
            assertRejected(ReasonCode.DISCLOSURE_CLAIM_CONFLICT,
                    verify(sdJwt(sign(payloadWith(digest(GIVEN), digest(again))), GIVEN, again)));
        }

        @Test
        void theWrongKindOfSlotConflicts() {
            String elementDisclosure = element("salt-element-1", TextNode.valueOf("DE"));
            assertRejected(ReasonCode.DISCLOSURE_CLAIM_CONFLICT,
                    verify(sdJwt(sign(payloadWith(digest(elementDisclosure))), elementDisclosure)));
            ObjectNode payload = payloadWith();
            payload.putArray("nationalities").addObject().put("...", digest(GIVEN));
            assertRejected(ReasonCode.DISCLOSURE_CLAIM_CONFLICT, verify(sdJwt(sign(payload), GIVEN)));
        }

        @Test
        void arrayElementsAreDisclosedInPlaceAndUndisclosedOnesRemoved() {
            String us = element("salt-us-000001", TextNode.valueOf("US"));
            String de = element("salt-de-000001", TextNode.valueOf("DE"));
            ObjectNode payload = payloadWith();
            ArrayNode list = payload.putArray("nationalities");
            list.addObject().put("...", digest(us));
            list.add("FR");
            list.addObject().put("...", digest(de));
            list.addObject().put("...", digest("decoy"));
            VerifiedSdJwt verified = assertAccepted(verify(sdJwt(sign(payload), de)));
            assertEquals("[\"FR\",\"DE\"]", verified.claims().get("nationalities").toString());
            assertEquals(ClaimPath.of("nationalities", 1), verified.disclosures().get(0).path());
            assertEquals(Optional.empty(), verified.disclosures().get(0).name());
        }
    }

    @Nested
    class KeyBindingJwt {
        @Test
        void requiredAndAbsentIsMissing() {
            assertRejected(ReasonCode.KB_MISSING, verifyBound(good()));
        }

        @Test
        void optionalAndAbsentIsFineButPresentMustVerify() {
            assertAccepted(verify(good()));
            String sdJwt = good();
            ObjectNode stale = kbClaims(sdJwt);
            stale.put("iat", NOW.getEpochSecond() - 301);
            assertRejected(ReasonCode.KB_IAT_OUT_OF_WINDOW, verify(sdJwt + kb(HOLDER, "kb+jwt", stale)));
            ObjectNode noAud = kbClaims(sdJwt);
            noAud.remove("aud");
            assertRejected(ReasonCode.KB_AUD_MISMATCH, verify(sdJwt + kb(HOLDER, "kb+jwt", noAud)));
            ObjectNode noNonce = kbClaims(sdJwt);
            noNonce.set("nonce", IntNode.valueOf(5));
            assertRejected(ReasonCode.KB_NONCE_MISMATCH, verify(sdJwt + kb(HOLDER, "kb+jwt", noNonce)));
            VerifiedSdJwt verified = assertAccepted(verify(withKb(sdJwt)));
            assertEquals(AUD, verified.keyBinding().orElseThrow().audience());
        }

        @Test
        void wrongTypOrStructureIsMalformed() {
            String sdJwt = good();
            assertRejected(ReasonCode.KB_MALFORMED, verifyBound(sdJwt + kb(HOLDER, "jwt", kbClaims(sdJwt))));
            assertRejected(ReasonCode.KB_MALFORMED, verifyBound(sdJwt + JwsSigner.of(HOLDER).sign(
                    StrictJson.write(kbClaims(sdJwt)).getBytes(StandardCharsets.UTF_8))));
            assertRejected(ReasonCode.KB_MALFORMED, verifyBound(sdJwt + JwsSigner.of(HOLDER).sign("kb+jwt",
                    "not json".getBytes(StandardCharsets.UTF_8))));
            assertRejected(ReasonCode.KB_MALFORMED, verifyBound(sdJwt + "e30.e30.AAAA"));
            SigningKey ed = SigningKey.generate(SignatureAlgorithm.EDDSA);
            assertRejected(ReasonCode.KB_MALFORMED, verifyBound(sdJwt + kb(ed, "kb+jwt", kbClaims(sdJwt))));
        }

        @Test
        void anotherHoldersSignatureIsInvalid() {
            String sdJwt = good();
            SigningKey thief = SigningKey.generate(SignatureAlgorithm.ES256);
            assertRejected(ReasonCode.KB_SIGNATURE_INVALID, verifyBound(sdJwt + kb(thief, "kb+jwt", kbClaims(sdJwt))));
        }

        @Test
        void audNonceAndSdHashMustMatch() {
            String sdJwt = good();
            ObjectNode aud = kbClaims(sdJwt);
            aud.put("aud", "https://other.example");
            assertRejected(ReasonCode.KB_AUD_MISMATCH, verifyBound(sdJwt + kb(HOLDER, "kb+jwt", aud)));
            ObjectNode audArray = kbClaims(sdJwt);
            audArray.putArray("aud").add(AUD);
            assertRejected(ReasonCode.KB_AUD_MISMATCH, verifyBound(sdJwt + kb(HOLDER, "kb+jwt", audArray)));
            ObjectNode nonce = kbClaims(sdJwt);
            nonce.put("nonce", "replayed");
            assertRejected(ReasonCode.KB_NONCE_MISMATCH, verifyBound(sdJwt + kb(HOLDER, "kb+jwt", nonce)));
            ObjectNode noHash = kbClaims(sdJwt);
            noHash.remove("sd_hash");
            assertRejected(ReasonCode.KB_SD_HASH_MISMATCH, verifyBound(sdJwt + kb(HOLDER, "kb+jwt", noHash)));
            // The holder signed over both disclosures; one was dropped on the way.
            String bound = withKb(sdJwt);
            String dropped = bound.replace("~" + FAMILY + "~", "~");
            assertRejected(ReasonCode.KB_SD_HASH_MISMATCH, verifyBound(dropped));
        }

        @Test
        void iatMustBeWithinTheWindowEitherWay() {
            String sdJwt = good();
            for (long offset : new long[] {-301, 301}) {
                ObjectNode claims = kbClaims(sdJwt);
                claims.put("iat", NOW.getEpochSecond() + offset);
                assertRejected(ReasonCode.KB_IAT_OUT_OF_WINDOW, verifyBound(sdJwt + kb(HOLDER, "kb+jwt", claims)));
            }
            for (long offset : new long[] {-300, 300}) {
                ObjectNode claims = kbClaims(sdJwt);
                claims.put("iat", NOW.getEpochSecond() + offset);
                assertAccepted(verifyBound(sdJwt + kb(HOLDER, "kb+jwt", claims)));
            }
            ObjectNode missing = kbClaims(sdJwt);
            missing.remove("iat");
            assertRejected(ReasonCode.KB_IAT_OUT_OF_WINDOW, verifyBound(sdJwt + kb(HOLDER, "kb+jwt", missing)));
            ObjectNode text = kbClaims(sdJwt);
            text.put("iat", "now");
            assertRejected(ReasonCode.KB_IAT_OUT_OF_WINDOW, verifyBound(sdJwt + kb(HOLDER, "kb+jwt", text)));
            SdJwtVerifier narrow = SdJwtVerifier.builder().issuerKey(ISSUER.verificationKey()).clock(CLOCK)
                    .keyBindingWindow(Duration.ofSeconds(10)).build();
            ObjectNode eleven = kbClaims(sdJwt);
            eleven.put("iat", NOW.getEpochSecond() - 11);
            assertRejected(ReasonCode.KB_IAT_OUT_OF_WINDOW, narrow.verify(sdJwt + kb(HOLDER, "kb+jwt", eleven),
                    KeyBinding.required(AUD, NONCE)));
        }

        @Test
        void noCnfJwkMeansNoHolderKey() {
            ObjectNode payload = payloadWith(digest(GIVEN));
            payload.remove("cnf");
            String sdJwt = sdJwt(sign(payload), GIVEN);
            assertRejected(ReasonCode.KB_NO_HOLDER_KEY, verifyBound(withKb(sdJwt)));
            assertRejected(ReasonCode.KB_NO_HOLDER_KEY, verify(withKb(sdJwt)));
            assertTrue(assertAccepted(verify(sdJwt)).holderKey().isEmpty());
            ObjectNode privateKey = payloadWith();
            privateKey.putObject("cnf").set("jwk", StrictJson.parseObject(HOLDER.toPrivateJwkJson(), "jwk").value());
            assertRejected(ReasonCode.KB_NO_HOLDER_KEY, verifyBound(withKb(sdJwt(sign(privateKey)))));
        }
    }

    @Nested
    class VerifyAll {
        private final SigningKey otherHolder = SigningKey.generate(SignatureAlgorithm.ES256);

        /** A bound presentation whose cnf.jwk is {@code jwk} and whose KB-JWT {@code signer} signs. */
        private String boundTo(ObjectNode jwk, SigningKey signer) {
            ObjectNode payload = payloadWith(digest(GIVEN));
            ((ObjectNode) payload.get("cnf")).set("jwk", jwk);
            String sdJwt = sdJwt(sign(payload), GIVEN);
            return sdJwt + kb(signer, "kb+jwt", kbClaims(sdJwt));
        }

        private String describe(Verification<VerifiedSdJwt> result) {
            return result instanceof Verification.Rejected<VerifiedSdJwt> r ? r.reason().name()
                    : "accepted " + result.value().holderKey().orElseThrow().thumbprint() + " " + result.value().claims();
        }

        @Test
        void eachAnswerIsTheOneVerifyGivesAlone() {
            ObjectNode mine = HOLDER.verificationKey().toJwk();
            ObjectNode theirs = otherHolder.verificationKey().toJwk();
            ObjectNode mineForEncryption = mine.deepCopy().put("use", "enc");
            ObjectNode mineOtherKid = mine.deepCopy().put("kid", "another-kid");
            List<String> presentations = List.of(
                    boundTo(mine, HOLDER),
                    boundTo(mine.deepCopy(), otherHolder),        // same cnf.jwk, KB signed by someone else
                    boundTo(mine, HOLDER),
                    boundTo(mineForEncryption, HOLDER),           // same key bytes, a member that refuses it
                    boundTo(theirs, otherHolder),
                    boundTo(theirs, HOLDER),
                    boundTo(mineOtherKid, HOLDER),                // the KB-JWT header's kid names the other kid
                    "not an SD-JWT",
                    boundTo(mine, HOLDER));
            List<Verification<VerifiedSdJwt>> together = verifier().verifyAll(presentations, KeyBinding.required(AUD, NONCE));
            assertEquals(presentations.size(), together.size());
            List<String> expected = new ArrayList<>();
            for (String presentation : presentations) {
                expected.add(describe(verifyBound(presentation)));
            }
            assertEquals(expected, together.stream().map(this::describe).toList());
            assertEquals(List.of(false, true, false, true, false, true, true, true, false),
                    expected.stream().map(e -> !e.startsWith("accepted")).toList(), expected.toString());
            assertEquals(ReasonCode.KB_SIGNATURE_INVALID, ((Verification.Rejected<VerifiedSdJwt>) together.get(1)).reason());
            assertEquals(ReasonCode.KB_NO_HOLDER_KEY, ((Verification.Rejected<VerifiedSdJwt>) together.get(3)).reason());
            assertEquals(ReasonCode.KB_SIGNATURE_INVALID, ((Verification.Rejected<VerifiedSdJwt>) together.get(5)).reason());
            assertEquals(ReasonCode.MALFORMED, ((Verification.Rejected<VerifiedSdJwt>) together.get(7)).reason());
            assertEquals(ReasonCode.KB_SIGNATURE_INVALID, ((Verification.Rejected<VerifiedSdJwt>) together.get(6)).reason());
        }

        @Test
        void anIssuerKeyIsReusedOnlyWhenTheResolverGivesTheSameKey() {
            SigningKey otherIssuer = SigningKey.generate(SignatureAlgorithm.ES256);
            SdJwtVerifier resolving = SdJwtVerifier.builder().clock(CLOCK).issuerKeys((iss, kid, vct) ->
                    Verification.accepted(vct.equals(Optional.of("other")) ? otherIssuer.verificationKey()
                            : ISSUER.verificationKey())).build();
            ObjectNode claimsOther = payloadWith(digest(GIVEN)).put("vct", "other");
            String signedByIssuerClaimingOther = sdJwt(sign(claimsOther), GIVEN);
            List<Verification<VerifiedSdJwt>> results = resolving.verifyAll(
                    List.of(withKb(good()), withKb(signedByIssuerClaimingOther), withKb(good())), KeyBinding.required(AUD, NONCE));
            assertAccepted(results.get(0));
            assertRejected(ReasonCode.SIGNATURE_INVALID, results.get(1));
            assertAccepted(results.get(2));
            assertThrows(NullPointerException.class, () -> resolving.verifyAll(List.of(good()), null));
            assertThrows(NullPointerException.class, () -> resolving.verifyAll(Arrays.asList(good(), null), KeyBinding.optional()));
            assertEquals(List.of(), resolving.verifyAll(List.of(), KeyBinding.optional()));
        }

        @Test
        void theResolverSeesEachHeadersOwnKid() {
            List<Optional<String>> kidsSeen = new ArrayList<>();
            SdJwtVerifier resolving = SdJwtVerifier.builder().clock(CLOCK).issuerKeys((iss, kid, vct) -> {
                kidsSeen.add(kid);
                return Verification.accepted(ISSUER.verificationKey());
            }).build();
            String payload = StrictJson.write(payloadWith(digest(GIVEN)));
            String noKid = JwsSigner.of(ISSUER).sign("dc+sd-jwt", payload.getBytes(StandardCharsets.UTF_8));
            String[] segments = noKid.split("\\.");
            String otherKid = org.staffpass.crypto.internal.Base64Url.encode(
                    ("{\"alg\":\"ES256\",\"typ\":\"dc+sd-jwt\",\"kid\":\"other\"}").getBytes(StandardCharsets.UTF_8));
            String withOtherKid = otherKid + "." + segments[1] + "." + segments[2];
            List<Verification<VerifiedSdJwt>> results = resolving.verifyAll(List.of(withKb(sdJwt(noKid, GIVEN)),
                    withKb(sdJwt(withOtherKid, GIVEN)), withKb(sdJwt(noKid, GIVEN))), KeyBinding.required(AUD, NONCE));
            assertEquals(List.of(Optional.of(ISSUER.kid()), Optional.of("other"), Optional.of(ISSUER.kid())), kidsSeen);
            assertAccepted(results.get(0));
            assertRejected(ReasonCode.SIGNATURE_INVALID, results.get(1));
            assertAccepted(results.get(2));
        }
    }

    static VerificationKey withoutKid(VerificationKey key) {
        ObjectNode jwk = key.toJwk();
        jwk.remove("kid");
        return VerificationKey.fromJwk(jwk).value();
    }
}
