package org.staffpass.passport;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.status.StatusList;
import org.staffpass.crypto.status.StatusListSigner;
import org.staffpass.crypto.status.StatusListStore;
import org.staffpass.crypto.status.StatusReference;
import org.staffpass.crypto.status.TokenStatus;
import org.staffpass.crypto.trust.TrustAnchors;
import org.staffpass.crypto.trust.TrustList;
import org.staffpass.crypto.trust.TrustedIssuer;
import org.staffpass.passport.credential.Credential;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.TestCredentials;

/**
 * A small scheme for tests: an operator, a trust (authorised for every type but professional
 * registration), a regulator (professional registration only), a suspended issuer, a status
 * list, a holder wallet and a verifier, all at {@link #T0} on a clock tests may move.
 */
final class PassportFixture {
    static final Instant T0 = TestCredentials.clock().instant();
    static final String TRUST = "https://rtd.nhs.example";
    static final String REGULATOR = "https://gmc.example";
    static final String SUSPENDED = "https://suspended.example";
    static final String STATUS_URI = "https://rtd.nhs.example/status/1";
    static final String AUDIENCE = "ODS:RTD-bank";
    static final String NONCE = "n-0S6_WzA2Mj";
    static final int REVOKED_INDEX = 60;
    static final int SUSPENDED_INDEX = 61;
    static final int OTHER_STATUS_INDEX = 62;

    final MutableClock clock = new MutableClock(T0);
    final SigningKey operatorKey = key(1);
    final SigningKey trustKey = key(2);
    final SigningKey regulatorKey = key(3);
    final SigningKey suspendedKey = key(4);
    final SigningKey statusKey = key(5);
    final SigningKey holderKey = key(6);
    final SigningKey otherHolderKey = key(7);
    final TrustAnchors anchors;
    final StatusListStore statusLists;
    private final AtomicLong nextIndex = new AtomicLong();

    PassportFixture() {
        TrustList list = TrustList.builder().operator("https://operator.example").sequence(1)
                .issuedAt(T0.minus(Duration.ofDays(1))).expiresAt(T0.plus(Duration.ofDays(30)))
                .issuer(issuer(TRUST, trustKey, TrustedIssuer.Status.ACTIVE, false))
                .issuer(issuer(REGULATOR, regulatorKey, TrustedIssuer.Status.ACTIVE, true))
                .issuer(issuer(SUSPENDED, suspendedKey, TrustedIssuer.Status.SUSPENDED, false))
                .build();
        anchors = TrustAnchors.load(list.sign(operatorKey), List.of(operatorKey.verificationKey()), clock).value();
        statusLists = StatusListStore.builder().trustedKeys(List.of(statusKey.verificationKey())).clock(clock)
                .maxAge(Duration.ofDays(1)).build();
        StatusList statuses = StatusList.builder(2, 64).set(REVOKED_INDEX, TokenStatus.INVALID)
                .set(SUSPENDED_INDEX, TokenStatus.SUSPENDED).set(OTHER_STATUS_INDEX, TokenStatus.of(3)).build();
        String token = StatusListSigner.builder().key(statusKey).clock(clock).build().sign(STATUS_URI, statuses);
        if (!statusLists.load("fixture", token).isStored()) {
            throw new IllegalStateException("fixture status list not stored");
        }
    }

    private static TrustedIssuer issuer(String id, SigningKey key, TrustedIssuer.Status status, boolean regulator) {
        TrustedIssuer.Builder builder = TrustedIssuer.builder().id(id).name("Issuer " + id).organisationCode("ORG")
                .status(status).validFrom(T0.minus(Duration.ofDays(365))).key(key.verificationKey());
        for (CredentialType type : CredentialType.values()) {
            if ((type == CredentialType.PROFESSIONAL_REGISTRATION) == regulator) {
                builder.credentialType(type.vct());
            }
        }
        return builder.build();
    }

    static SecureRandom random(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static SigningKey key(long seed) {
        return SigningKey.generate(SignatureAlgorithm.ES256, random(seed));
    }

    PassportIssuer issuer(String id, SigningKey key) {
        return issuer(id, key, clock);
    }

    PassportIssuer issuer(String id, SigningKey key, Clock issuerClock) {
        return PassportIssuer.builder().issuerId(id).signingKey(key).clock(issuerClock).random(random(42))
                .validator(TestCredentials.validator()).build();
    }

    /** The issuer a credential of this type comes from in this scheme. */
    PassportIssuer issuerFor(Credential credential) {
        return credential.credentialType() == CredentialType.PROFESSIONAL_REGISTRATION
                ? issuer(REGULATOR, regulatorKey) : issuer(TRUST, trustKey);
    }

    StatusReference nextStatus() {
        // entries 0-55 are VALID; reusing one is harmless in tests
        return new StatusReference(STATUS_URI, nextIndex.getAndIncrement() % 56);
    }

    /** Issues {@code credential} to the holder from its scheme issuer, valid for a year. */
    String issue(Credential credential) {
        return issue(issuerFor(credential), credential, holderKey, nextStatus());
    }

    String issue(PassportIssuer issuer, Credential credential, SigningKey holder, StatusReference status) {
        return issuer.issue(credential, holder.verificationKey(), clock.instant().plus(Duration.ofDays(365)), status)
                .value().compact();
    }

    Wallet wallet(SigningKey holder, String... credentials) {
        Wallet wallet = Wallet.create(holder, clock);
        for (String credential : credentials) {
            if (!wallet.add(credential).isAccepted()) {
                throw new IllegalStateException("wallet refused a credential: " + wallet.add(credential));
            }
        }
        return wallet;
    }

    PassportVerifier verifier() {
        return verifier(AUDIENCE);
    }

    PassportVerifier verifier(String audience) {
        return PassportVerifier.builder().trustAnchors(anchors).statusLists(statusLists).audience(audience)
                .clock(clock).validator(TestCredentials.validator()).build();
    }

    /** A clock tests move. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
