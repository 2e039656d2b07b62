package org.staffpass.passport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffpass.passport.PassportFixture.AUDIENCE;
import static org.staffpass.passport.PassportFixture.NONCE;
import static org.staffpass.passport.PassportFixture.REGULATOR;
import static org.staffpass.passport.PassportFixture.STATUS_URI;
import static org.staffpass.passport.PassportFixture.TRUST;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.crypto.sdjwt.ClaimPath;
import org.staffpass.crypto.sdjwt.SdJwtIssuer;
import org.staffpass.crypto.status.StatusReference;
import org.staffpass.passport.credential.CredentialClaims;
import org.staffpass.passport.credential.CredentialProblem;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.TestCredentials;
import org.staffpass.passport.internal.PresentationFormat;

/** Every way a presentation must be refused, each asserting its code. */
class PassportAttackTest {
    private final PassportFixture f = new PassportFixture();

    private static final DisclosureRequest DBS_WITH_NUMBER = DisclosureRequest.of(CredentialType.DBS_CHECK, "/certificate_number");

    private PassportVerification.Rejected rejected(PassportVerification result) {
        return assertInstanceOf(PassportVerification.Rejected.class, result);
    }

    /** The only failure of a rejection, asserted to be for credential {@code index} with {@code code}. */
    private PassportFailure only(PassportVerification result, int index, Enum<?> code) {
        PassportVerification.Rejected rejected = rejected(result);
        assertEquals(1, rejected.failures().size(), rejected.failures().toString());
        PassportFailure failure = rejected.failures().get(0);
        assertEquals(code, failure.code(), failure.toString());
        assertEquals(index, failure.credentialIndex().orElse(-1));
        return failure;
    }

    private String presentDbs(String issued) {
        return f.wallet(f.holderKey, issued).present(AUDIENCE, NONCE, DBS_WITH_NUMBER);
    }

    private static String single(String presentation) {
        ObjectNode document = StrictJson.parseObject(presentation, "test").value();
        return document.get(PresentationFormat.MEMBER).get(0).textValue();
    }

    private static String wrap(String... credentials) {
        return PresentationFormat.write(List.of(credentials));
    }

    @Test
    void aValidPresentationIsAccepted() {
        PassportVerification result = f.verifier().verify(presentDbs(f.issue(TestCredentials.dbs())), NONCE);
        VerifiedPassport passport = assertInstanceOf(VerifiedPassport.class, result);
        assertEquals(Optional.of("001234567890"), passport.dbsCheck().orElseThrow().credential().certificateNumber());
    }

    @Test
    void aForgedSignatureUnderTheTrustsKidIsRefused() {
        SigningKey attacker = PassportFixture.key(99);
        ObjectNode jwk = StrictJson.parseObject(attacker.toPrivateJwkJson(), "jwk").value();
        jwk.put("kid", f.trustKey.kid());
        SigningKey forger = SigningKey.fromJwk(StrictJson.write(jwk)).value();
        String issued = f.issue(f.issuer(TRUST, forger), TestCredentials.dbs(), f.holderKey, f.nextStatus());
        only(f.verifier().verify(presentDbs(issued), NONCE), 0, ReasonCode.SIGNATURE_INVALID);
    }

    @Test
    void anIssuerNotOnTheTrustListIsRefused() {
        String issued = f.issue(f.issuer("https://rogue.example", PassportFixture.key(98)), TestCredentials.dbs(),
                f.holderKey, f.nextStatus());
        only(f.verifier().verify(presentDbs(issued), NONCE), 0, ReasonCode.UNKNOWN_ISSUER);
    }

    @Test
    void aTrustIssuingAProfessionalRegistrationIsNotAuthorised() {
        String issued = f.issue(f.issuer(TRUST, f.trustKey), TestCredentials.registration(), f.holderKey, f.nextStatus());
        String presentation = f.wallet(f.holderKey, issued).present(AUDIENCE, NONCE,
                DisclosureRequest.of(CredentialType.PROFESSIONAL_REGISTRATION));
        PassportFailure failure = only(f.verifier().verify(presentation, NONCE), 0, ReasonCode.ISSUER_NOT_AUTHORISED_FOR_TYPE);
        assertEquals(Optional.of(CredentialType.PROFESSIONAL_REGISTRATION.vct()), failure.vct());
    }

