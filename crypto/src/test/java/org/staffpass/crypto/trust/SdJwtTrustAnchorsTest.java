package org.staffpass.crypto.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.staffpass.crypto.trust.TrustListSamples.KEY_POOL;
import static org.staffpass.crypto.trust.TrustListSamples.T0;
import static org.staffpass.crypto.trust.TrustListSamples.VCT_A;
import static org.staffpass.crypto.trust.TrustListSamples.VCT_B;
import static org.staffpass.crypto.trust.TrustListSamples.issuer;
import static org.staffpass.crypto.trust.TrustListSamples.list;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.sdjwt.ClaimPath;
import org.staffpass.crypto.sdjwt.KeyBinding;
import org.staffpass.crypto.sdjwt.SdJwtIssuer;
import org.staffpass.crypto.sdjwt.SdJwtVerifier;
import org.staffpass.crypto.sdjwt.VerifiedSdJwt;

/** The SD-JWT verifier's issuer-key resolver, plugged into a trust list as passport-core does. */
class SdJwtTrustAnchorsTest {
    private static final SigningKey ROOT = KEY_POOL.get(0);
    private static final SigningKey ACTIVE_KEY = KEY_POOL.get(2);
    private static final SigningKey SUSPENDED_KEY = KEY_POOL.get(3);
    private static final Clock CLOCK = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);

    private static SdJwtVerifier verifier() {
        String listJws = list(1)
                .issuer(issuer("https://active.example", ACTIVE_KEY).status(TrustedIssuer.Status.ACTIVE).build())
                .issuer(issuer("https://suspended.example", SUSPENDED_KEY).status(TrustedIssuer.Status.SUSPENDED).build())
                .build().sign(ROOT);
        TrustAnchors anchors = TrustAnchors.load(listJws, List.of(ROOT.verificationKey()), CLOCK).value();
        return SdJwtVerifier.builder().clock(CLOCK)
                .issuerKeys((iss, kid, vct) -> anchors.resolve(iss, kid.orElse(""), vct.orElse(""), CLOCK.instant())
                        .map(ResolvedKey::key))
                .build();
    }

    private static String credential(SigningKey key, String iss, String vct) {
        ObjectNode claims = JsonNodeFactory.instance.objectNode();
        claims.put("iss", iss).put("vct", vct).put("iat", CLOCK.instant().getEpochSecond()).put("given_name", "Ada");
        return SdJwtIssuer.builder().signingKey(key).random(new SecureRandom()).build()
                .issue(claims, List.of(ClaimPath.of("given_name"))).compact();
    }

    private static ReasonCode reason(Verification<VerifiedSdJwt> result) {
        return result instanceof Verification.Rejected<VerifiedSdJwt> r ? r.reason() : null;
    }

    @Test
    void anAuthorisedIssuerVerifiesAndEveryTrustListRefusalPassesThrough() {
        SdJwtVerifier verifier = verifier();
        Verification<VerifiedSdJwt> ok = verifier.verify(credential(ACTIVE_KEY, "https://active.example", VCT_A), KeyBinding.optional());
        assertEquals(null, reason(ok));
        assertEquals("Ada", ok.value().claims().get("given_name").textValue());
        assertEquals(ReasonCode.ISSUER_NOT_AUTHORISED_FOR_TYPE, reason(verifier.verify(
                credential(ACTIVE_KEY, "https://active.example", VCT_B), KeyBinding.optional())));
        assertEquals(ReasonCode.UNKNOWN_ISSUER, reason(verifier.verify(
                credential(ACTIVE_KEY, "https://unknown.example", VCT_A), KeyBinding.optional())));
        assertEquals(ReasonCode.ISSUER_SUSPENDED, reason(verifier.verify(
                credential(SUSPENDED_KEY, "https://suspended.example", VCT_A), KeyBinding.optional())));
        // The active issuer's name on a credential signed with another listed key: that key's kid is not the issuer's.
        assertEquals(ReasonCode.UNKNOWN_KEY, reason(verifier.verify(
                credential(SUSPENDED_KEY, "https://active.example", VCT_A), KeyBinding.optional())));
    }
}
