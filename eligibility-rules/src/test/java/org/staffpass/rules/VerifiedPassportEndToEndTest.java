package org.staffpass.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.status.StatusList;
import org.staffpass.crypto.status.StatusListSigner;
import org.staffpass.crypto.status.StatusListStore;
import org.staffpass.crypto.status.StatusReference;
import org.staffpass.crypto.trust.TrustAnchors;
import org.staffpass.crypto.trust.TrustList;
import org.staffpass.crypto.trust.TrustedIssuer;
import org.staffpass.passport.DisclosureRequest;
import org.staffpass.passport.PassportIssuer;
import org.staffpass.passport.PassportVerification;
import org.staffpass.passport.PassportVerifier;
import org.staffpass.passport.VerifiedPassport;
import org.staffpass.passport.Wallet;
import org.staffpass.passport.credential.Credential;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.IdentityVerification;
import org.staffpass.testing.Property;

/**
 * The real path: credentials issued, held in a wallet, presented for exactly the policy's
 * disclosure request, verified, then decided from the VerifiedPassport and from its facts.
 */
class VerifiedPassportEndToEndTest {
    static final Instant NOW = FamiliesTest.AT;
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String ISSUER = "https://lead-employer.nhs.example";
    static final String STATUS_URI = "https://lead-employer.nhs.example/status/1";
    static final String AUDIENCE = "ODS:RTD-bank";

    static SigningKey key(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return SigningKey.generate(SignatureAlgorithm.ES256, random);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static final SigningKey OPERATOR = key(1);
    static final SigningKey ISSUER_KEY = key(2);
    static final SigningKey HOLDER = key(3);

    static PassportVerifier verifier() {
        TrustedIssuer.Builder issuer = TrustedIssuer.builder().id(ISSUER).name("Lead employer").organisationCode("RRF")
                .status(TrustedIssuer.Status.ACTIVE).validFrom(NOW.minus(Duration.ofDays(365)))
                .key(ISSUER_KEY.verificationKey());
        for (CredentialType type : CredentialType.values()) {
            issuer.credentialType(type.vct());
        }
        TrustList list = TrustList.builder().operator("https://operator.example").sequence(1)
                .issuedAt(NOW.minus(Duration.ofDays(1))).expiresAt(NOW.plus(Duration.ofDays(30))).issuer(issuer.build()).build();
        TrustAnchors anchors = TrustAnchors.load(list.sign(OPERATOR), List.of(OPERATOR.verificationKey()), CLOCK).value();
        StatusListStore store = StatusListStore.builder().trustedKeys(List.of(ISSUER_KEY.verificationKey())).clock(CLOCK)
                .maxAge(Duration.ofDays(1)).build();
        String statuses = StatusListSigner.builder().key(ISSUER_KEY).clock(CLOCK).build()
                .sign(STATUS_URI, StatusList.builder(2, 64).build());
        assertTrue(store.load("test", statuses).isStored());
        return PassportVerifier.builder().trustAnchors(anchors).statusLists(store).audience(AUDIENCE).clock(CLOCK)
                .validator(Workers.validator()).build();
    }

    static Wallet wallet(List<Credential> credentials) {
        PassportIssuer issuer = PassportIssuer.builder().issuerId(ISSUER).signingKey(ISSUER_KEY).clock(CLOCK)
                .random(new SecureRandom()).validator(Workers.validator()).build();
        Wallet wallet = Wallet.create(HOLDER, CLOCK);
        int index = 0;
        for (Credential c : credentials) {
            String issued = issuer.issue(c, HOLDER.verificationKey(), NOW.plus(Duration.ofDays(365)),
                    new StatusReference(STATUS_URI, index++)).value().compact();
            assertTrue(wallet.add(issued).isAccepted());
        }
        return wallet;
    }

    static final PassportVerifier VERIFIER = verifier();

    static VerifiedPassport present(Wallet wallet, DisclosureRequest request) {
        String nonce = "n-" + Long.toHexString(new SecureRandom().nextLong());
        PassportVerification v = VERIFIER.verify(wallet.present(AUDIENCE, nonce, request), nonce);
        return assertInstanceOf(VerifiedPassport.class, v, v.toString());
    }

    @Test
    void aPassportPresentedForTheRequestIsDecidedAndItsFactsReplay() {
        Policy policy = FamiliesTest.POLICY;
        Shift shift = Workers.dayShift();
        Wallet wallet = wallet(Workers.all("ST4"));
        VerifiedPassport passport = present(wallet, policy.disclosureRequest(shift));
        Decision d = policy.evaluate(passport, shift, WorkHistory.empty(), NOW);
        assertEquals(Outcome.ELIGIBLE, d.outcome(), d.findings().stream().filter(f -> !f.passed()).toList().toString());

        PassportFacts facts = PassportFacts.of(passport);
        assertEquals(HOLDER.verificationKey().thumbprint(), facts.holderKeyThumbprint());
        assertEquals(ISSUER, facts.credential(CredentialType.GRADE).orElseThrow().issuer());
        // names were not asked for, so they are not there
        IdentityVerification identity = facts.record(IdentityVerification.class).orElseThrow();
        assertEquals(Optional.empty(), identity.givenName());
        assertEquals(List.of(), facts.credential(CredentialType.IDENTITY_VERIFICATION).orElseThrow().disclosed().stream().toList());
        assertEquals(Workers.training().subjects().size(),
                facts.credential(CredentialType.MANDATORY_TRAINING).orElseThrow().disclosed().size());
        // the facts file replays the same decision
        PassportFacts reread = ((PassportFacts.Parsed) PassportFacts.parse(facts.toJson(), Workers.validator())).facts();
        assertEquals(facts, reread);
        assertEquals(d, policy.evaluate(reread, shift, WorkHistory.empty(), NOW));
    }

    @Test
    void presentingExactlyTheRequestThroughAWalletNeverLeavesAFactUndisclosed() {
        Property.forAll("wallet disclosure suffices", Property.scaled(25), random -> {
            Properties.Scenario sc = Properties.scenario(random);
            List<Credential> held = sc.facts().credentials().values().stream().map(PassportFacts.CredentialFacts::credential)
                    .toList();
            return new Object[] {sc, held};
        }, c -> {
            Properties.Scenario sc = (Properties.Scenario) c[0];
            @SuppressWarnings("unchecked")
            List<Credential> held = (List<Credential>) c[1];
            VerifiedPassport passport = present(wallet(held), sc.policy().disclosureRequest(sc.shift()));
            Decision d = sc.policy().evaluate(passport, sc.shift(), WorkHistory.empty(), NOW);
            assertTrue(d.findings().stream().noneMatch(f -> f.code() == RuleCode.FACT_NOT_DISCLOSED), d.findings().toString());
        });
    }
}