    @Test
    void aSuspendedIssuerIsRefused() {
        String issued = f.issue(f.issuer(PassportFixture.SUSPENDED, f.suspendedKey), TestCredentials.dbs(),
                f.holderKey, f.nextStatus());
        only(f.verifier().verify(presentDbs(issued), NONCE), 0, ReasonCode.ISSUER_SUSPENDED);
    }

    @Test
    void anExpiredCredentialIsRefused() {
        String issued = f.issuer(TRUST, f.trustKey).issue(TestCredentials.dbs(), f.holderKey.verificationKey(),
                f.clock.instant().plus(Duration.ofHours(1)), f.nextStatus()).value().compact();
        Wallet wallet = f.wallet(f.holderKey, issued);
        f.clock.advance(Duration.ofHours(2));
        only(f.verifier().verify(wallet.present(AUDIENCE, NONCE, DBS_WITH_NUMBER), NONCE), 0, ReasonCode.EXPIRED);
    }

    @Test
    void aCredentialIssuedInTheFutureIsNotYetValid() {
        Clock ahead = Clock.fixed(f.clock.instant().plus(Duration.ofHours(1)), ZoneOffset.UTC);
        String issued = f.issue(f.issuer(TRUST, f.trustKey, ahead), TestCredentials.dbs(), f.holderKey, f.nextStatus());
        only(f.verifier().verify(presentDbs(issued), NONCE), 0, ReasonCode.NOT_YET_VALID);
    }

    @Test
    void revokedSuspendedAndUnknownStatusValuesAreRefused() {
        PassportIssuer issuer = f.issuer(TRUST, f.trustKey);
        String revoked = f.issue(issuer, TestCredentials.dbs(), f.holderKey,
                new StatusReference(STATUS_URI, PassportFixture.REVOKED_INDEX));
        only(f.verifier().verify(presentDbs(revoked), NONCE), 0, PassportProblem.CREDENTIAL_REVOKED);
        String suspended = f.issue(issuer, TestCredentials.dbs(), f.holderKey,
                new StatusReference(STATUS_URI, PassportFixture.SUSPENDED_INDEX));
        only(f.verifier().verify(presentDbs(suspended), NONCE), 0, PassportProblem.CREDENTIAL_SUSPENDED);
        String other = f.issue(issuer, TestCredentials.dbs(), f.holderKey,
                new StatusReference(STATUS_URI, PassportFixture.OTHER_STATUS_INDEX));
        only(f.verifier().verify(presentDbs(other), NONCE), 0, PassportProblem.CREDENTIAL_STATUS_NOT_VALID);
    }

    @Test
    void aStaleStatusListFailsClosed() {
        Wallet wallet = f.wallet(f.holderKey, f.issue(TestCredentials.dbs()));
        f.clock.advance(Duration.ofDays(2));
        only(f.verifier().verify(wallet.present(AUDIENCE, NONCE, DBS_WITH_NUMBER), NONCE), 0,
                ReasonCode.STATUS_LIST_STALE);
    }

    @Test
    void anUnknownStatusListOrIndexFailsClosed() {
        PassportIssuer issuer = f.issuer(TRUST, f.trustKey);
        String unknownList = f.issue(issuer, TestCredentials.dbs(), f.holderKey,
                new StatusReference("https://elsewhere.example/status", 0));
        only(f.verifier().verify(presentDbs(unknownList), NONCE), 0, ReasonCode.STATUS_LIST_UNKNOWN);
        String outOfRange = f.issue(issuer, TestCredentials.dbs(), f.holderKey, new StatusReference(STATUS_URI, 64));
        only(f.verifier().verify(presentDbs(outOfRange), NONCE), 0, ReasonCode.STATUS_INDEX_OUT_OF_RANGE);
    }

    @Test
    void aPresentationReplayedToAnotherAudienceOrWithAnotherNonceIsRefused() {
        String presentation = presentDbs(f.issue(TestCredentials.dbs()));
        only(f.verifier("ODS:RXX-other").verify(presentation, NONCE), 0, ReasonCode.KB_AUD_MISMATCH);
        only(f.verifier().verify(presentation, "another-nonce"), 0, ReasonCode.KB_NONCE_MISMATCH);
    }

