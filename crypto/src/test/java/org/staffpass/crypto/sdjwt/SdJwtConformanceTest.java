package org.staffpass.crypto.sdjwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.staffpass.crypto.sdjwt.SdJwtTokens.AUD;
import static org.staffpass.crypto.sdjwt.SdJwtTokens.HOLDER;
import static org.staffpass.crypto.sdjwt.SdJwtTokens.ISSUER;
import static org.staffpass.crypto.sdjwt.SdJwtTokens.NONCE;
import static org.staffpass.crypto.sdjwt.SdJwtTokens.NOW;
import static org.staffpass.crypto.sdjwt.SdJwtTokens.array;
import static org.staffpass.crypto.sdjwt.SdJwtTokens.assertAccepted;
import static org.staffpass.crypto.sdjwt.SdJwtTokens.assertRejected;
import static org.staffpass.crypto.sdjwt.SdJwtTokens.b64;
import static org.staffpass.crypto.sdjwt.SdJwtTokens.baseClaims;
import static org.staffpass.crypto.sdjwt.SdJwtTokens.digest;
import static org.staffpass.crypto.sdjwt.SdJwtTokens.disclosure;
import static org.staffpass.crypto.sdjwt.SdJwtTokens.element;
import static org.staffpass.crypto.sdjwt.SdJwtTokens.kb;
import static org.staffpass.crypto.sdjwt.SdJwtTokens.kbClaims;
import static org.staffpass.crypto.sdjwt.SdJwtTokens.object;
import static org.staffpass.crypto.sdjwt.SdJwtTokens.sdJwt;
import static org.staffpass.crypto.sdjwt.SdJwtTokens.sign;
import static org.staffpass.crypto.sdjwt.SdJwtTokens.verify;
import static org.staffpass.crypto.sdjwt.SdJwtTokens.verifyBound;
import static org.staffpass.crypto.sdjwt.SdJwtTokens.withKb;

import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.JwsSigner;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.internal.StrictJson;

/**
 * RFC 9901 §7.1/§7.3 conformance probes: what must be rejected, what must be ignored, and the
 * exact time boundaries of the contract in docs/sd-jwt.md.
 */
class SdJwtConformanceTest {
    private static final String NAME = disclosure("salt-name-00001", "given_name", TextNode.valueOf("Ada"));

    private static Verification<VerifiedSdJwt> verifyAt(String presentation, Instant at, KeyBinding binding) {
        return SdJwtVerifier.builder().issuerKey(ISSUER.verificationKey()).clock(Clock.fixed(at, ZoneOffset.UTC)).build()
                .verify(presentation, binding);
    }

    private static ObjectNode withSd(ObjectNode claims, String... digests) {
        claims.putArray("_sd").addAll(java.util.Arrays.stream(digests).map(TextNode::valueOf).toList());
        return claims;
    }

    private static ObjectNode placeholder(String digest) {
        ObjectNode p = object();
        p.put("...", digest);
        return p;
    }

    // ---- time boundaries -------------------------------------------------------------------

    @Test
    void expiryBoundaryIsExpPlusSixtySecondsExclusive() {
        ObjectNode claims = baseClaims();
        claims.put("exp", NOW.getEpochSecond());
        String sd = sdJwt(sign(claims));
        assertAccepted(verifyAt(sd, NOW.plusSeconds(60).minusMillis(1), KeyBinding.optional()));
        assertRejected(ReasonCode.EXPIRED, verifyAt(sd, NOW.plusSeconds(60), KeyBinding.optional()));
    }

    @Test
    void nbfAndIatBoundaryIsAtPlusSixtySecondsInclusive() {
        for (String claim : new String[] {"nbf", "iat"}) {
            ObjectNode claims = baseClaims();
            claims.put(claim, NOW.getEpochSecond() + 60);
            String sd = sdJwt(sign(claims));
            assertAccepted(verifyAt(sd, NOW, KeyBinding.optional()));
            assertRejected(ReasonCode.NOT_YET_VALID, verifyAt(sd, NOW.minusMillis(1), KeyBinding.optional()));
        }
    }

