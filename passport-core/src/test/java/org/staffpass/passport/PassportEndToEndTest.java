package org.staffpass.passport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffpass.passport.PassportFixture.AUDIENCE;
import static org.staffpass.passport.PassportFixture.NONCE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.passport.credential.Credential;
import org.staffpass.passport.credential.CredentialClaims;
import org.staffpass.passport.credential.CredentialProblem;
import org.staffpass.passport.credential.CredentialResult;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.DbsCheck;
import org.staffpass.passport.credential.ProfessionalRegistration;
import org.staffpass.passport.credential.TestCredentials;
import org.staffpass.passport.internal.PresentationFormat;
import org.staffpass.passport.internal.UnverifiedSdJwt;

/** One test per user path: the issuer, the holder's wallet, the verifying trust. */
class PassportEndToEndTest {
    private final PassportFixture f = new PassportFixture();

    @Test
    void issuerSignsEveryValidCredentialAsAnSdJwtVcAndRefusesBadData() {
        for (Credential credential : TestCredentials.all()) {
            PassportIssuer issuer = f.issuerFor(credential);
            CredentialResult<IssuedCredential> result = issuer.issue(credential, f.holderKey.verificationKey(),
                    f.clock.instant().plus(Duration.ofDays(90)), f.nextStatus());
            IssuedCredential issued = result.value();
            UnverifiedSdJwt parsed = UnverifiedSdJwt.parse(issued.compact(), 1 << 20).value();
            assertEquals("dc+sd-jwt", parsed.header().get("typ").textValue());
            ObjectNode payload = parsed.payload();
            assertEquals(issuer.issuerId(), payload.get("iss").textValue());
            assertEquals(PassportFixture.T0.getEpochSecond(), payload.get("iat").longValue());
            assertEquals(issued.expiresAt().getEpochSecond(), payload.get("exp").longValue());
            assertEquals(credential.credentialType().vct(), payload.get("vct").textValue());
            assertEquals(f.holderKey.verificationKey().thumbprint(),
                    VerificationKey.fromJwk((ObjectNode) payload.get("cnf").get("jwk")).value().thumbprint());
            assertEquals(issued.status().uri(), payload.get("status").get("status_list").get("uri").textValue());
            assertEquals(issued.status().index(), payload.get("status").get("status_list").get("idx").longValue());
            // every selectively disclosable claim, and nothing else, is a disclosure
            for (UnverifiedSdJwt.Part part : parsed.disclosures()) {
                assertTrue(DisclosureRequest.isDisclosable(credential.credentialType(), part.pointer().orElseThrow()),
                        part.pointer().toString());
            }
            ObjectNode claims = CredentialClaims.toClaims(credential);
            long expected = credential.credentialType().selectivelyDisclosable().stream()
                    .mapToLong(p -> p.endsWith("/*") ? claims.get(p.substring(1, p.length() - 2)).size() : 1).sum();
            assertEquals(expected, parsed.disclosures().size(), credential.credentialType().toString());
        }
        ProfessionalRegistration sixDigits = withNumber(TestCredentials.registration(), Optional.of("712345"));
        CredentialResult<IssuedCredential> refused = f.issuer(PassportFixture.REGULATOR, f.regulatorKey)
                .issue(sixDigits, f.holderKey.verificationKey(), f.clock.instant().plus(Duration.ofDays(1)), f.nextStatus());
        assertEquals(List.of(CredentialProblem.REGISTRATION_NUMBER_FORMAT),
                refused.violations().stream().map(v -> v.problem()).toList());
        CredentialResult<IssuedCredential> incomplete = f.issuer(PassportFixture.REGULATOR, f.regulatorKey)
                .issue(withNumber(TestCredentials.registration(), Optional.empty()), f.holderKey.verificationKey(),
                        f.clock.instant().plus(Duration.ofDays(1)), f.nextStatus());
        assertEquals(CredentialProblem.MISSING_CLAIM, incomplete.violations().get(0).problem());
        assertThrows(IllegalArgumentException.class, () -> f.issuer(PassportFixture.TRUST, f.trustKey)
                .issue(TestCredentials.dbs(), f.holderKey.verificationKey(), f.clock.instant(), f.nextStatus()));
        assertThrows(IllegalStateException.class, () -> PassportIssuer.builder().issuerId("x").build());
        assertThrows(IllegalStateException.class, () -> PassportIssuer.builder().issuerId("x").issuerId("y"));
    }

    private static ProfessionalRegistration withNumber(ProfessionalRegistration r, Optional<String> number) {
        return new ProfessionalRegistration(r.register(), number, r.registrationType(), r.registrationStatus(),
                r.licenceToPractise(), r.annotations(), r.renewalDue(), r.checkedOn());
    }