    @Test
    void aKeyBindingTooOldOrFromTheFutureIsRefused() {
        String issued = f.issue(TestCredentials.dbs());
        for (Duration offset : List.of(Duration.ofMinutes(-6), Duration.ofMinutes(6))) {
            Wallet wallet = Wallet.create(f.holderKey, Clock.fixed(f.clock.instant().plus(offset), ZoneOffset.UTC));
            assertTrue(wallet.add(issued).isAccepted());
            only(f.verifier().verify(wallet.present(AUDIENCE, NONCE, DBS_WITH_NUMBER), NONCE), 0,
                    ReasonCode.KB_IAT_OUT_OF_WINDOW);
        }
    }

    @Test
    void credentialsOfTwoHoldersCannotBeMixed() {
        String mine = single(presentDbs(f.issue(TestCredentials.dbs())));
        String theirs = single(f.wallet(f.otherHolderKey, f.issue(f.issuerFor(TestCredentials.registration()),
                TestCredentials.registration(), f.otherHolderKey, f.nextStatus()))
                .present(AUDIENCE, NONCE, DisclosureRequest.of(CredentialType.PROFESSIONAL_REGISTRATION)));
        only(f.verifier().verify(wrap(mine, theirs), NONCE), 1, PassportProblem.HOLDER_MISMATCH);
    }

    @Test
    void aCredentialOfAnotherHolderBetweenTwoOfMineIsRefusedAlone() {
        // The holder key imported for the first credential is reused only for an identical
        // cnf.jwk; the credential in the middle must be imported afresh, and so must the last.
        String mine = single(presentDbs(f.issue(TestCredentials.dbs())));
        String theirs = single(f.wallet(f.otherHolderKey, f.issue(f.issuerFor(TestCredentials.registration()),
                TestCredentials.registration(), f.otherHolderKey, f.nextStatus()))
                .present(AUDIENCE, NONCE, DisclosureRequest.of(CredentialType.PROFESSIONAL_REGISTRATION)));
        String mineAgain = single(f.wallet(f.holderKey, f.issue(TestCredentials.training()))
                .present(AUDIENCE, NONCE, DisclosureRequest.of(CredentialType.MANDATORY_TRAINING)));
        only(f.verifier().verify(wrap(mine, theirs, mineAgain), NONCE), 1, PassportProblem.HOLDER_MISMATCH);
        // The first credential's holder is the reference, so here both of mine are the odd ones.
        PassportVerification.Rejected theirsFirst = rejected(f.verifier().verify(wrap(theirs, mine, mineAgain), NONCE));
        assertEquals(List.of("1 HOLDER_MISMATCH", "2 HOLDER_MISMATCH"), theirsFirst.failures().stream()
                .map(failure -> failure.credentialIndex().orElse(-1) + " " + failure.code()).toList());
        assertInstanceOf(VerifiedPassport.class, f.verifier().verify(wrap(mine, mineAgain), NONCE));
    }

    @Test
    void twoCredentialsOfOneTypeAreRefused() {
        String first = single(presentDbs(f.issue(TestCredentials.dbs())));
        String second = single(presentDbs(f.issue(TestCredentials.dbs())));
        PassportVerification.Rejected rejected = rejected(f.verifier().verify(wrap(first, second), NONCE));
        assertTrue(rejected.has(PassportProblem.DUPLICATE_CREDENTIAL_TYPE), rejected.toString());
    }

    /** The parts of a presented SD-JWT+KB: issuer JWT, disclosures, KB-JWT. */
    private static List<String> parts(String sdJwtKb) {
        return new ArrayList<>(Arrays.asList(sdJwtKb.split("~", -1)));
    }

    private static String join(List<String> parts) {
        return String.join("~", parts);
    }

    @Test
    void aTamperedDisclosureIsRefused() {
        List<String> parts = parts(single(presentDbs(f.issue(TestCredentials.dbs()))));
        ArrayNode fake = StrictJson.object().arrayNode().add("c2FsdHNhbHRzYWx0").add("certificate_number").add("999999999999");
        parts.set(1, Base64Url.encode(StrictJson.write(fake).getBytes(StandardCharsets.UTF_8)));
        only(f.verifier().verify(wrap(join(parts)), NONCE), 0, ReasonCode.DISCLOSURE_UNREFERENCED);
    }