    @Test
    void keyBindingIatWindowIsThreeHundredSecondsEitherWayInclusive() {
        ObjectNode claims = baseClaims().put("iat", NOW.getEpochSecond() - 3600);
        String presentation = withKb(sdJwt(sign(claims))); // KB iat = NOW
        for (long sign : new long[] {1, -1}) {
            Instant edge = NOW.plusSeconds(300 * sign);
            assertAccepted(verifyAt(presentation, edge, KeyBinding.required(AUD, NONCE)));
            assertRejected(ReasonCode.KB_IAT_OUT_OF_WINDOW,
                    verifyAt(presentation, edge.plusMillis(sign), KeyBinding.required(AUD, NONCE)));
        }
    }

    // ---- digests met twice -----------------------------------------------------------------

    @Test
    void anyDigestMetTwiceIsDuplicateWhetherDisclosedUndisclosedOrDecoy() {
        String undisclosed = digest("an undisclosed or decoy digest");
        ObjectNode twiceInOneSd = withSd(baseClaims(), undisclosed, undisclosed);
        assertRejected(ReasonCode.DISCLOSURE_DUPLICATE, verify(sdJwt(sign(twiceInOneSd))));

        ObjectNode inSdAndInArray = withSd(baseClaims(), undisclosed);
        inSdAndInArray.putArray("list").add(placeholder(undisclosed));
        assertRejected(ReasonCode.DISCLOSURE_DUPLICATE, verify(sdJwt(sign(inSdAndInArray))));

        ObjectNode nested = withSd(baseClaims(), undisclosed);
        withSd(nested.putObject("address"), undisclosed);
        assertRejected(ReasonCode.DISCLOSURE_DUPLICATE, verify(sdJwt(sign(nested))));

        ObjectNode disclosedTwice = withSd(baseClaims(), digest(NAME));
        withSd(disclosedTwice.putObject("address"), digest(NAME));
        assertRejected(ReasonCode.DISCLOSURE_DUPLICATE, verify(sdJwt(sign(disclosedTwice), NAME)));
        // ... and the same disclosure presented twice.
        assertRejected(ReasonCode.DISCLOSURE_DUPLICATE, verify(sdJwt(sign(withSd(baseClaims(), digest(NAME))), NAME, NAME)));
        // A digest inside a disclosed value that repeats one in the payload.
        String inner = disclosure("salt-inner-0001", "address", withSd(object(), undisclosed));
        ObjectNode viaDisclosure = withSd(baseClaims(), digest(inner), undisclosed);
        assertRejected(ReasonCode.DISCLOSURE_DUPLICATE, verify(sdJwt(sign(viaDisclosure), inner)));
    }

    // ---- disclosure shape, names and slots --------------------------------------------------

    @Test
    void disclosureShapeIsMalformedAndReservedOrConflictingNamesAreClaimConflicts() {
        String one = b64("[\"salt\"]");
        String four = b64("[\"salt\",\"a\",1,2]");
        String saltNumber = b64("[1,\"a\",1]");
        String nameNumber = b64("[\"salt\",1,1]");
        String notArray = b64("{\"salt\":\"a\"}");
        for (String bad : new String[] {one, four, saltNumber, nameNumber, notArray}) {
            assertRejected(ReasonCode.DISCLOSURE_MALFORMED, verify(sdJwt(sign(withSd(baseClaims(), digest(bad))), bad)));
        }
        for (String reserved : new String[] {"_sd", "..."}) {
            String d = disclosure("salt-reserved-1", reserved, array());
            assertRejected(ReasonCode.DISCLOSURE_CLAIM_CONFLICT, verify(sdJwt(sign(withSd(baseClaims(), digest(d))), d)));
        }
        String iss = disclosure("salt-iss-000001", "iss", TextNode.valueOf("https://attacker.example"));
        assertRejected(ReasonCode.DISCLOSURE_CLAIM_CONFLICT, verify(sdJwt(sign(withSd(baseClaims(), digest(iss))), iss)));
        // Two disclosures of the same name at one level.
        String again = disclosure("salt-name-00002", "given_name", TextNode.valueOf("Eve"));
        assertRejected(ReasonCode.DISCLOSURE_CLAIM_CONFLICT,
                verify(sdJwt(sign(withSd(baseClaims(), digest(NAME), digest(again))), NAME, again)));
        // Kind mismatch, both ways.
        String elementDisclosure = element("salt-element-01", TextNode.valueOf("x"));
        assertRejected(ReasonCode.DISCLOSURE_CLAIM_CONFLICT,
                verify(sdJwt(sign(withSd(baseClaims(), digest(elementDisclosure))), elementDisclosure)));
        ObjectNode arraySlot = baseClaims();
        arraySlot.putArray("list").add(placeholder(digest(NAME)));
        assertRejected(ReasonCode.DISCLOSURE_CLAIM_CONFLICT, verify(sdJwt(sign(arraySlot), NAME)));
    }