    @Test
    void walletKeepsItsOwnCredentialsAndPresentsOnlyWhatIsAsked() {
        String dbs = f.issue(TestCredentials.dbs());
        String training = f.issue(TestCredentials.training());
        Wallet wallet = f.wallet(f.holderKey, dbs, training);
        assertEquals(Set.of(CredentialType.DBS_CHECK, CredentialType.MANDATORY_TRAINING), wallet.types());
        // another holder's credential, garbage and a presentation are refused, never thrown
        String theirs = f.issue(f.issuerFor(TestCredentials.dbs()), TestCredentials.dbs(), f.otherHolderKey, f.nextStatus());
        assertEquals(ReasonCode.KB_NO_HOLDER_KEY, ((org.staffpass.crypto.Verification.Rejected<?>) wallet.add(theirs)).reason());
        assertFalse(wallet.add("garbage").isAccepted());
        String document = wallet.present(AUDIENCE, NONCE, DisclosureRequest.of(CredentialType.MANDATORY_TRAINING, "/subjects/1")
                .and(CredentialType.DBS_CHECK));
        JsonNode presented = StrictJson.parseObject(document, "test").value().get(PresentationFormat.MEMBER);
        assertEquals(2, presented.size());
        assertFalse(wallet.add(presented.get(0).textValue()).isAccepted());
        UnverifiedSdJwt dbsShown = UnverifiedSdJwt.parse(presented.get(0).textValue(), 1 << 20).value();
        assertEquals(0, dbsShown.disclosures().size());
        assertTrue(dbsShown.kbJwt().isPresent());
        UnverifiedSdJwt trainingShown = UnverifiedSdJwt.parse(presented.get(1).textValue(), 1 << 20).value();
        assertEquals(List.of(Optional.of("/subjects/1")),
                trainingShown.disclosures().stream().map(UnverifiedSdJwt.Part::pointer).toList());
        assertThrows(IllegalArgumentException.class, () -> wallet.present(AUDIENCE, NONCE,
                DisclosureRequest.of(CredentialType.GRADE)));
        assertThrows(IllegalArgumentException.class, () -> wallet.present(AUDIENCE, NONCE,
                DisclosureRequest.of(CredentialType.MANDATORY_TRAINING, "/subjects/40")));
        assertThrows(IllegalArgumentException.class, () -> DisclosureRequest.of(CredentialType.DBS_CHECK, "/clearance"));
    }

    @Test
    void verifyingTrustReadsEachCredentialTypedWithItsIssuerAndAnAuditDigest() {
        String[] issued = TestCredentials.all().stream().map(f::issue).toArray(String[]::new);
        Wallet wallet = f.wallet(f.holderKey, issued);
        DisclosureRequest request = DisclosureRequest.of(CredentialType.DBS_CHECK)
                .and(CredentialType.PROFESSIONAL_REGISTRATION, "/registration_number")
                .and(CredentialType.RIGHT_TO_WORK).and(CredentialType.IDENTITY_VERIFICATION, "/family_name")
                .and(CredentialType.OCCUPATIONAL_HEALTH, "/immunisations/*").and(CredentialType.MANDATORY_TRAINING)
                .and(CredentialType.GRADE).and(CredentialType.SPECIALTY).and(CredentialType.EMPLOYMENT);
        PassportVerifier verifier = f.verifier();
        VerifiedPassport passport = assertInstanceOf(VerifiedPassport.class,
                verifier.verify(wallet.present(AUDIENCE, NONCE, request), NONCE));
        assertEquals(9, passport.credentials().size());
        VerifiedCredential<ProfessionalRegistration> registration = passport.professionalRegistration().orElseThrow();
        assertEquals(PassportFixture.REGULATOR, registration.issuer().id());
        assertEquals(Optional.of("7123456"), registration.credential().registrationNumber());
        assertEquals(Set.of("/registration_number"), registration.disclosed());
        VerifiedCredential<DbsCheck> dbs = passport.dbsCheck().orElseThrow();
        assertEquals(PassportFixture.TRUST, dbs.issuer().id());
        assertEquals(Optional.empty(), dbs.credential().certificateNumber());
        assertEquals(PassportFixture.T0, dbs.issuedAt());
        assertEquals(PassportFixture.T0.plus(Duration.ofDays(365)), dbs.expiresAt());
        assertEquals(Optional.empty(), passport.identityVerification().orElseThrow().credential().givenName());
        assertTrue(passport.identityVerification().orElseThrow().credential().familyName().isPresent());
        assertTrue(passport.mandatoryTraining().orElseThrow().credential().subjects().isEmpty());
        assertFalse(passport.occupationalHealth().orElseThrow().credential().immunisations().isEmpty());
        assertTrue(passport.rightToWork().isPresent() && passport.grade().isPresent() && passport.specialty().isPresent()
                && passport.employment().isPresent());
        // the audit digest names the credential, whatever was disclosed and whichever nonce
        f.clock.advance(Duration.ofSeconds(30));
        VerifiedPassport again = assertInstanceOf(VerifiedPassport.class, verifier.verify(
                wallet.present(AUDIENCE, "nonce-2", DisclosureRequest.of(CredentialType.DBS_CHECK, "/certificate_number")),
                "nonce-2"));
        assertEquals(dbs.credentialDigest(), again.dbsCheck().orElseThrow().credentialDigest());
        assertEquals(Optional.of("001234567890"), again.dbsCheck().orElseThrow().credential().certificateNumber());
        assertThrows(IllegalStateException.class, () -> PassportVerifier.builder().audience("a").build());
    }
}