    @Test
    void aDuplicatedDisclosureIsRefused() {
        List<String> parts = parts(single(presentDbs(f.issue(TestCredentials.dbs()))));
        parts.add(1, parts.get(1));
        only(f.verifier().verify(wrap(join(parts)), NONCE), 0, ReasonCode.DISCLOSURE_DUPLICATE);
    }

    @Test
    void aDisclosureDroppedAfterKeyBindingIsRefused() {
        List<String> parts = parts(single(presentDbs(f.issue(TestCredentials.dbs()))));
        assertEquals(3, parts.size());
        parts.remove(1);
        only(f.verifier().verify(wrap(join(parts)), NONCE), 0, ReasonCode.KB_SD_HASH_MISMATCH);
    }

    @Test
    void anExtraDisclosureIsRefused() {
        String issued = f.issue(TestCredentials.dbs());
        List<String> withheld = parts(single(f.wallet(f.holderKey, issued)
                .present(AUDIENCE, NONCE, DisclosureRequest.of(CredentialType.DBS_CHECK))));
        assertEquals(2, withheld.size());
        // its own withheld disclosure, added after the holder signed: the KB-JWT no longer matches
        withheld.add(1, parts(issued).get(1));
        only(f.verifier().verify(wrap(join(withheld)), NONCE), 0, ReasonCode.KB_SD_HASH_MISMATCH);
        // a disclosure of another credential: no digest of this one references it
        List<String> foreign = parts(single(presentDbs(f.issue(TestCredentials.dbs()))));
        List<String> other = parts(f.issue(TestCredentials.training()));
        foreign.add(1, other.get(1));
        only(f.verifier().verify(wrap(join(foreign)), NONCE), 0, ReasonCode.DISCLOSURE_UNREFERENCED);
    }

    /** Claims as PassportIssuer would write them, signed directly so that invalid content gets through. */
    private String signRaw(ObjectNode content, String issuerId, SigningKey key, List<ClaimPath> disclosable,
                           boolean withExp) {
        return signRaw(content, issuerId, key, disclosable, withExp, true);
    }

    private String signRaw(ObjectNode content, String issuerId, SigningKey key, List<ClaimPath> disclosable,
                           boolean withExp, boolean withStatus) {
        ObjectNode claims = StrictJson.object();
        claims.put("iss", issuerId);
        claims.put("iat", f.clock.instant().getEpochSecond());
        if (withExp) {
            claims.put("exp", f.clock.instant().plus(Duration.ofDays(30)).getEpochSecond());
        }
        claims.setAll(content);
        StatusReference status = f.nextStatus();
        if (withStatus) {
            claims.putObject("status").putObject("status_list").put("idx", status.index()).put("uri", status.uri());
        }
        return SdJwtIssuer.builder().signingKey(key).random(PassportFixture.random(7)).build()
                .issue(claims, disclosable, f.holderKey.verificationKey()).compact();
    }

    @Test
    void signedGarbageIsStillGarbage() {
        ObjectNode content = CredentialClaims.toClaims(TestCredentials.registration());
        content.put("registration_number", "712345");
        String issued = signRaw(content, REGULATOR, f.regulatorKey, List.of(ClaimPath.of("registration_number")), true);
        String presentation = f.wallet(f.holderKey, issued).present(AUDIENCE, NONCE,
                DisclosureRequest.of(CredentialType.PROFESSIONAL_REGISTRATION, "/registration_number"));
        PassportFailure failure = only(f.verifier().verify(presentation, NONCE), 0,
                CredentialProblem.REGISTRATION_NUMBER_FORMAT);
        assertEquals("/registration_number", failure.path());
    }

    @Test
    void aCredentialWithoutExpiryIsRefused() {
        String issued = signRaw(CredentialClaims.toClaims(TestCredentials.dbs()), TRUST, f.trustKey, List.of(), false);
        only(f.verifier().verify(f.wallet(f.holderKey, issued).present(AUDIENCE, NONCE,
                DisclosureRequest.of(CredentialType.DBS_CHECK)), NONCE), 0, ReasonCode.CLAIMS_INVALID);
    }