    @Test
    void disclosureEncodingIsCheckedAndHashedAsPresented() {
        // Not canonical: the last character carries bits that decoding drops.
        String canonical = b64("[\"salt\",\"a\",1]");
        assertFalse(canonical.length() % 4 == 0, "fixture: the last character has unused bits");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = canonical.charAt(canonical.length() - 1);
        String nonCanonical = canonical.substring(0, canonical.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
        assertRejected(ReasonCode.DISCLOSURE_MALFORMED,
                verify(sdJwt(sign(withSd(baseClaims(), digest(nonCanonical))), nonCanonical)));
        String duplicateMember = b64("[\"salt\",\"a\",{\"k\":1,\"k\":2}]");
        assertRejected(ReasonCode.DISCLOSURE_MALFORMED,
                verify(sdJwt(sign(withSd(baseClaims(), digest(duplicateMember))), duplicateMember)));
        String trailing = b64("[\"salt\",\"a\",1] []");
        assertRejected(ReasonCode.DISCLOSURE_MALFORMED, verify(sdJwt(sign(withSd(baseClaims(), digest(trailing))), trailing)));
        // White space inside the JSON is legal, and the digest is over the base64url as presented.
        String spaced = b64("[ \"salt\" ,\n \"a\" , 1 ]");
        VerifiedSdJwt ok = assertAccepted(verify(sdJwt(sign(withSd(baseClaims(), digest(spaced))), spaced)));
        assertEquals(1, ok.claims().get("a").intValue());
        String compactForm = b64("[\"salt\",\"a\",1]");
        assertRejected(ReasonCode.DISCLOSURE_UNREFERENCED,
                verify(sdJwt(sign(withSd(baseClaims(), digest(spaced))), compactForm)));
    }

    // ---- processed payload ----------------------------------------------------------------

    @Test
    void processedPayloadHasDisclosedValuesInPlaceAndNoDigestsOrPlaceholders() {
        String street = disclosure("salt-street-001", "street", TextNode.valueOf("1 High St"));
        String secondElement = element("salt-element-02", TextNode.valueOf("FR"));
        String hiddenElement = digest("hidden element");
        ObjectNode claims = withSd(baseClaims(), digest(NAME), digest("decoy 1"));
        claims.put("_sd_alg", "sha-256").put("vct", "urn:example:staff:1");
        claims.putObject("status").putObject("status_list").put("idx", 3).put("uri", "https://status.example/1");
        withSd(claims.putObject("address"), digest(street), digest("decoy 2")).put("locality", "Leeds");
        claims.putArray("nationalities").add("GB").add(placeholder(digest(secondElement))).add(placeholder(hiddenElement));
        VerifiedSdJwt ok = assertAccepted(verify(sdJwt(sign(claims), street, secondElement, NAME)));

        ObjectNode expected = baseClaims();
        expected.put("vct", "urn:example:staff:1");
        expected.putObject("status").putObject("status_list").put("idx", 3).put("uri", "https://status.example/1");
        expected.putObject("address").put("locality", "Leeds").put("street", "1 High St");
        expected.putArray("nationalities").add("GB").add("FR");
        expected.put("given_name", "Ada");
        assertEquals(StrictJson.parseObject(StrictJson.write(expected), "expected").value(), ok.claims());
    }

    @Test
    void recursiveDisclosuresResolveThroughDisclosedValues() {
        String street = disclosure("salt-street-002", "street", TextNode.valueOf("1 High St"));
        String element = element("salt-element-03", withSd(object(), digest(street)));
        String address = disclosure("salt-address-01", "addresses", array().add(placeholder(digest(element))));
        VerifiedSdJwt ok = assertAccepted(verify(sdJwt(sign(withSd(baseClaims(), digest(address))), street, address, element)));
        assertEquals("1 High St", ok.claims().at("/addresses/0/street").textValue());
        // The inner one without its parent is unreferenced.
        assertRejected(ReasonCode.DISCLOSURE_UNREFERENCED, verify(sdJwt(sign(withSd(baseClaims(), digest(address))), street)));
    }

    @Test
    void sdAlgSha384AlsoFixesTheSdHash() {
        ObjectNode claims = withSd(baseClaims(), digest("SHA-384", NAME));
        claims.put("_sd_alg", "sha-384");
        String sd = sdJwt(sign(claims), NAME);
        ObjectNode kbClaims = kbClaims(sd);
        assertRejected(ReasonCode.KB_SD_HASH_MISMATCH, verifyBound(sd + kb(HOLDER, "kb+jwt", kbClaims)));
        kbClaims.put("sd_hash", digest("SHA-384", sd));
        VerifiedSdJwt ok = assertAccepted(verifyBound(sd + kb(HOLDER, "kb+jwt", kbClaims)));
        assertFalse(ok.claims().has("_sd_alg"));
        for (String unsupported : new String[] {"SHA-256", "sha-1", "md5", ""}) {
            claims.put("_sd_alg", unsupported);
            assertRejected(ReasonCode.SD_ALG_UNSUPPORTED, verify(sdJwt(sign(claims), NAME)));
        }
    }

    // ---- key binding --------------------------------------------------------------------------

    @Test
    void keyBindingPresentButNotRequiredIsStillVerified() {
        String sd = sdJwt(sign(withSd(baseClaims(), digest(NAME))), NAME);
        assertAccepted(verify(withKb(sd)));
        ObjectNode otherAudience = kbClaims(sd).put("aud", "https://someone-else.example").put("nonce", "any");
        assertAccepted(verify(sd + kb(HOLDER, "kb+jwt", otherAudience)));
        assertRejected(ReasonCode.KB_SD_HASH_MISMATCH, verify(sd + kb(HOLDER, "kb+jwt", kbClaims(sd).put("sd_hash", digest("x")))));
        assertRejected(ReasonCode.KB_SIGNATURE_INVALID, verify(sd + kb(SigningKey.generate(SignatureAlgorithm.ES256), "kb+jwt",
                kbClaims(sd))));
        assertRejected(ReasonCode.KB_MALFORMED, verify(sd + kb(HOLDER, "jwt", kbClaims(sd))));
        ObjectNode stale = kbClaims(sd).put("iat", NOW.minus(Duration.ofMinutes(6)).getEpochSecond());
        assertRejected(ReasonCode.KB_IAT_OUT_OF_WINDOW, verify(sd + kb(HOLDER, "kb+jwt", stale)));
    }

    @Test
    void holderKeyComesOnlyFromCnfJwk() {
        ObjectNode kidOnly = baseClaims();
        kidOnly.putObject("cnf").put("kid", "holder-key-1");
        assertRejected(ReasonCode.KB_NO_HOLDER_KEY, verifyBound(withKb(sdJwt(sign(kidOnly)))));
        ObjectNode jku = baseClaims();
        jku.putObject("cnf").put("jku", "https://holder.example/jwks.json");
        assertRejected(ReasonCode.KB_NO_HOLDER_KEY, verifyBound(withKb(sdJwt(sign(jku)))));
        ObjectNode privateKey = baseClaims();
        privateKey.putObject("cnf").set("jwk", StrictJson.parseObject(HOLDER.toPrivateJwkJson(), "jwk").value());
        assertRejected(ReasonCode.KB_NO_HOLDER_KEY, verifyBound(withKb(sdJwt(sign(privateKey)))));
        ObjectNode p384 = baseClaims();
        ((ObjectNode) p384.get("cnf").get("jwk")).put("crv", "P-384");
        assertRejected(ReasonCode.KB_NO_HOLDER_KEY, verifyBound(withKb(sdJwt(sign(p384)))));
        // Without a KB-JWT and without a requirement, no holder key is needed.
        assertAccepted(verify(sdJwt(sign(kidOnly))));
    }

    // ---- issuer typ ---------------------------------------------------------------------------

    @Test
    void issuerTypIsFreeUnlessExpectedButNeverKbJwt() {
        byte[] payload = StrictJson.write(baseClaims()).getBytes(StandardCharsets.UTF_8);
        JwsSigner signer = JwsSigner.of(ISSUER);
        assertAccepted(verify(sdJwt(signer.sign(payload))));
        assertAccepted(verify(sdJwt(signer.sign("example+sd-jwt", payload))));
        assertRejected(ReasonCode.TYP_MISMATCH, verify(sdJwt(signer.sign("kb+jwt", payload))));
        assertRejected(ReasonCode.TYP_MISMATCH, verify(sdJwt(signer.sign("application/KB+JWT", payload))));
        SdJwtVerifier expecting = SdJwtVerifier.builder().issuerKey(ISSUER.verificationKey()).clock(SdJwtTokens.CLOCK)
                .expectedType("dc+sd-jwt").build();
        assertAccepted(expecting.verify(sdJwt(signer.sign("application/DC+SD-JWT", payload)), KeyBinding.optional()));
        assertRejected(ReasonCode.TYP_MISMATCH, expecting.verify(sdJwt(signer.sign("vc+sd-jwt", payload)), KeyBinding.optional()));
        assertRejected(ReasonCode.TYP_MISMATCH, expecting.verify(sdJwt(signer.sign(payload)), KeyBinding.optional()));
    }

    // ---- conformance decisions (docs/sd-jwt.md) ------------------------------------------------

    @Test
    void reservedMembersOutsideTheirRolesAreMalformed() {
        ObjectNode sdNotArray = baseClaims().put("_sd", "not an array");
        assertRejected(ReasonCode.MALFORMED, verify(sdJwt(sign(sdNotArray))));
        ObjectNode sdNumbers = baseClaims();
        sdNumbers.putArray("_sd").add(1);
        assertRejected(ReasonCode.MALFORMED, verify(sdJwt(sign(sdNumbers))));
        ObjectNode ellipsisInObject = baseClaims();
        ellipsisInObject.putObject("x").put("...", digest("d"));
        assertRejected(ReasonCode.MALFORMED, verify(sdJwt(sign(ellipsisInObject))));
        ObjectNode ellipsisWithMore = baseClaims();
        ellipsisWithMore.putArray("list").add(placeholder(digest("d")).put("more", 1));
        assertRejected(ReasonCode.MALFORMED, verify(sdJwt(sign(ellipsisWithMore))));
        ObjectNode ellipsisNumber = baseClaims();
        ellipsisNumber.putArray("list").addObject().put("...", 5);
        assertRejected(ReasonCode.MALFORMED, verify(sdJwt(sign(ellipsisNumber))));
    }

    @Test
    void disclosureOutsideTheAlphabetBreaksTheGrammarAndAnImpossibleLengthIsDisclosureMalformed() {
        String padded = b64("[\"salt\",\"a\",1]") + "==";
        assertRejected(ReasonCode.MALFORMED, verify(sdJwt(sign(withSd(baseClaims(), digest(padded))), padded)));
        String oneMod4 = b64("[\"salt\",\"a\",1]").substring(0, 5);
        assertRejected(ReasonCode.DISCLOSURE_MALFORMED, verify(sdJwt(sign(withSd(baseClaims(), digest(oneMod4))), oneMod4)));
    }

    @Test
    void disclosedRegisteredClaimsAreProcessedAndEnforced() {
        ObjectNode claims = baseClaims();
        claims.remove("exp");
        claims.remove("cnf");
        String exp = disclosure("salt-exp-000001", "exp", LongNode.valueOf(
                NOW.getEpochSecond() - 120));
        ObjectNode cnfValue = object();
        cnfValue.set("jwk", HOLDER.verificationKey().toJwk());
        String cnf = disclosure("salt-cnf-000001", "cnf", cnfValue);
        String sd = sdJwt(sign(withSd(claims, digest(exp), digest(cnf))), cnf);
        VerifiedSdJwt ok = assertAccepted(verifyBound(withKb(sd)));
        assertEquals(cnfValue, ok.claims().get("cnf"));
        assertRejected(ReasonCode.EXPIRED, verify(sdJwt(sign(withSd(claims, digest(exp), digest(cnf))), cnf, exp)));
    }
}
