package org.staffpass.crypto.sdjwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.internal.Base64Url;

/** The examples of RFC 9901 verify with the issuer key of A.5 and give the documented processed payloads. */
class Rfc9901VectorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "section 5.2, s5-presentation.txt, s5-processed.json",
        "A.3 SD-JWT VC, a3-presentation.txt, a3-processed.json",
        "A.4 W3C VCDM, a4-presentation.txt, a4-processed.json",
    })
    void keyBoundPresentationsVerifyToTheDocumentedPayload(String section, String presentation, String processed) {
        Verification<VerifiedSdJwt> result = Rfc9901.verifier().verify(Rfc9901.compact(presentation),
                KeyBinding.required(Rfc9901.AUDIENCE, Rfc9901.NONCE));
        assertAccepted(section, result);
        assertEquals(Rfc9901.json(processed), result.value().claims(), section);
        VerifiedKeyBinding kb = result.value().keyBinding().orElseThrow();
        assertEquals(Rfc9901.KB_IAT, kb.issuedAt());
        assertEquals(Rfc9901.AUDIENCE, kb.audience());
        assertEquals(Rfc9901.NONCE, kb.nonce());
        assertTrue(result.value().holderKey().isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "A.1 structured with decoys, a1-presentation.txt, a1-processed.json",
        "A.2 complex structured, a2-presentation.txt, a2-processed.json",
    })
    void presentationsWithoutKeyBindingVerifyToTheDocumentedPayload(String section, String presentation, String processed) {
        Verification<VerifiedSdJwt> result = Rfc9901.verifier().verify(Rfc9901.compact(presentation), KeyBinding.optional());
        assertAccepted(section, result);
        assertEquals(Rfc9901.json(processed), result.value().claims(), section);
        assertTrue(result.value().keyBinding().isEmpty());
    }

    @Test
    void theSection5IssuedSdJwtDisclosesEverything() {
        Verification<VerifiedSdJwt> result = Rfc9901.verifier().verify(Rfc9901.compact("s5-issued.txt"), KeyBinding.forbidden());
        assertAccepted("5.1", result);
        VerifiedSdJwt issued = result.value();
        assertEquals(10, issued.disclosures().size());
        assertEquals(List.of("US", "DE"), List.of(issued.claims().get("nationalities").get(0).textValue(),
                issued.claims().get("nationalities").get(1).textValue()));
        assertEquals(ClaimPath.of("nationalities", 1), issued.disclosures().get(9).path());
        assertEquals("jsu9yVulwQQlhFlM_3JlzMaSFzglhQG0DpfayQwLUK4", issued.disclosures().get(0).digest());
        assertEquals(SdHashAlgorithm.SHA_256, issued.hashAlgorithm());
        assertEquals("example+sd-jwt", issued.typ().orElseThrow());
    }

    @Test
    void theA3IssuedSdJwtResolvesItsRecursiveDisclosures() {
        Verification<VerifiedSdJwt> result = Rfc9901.verifier().verify(Rfc9901.compact("a3-issued.txt"), KeyBinding.forbidden());
        assertAccepted("A.3", result);
        assertEquals("Köln", result.value().claims().at("/address/locality").textValue());
        assertEquals(false, result.value().claims().at("/age_equal_or_over/65").booleanValue());
        assertEquals(ClaimPath.of("address", "street_address"), result.value().disclosures().get(3).path());
    }

    @Test
    void theA4IssuedSdJwtVerifies() {
        Verification<VerifiedSdJwt> result = Rfc9901.verifier().verify(Rfc9901.compact("a4-issued.txt"), KeyBinding.optional());
        assertAccepted("A.4", result);
        assertEquals("Marion", result.value().claims().at("/credentialSubject/recipient/givenName").textValue());
    }

    @Test
    void section423DigestOfTheMoebiusDisclosure() throws Exception {
        String disclosure = "WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(disclosure.getBytes(StandardCharsets.US_ASCII));
        assertEquals("X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC0", Base64Url.encode(digest));
    }

    @Test
    void theSection5PresentationIsRejectedForAnotherVerifierOrNonce() {
        String presentation = Rfc9901.compact("s5-presentation.txt");
        assertEquals(ReasonCode.KB_AUD_MISMATCH, reason(Rfc9901.verifier().verify(presentation,
                KeyBinding.required("https://other.example.org", Rfc9901.NONCE))));
        assertEquals(ReasonCode.KB_NONCE_MISMATCH, reason(Rfc9901.verifier().verify(presentation,
                KeyBinding.required(Rfc9901.AUDIENCE, "0987654321"))));
    }

    @Test
    void anRfcPresentationWithoutItsKbJwtIsKbMissingWhenRequired() {
        String presentation = Rfc9901.compact("a1-presentation.txt");
        assertEquals(ReasonCode.KB_MISSING, reason(Rfc9901.verifier().verify(presentation,
                KeyBinding.required(Rfc9901.AUDIENCE, Rfc9901.NONCE))));
    }

    static ReasonCode reason(Verification<?> result) {
        return result instanceof Verification.Rejected<?> r ? r.reason() : null;
    }

    static void assertAccepted(String what, Verification<?> result) {
        if (result instanceof Verification.Rejected<?> r) {
            throw new AssertionError(what + " rejected: " + r.reason() + ": " + r.message());
        }
    }
}