    @Test
    void aCredentialWithoutStatusFailsClosed() {
        String issued = signRaw(CredentialClaims.toClaims(TestCredentials.dbs()), TRUST, f.trustKey, List.of(), true, false);
        PassportFailure failure = only(f.verifier().verify(f.wallet(f.holderKey, issued).present(AUDIENCE, NONCE,
                DisclosureRequest.of(CredentialType.DBS_CHECK)), NONCE), 0, ReasonCode.CLAIMS_INVALID);
        assertTrue(failure.message().contains("status"), failure.message());
    }

    @Test
    void everyReasonOfEveryCredentialIsListed() {
        ObjectNode content = CredentialClaims.toClaims(TestCredentials.registration());
        content.put("registration_number", "712345");
        content.put("checked_on", "2099-01-01");
        String badContent = single(f.wallet(f.holderKey,
                        signRaw(content, REGULATOR, f.regulatorKey, List.of(), true))
                .present(AUDIENCE, NONCE, DisclosureRequest.of(CredentialType.PROFESSIONAL_REGISTRATION)));
        String revoked = single(presentDbs(f.issue(f.issuer(TRUST, f.trustKey), TestCredentials.dbs(), f.holderKey,
                new StatusReference(STATUS_URI, PassportFixture.REVOKED_INDEX))));
        String unknownIssuer = single(f.wallet(f.holderKey, f.issue(f.issuer("https://rogue.example",
                        PassportFixture.key(98)), TestCredentials.training(), f.holderKey, f.nextStatus()))
                .present(AUDIENCE, NONCE, DisclosureRequest.of(CredentialType.MANDATORY_TRAINING)));
        PassportVerification.Rejected rejected = rejected(f.verifier().verify(wrap(badContent, revoked, unknownIssuer), NONCE));
        List<String> seen = rejected.failures().stream()
                .map(x -> x.credentialIndex().getAsInt() + ":" + x.codeName() + x.path()).toList();
        assertEquals(List.of("0:DATE_IN_FUTURE/checked_on", "0:REGISTRATION_NUMBER_FORMAT/registration_number",
                "1:CREDENTIAL_REVOKED", "2:UNKNOWN_ISSUER"), seen);
        assertEquals(Optional.of(CredentialType.MANDATORY_TRAINING.vct()), rejected.failures().get(3).vct());
    }

    @Test
    void badDocumentsAreRefusedWithoutThrowing() {
        PassportVerifier verifier = f.verifier();
        only(verifier.verify("{\"presentation\":[]}", NONCE), -1, PassportProblem.EMPTY_PRESENTATION);
        only(verifier.verify("not json", NONCE), -1, ReasonCode.MALFORMED);
        only(verifier.verify("{\"presentation\":[],\"x\":1}", NONCE), -1, ReasonCode.MALFORMED);
        only(verifier.verify("{\"presentation\":[1]}", NONCE), -1, ReasonCode.MALFORMED);
        only(verifier.verify("{\"presentation\":\"a~\"}", NONCE), -1, ReasonCode.MALFORMED);
        only(verifier.verify("{\"presentation\":[\"a\"],\"presentation\":[\"b\"]}", NONCE), -1, ReasonCode.MALFORMED);
        only(verifier.verify(" ".repeat(PassportVerifier.DEFAULT_MAX_LENGTH + 1), NONCE), -1, ReasonCode.TOO_LARGE);
        only(verifier.verify(PresentationFormat.write(java.util.Collections.nCopies(17, "x")), NONCE), -1, ReasonCode.TOO_LARGE);
        only(verifier.verify(wrap("garbage"), NONCE), 0, ReasonCode.MALFORMED);
        PassportFailure kbMissing = only(verifier.verify(wrap(f.issue(TestCredentials.dbs())), NONCE), 0, ReasonCode.KB_MISSING);
        assertEquals(Optional.of(CredentialType.DBS_CHECK.vct()), kbMissing.vct());
        assertFalse(verifier.verify(wrap("x.y.z~"), NONCE).isAccepted());
    }
}
