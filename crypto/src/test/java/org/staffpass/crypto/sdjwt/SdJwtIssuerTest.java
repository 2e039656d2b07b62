package org.staffpass.crypto.sdjwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffpass.crypto.sdjwt.SdJwtTokens.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.StrictJson;

/** Issuing and presenting: what the issuer writes, what the holder reveals, what the verifier then sees. */
class SdJwtIssuerTest {

    static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static SdJwtIssuer issuer(int decoys) {
        return SdJwtIssuer.builder().signingKey(ISSUER).random(seeded(42)).decoys(decoys).build();
    }

    static ObjectNode staffClaims() {
        ObjectNode claims = object();
        claims.put("iss", "https://issuer.example").put("iat", NOW.getEpochSecond() - 60).put("exp", NOW.getEpochSecond() + 3600)
                .put("vct", "urn:example:staff:1");
        claims.putObject("status").putObject("status_list").put("idx", 7).put("uri", "https://issuer.example/status/1");
        claims.put("given_name", "Ada").put("family_name", "Lovelace");
        ObjectNode address = claims.putObject("address");
        address.put("street", "1 Main St").put("locality", "Leeds").put("country", "GB");
        claims.putArray("registrations").add("GMC").add("NMC").add("HCPC");
        return claims;
    }

    static final List<ClaimPath> DISCLOSABLE = List.of(ClaimPath.of("given_name"), ClaimPath.of("family_name"),
            ClaimPath.of("address"), ClaimPath.of("address", "street"), ClaimPath.of("address", "locality"),
            ClaimPath.of("registrations", 0), ClaimPath.of("registrations", 2));

    static JsonNode payloadOf(String compact) {
        String jwt = compact.substring(0, compact.indexOf('~'));
        return StrictJson.parseObject(Base64Url.decode(jwt.split("\\.")[1]).orElseThrow(), "payload").value();
    }

    static VerifiedSdJwt holderView(String issued) {
        return assertAccepted(verifier().verify(issued, KeyBinding.forbidden()));
    }

    @Test
    void theIssuerWritesTypSdAlgCnfAndSortedDigestsWithDecoys() {
        IssuedSdJwt issued = issuer(3).issue(staffClaims(), DISCLOSABLE, HOLDER.verificationKey());
        String header = new String(Base64Url.decode(issued.issuerSignedJwt().split("\\.")[0]).orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(header.contains("\"typ\":\"dc+sd-jwt\""), header);
        JsonNode payload = payloadOf(issued.compact());
        assertEquals("sha-256", payload.get("_sd_alg").textValue());
        assertEquals(HOLDER.verificationKey().toJwk(), payload.at("/cnf/jwk"));
        List<String> top = new ArrayList<>();
        payload.get("_sd").forEach(d -> top.add(d.textValue()));
        assertEquals(3 + 3, top.size(), "given_name, family_name, address and three decoys");
        assertEquals(top.stream().sorted().toList(), top);
        assertEquals(3, payload.at("/registrations").size(), "three elements, two of them digests");
        assertTrue(payload.at("/registrations/0").has("..."));
        assertEquals("NMC", payload.at("/registrations/1").textValue());
        assertTrue(payload.has("iss") && payload.has("vct") && payload.has("status") && payload.has("exp"));
        assertEquals(7, issued.disclosures().size());
        for (Disclosure d : issued.disclosures()) {
            JsonNode array = StrictJson.parseArray(Base64Url.decode(d.encoded()).orElseThrow(), "d").value();
            assertEquals(16, Base64Url.decode(array.get(0).textValue()).orElseThrow().length, "128-bit salt");
        }
        VerifiedSdJwt holder = holderView(issued.compact());
        ObjectNode expected = staffClaims();
        expected.putObject("cnf").set("jwk", HOLDER.verificationKey().toJwk());
        assertEquals(StrictJson.parseObject(StrictJson.write(expected), "e").value(), holder.claims());
    }

    @Test
    void aSeededRandomMakesIssuanceDeterministicAndSaltsDiffer() {
        String first = issuer(2).issue(staffClaims(), DISCLOSABLE).compact();
        assertEquals(first, issuer(2).issue(staffClaims(), DISCLOSABLE).compact());
        String other = SdJwtIssuer.builder().signingKey(ISSUER).random(seeded(43)).decoys(2).build()
                .issue(staffClaims(), DISCLOSABLE).compact();
        assertNotEquals(first, other);
    }

    @Test
    void revealingANestedClaimBringsItsParentAndRevealingAParentBringsItsContents() {
        String issued = issuer(0).issue(staffClaims(), DISCLOSABLE, HOLDER.verificationKey()).compact();
        VerifiedSdJwt credential = holderView(issued);
        SdJwtPresenter presenter = SdJwtPresenter.of(CLOCK);

        VerifiedSdJwt street = assertAccepted(verifyBound(presenter.present(credential,
                List.of(ClaimPath.of("address", "street")), HOLDER, AUD, NONCE)));
        assertEquals(json("{\"country\":\"GB\",\"street\":\"1 Main St\"}"), street.claims().get("address"));
        assertTrue(!street.claims().has("given_name"));
        assertEquals(Set.of(ClaimPath.of("address"), ClaimPath.of("address", "street")),
                Set.copyOf(street.disclosures().stream().map(Disclosure::path).toList()));

        VerifiedSdJwt whole = assertAccepted(verify(presenter.present(credential, List.of(ClaimPath.of("address")))));
        assertEquals(json("{\"country\":\"GB\",\"locality\":\"Leeds\",\"street\":\"1 Main St\"}"), whole.claims().get("address"));

        VerifiedSdJwt none = assertAccepted(verify(presenter.present(credential, List.of())));
        assertTrue(!none.claims().has("address"));
        assertEquals("[\"NMC\"]", none.claims().get("registrations").toString());

        VerifiedSdJwt third = assertAccepted(verify(presenter.present(credential, List.of(ClaimPath.of("registrations", 2)))));
        assertEquals("[\"NMC\",\"HCPC\"]", third.claims().get("registrations").toString());
    }

    /** Objects compare as maps: the order of members does not matter. */
    private static JsonNode json(String text) {
        return StrictJson.parseObject(text, "expected").value();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA_384", "SHA_512"})
    void otherHashAlgorithmsRoundTripWithKeyBinding(String name) {
        SdHashAlgorithm algorithm = SdHashAlgorithm.valueOf(name);
        String issued = SdJwtIssuer.builder().signingKey(ISSUER).random(seeded(1)).hashAlgorithm(algorithm).build()
                .issue(staffClaims(), DISCLOSABLE, HOLDER.verificationKey()).compact();
        VerifiedSdJwt credential = holderView(issued);
        assertEquals(algorithm, credential.hashAlgorithm());
        String presented = SdJwtPresenter.of(CLOCK).present(credential, List.of(ClaimPath.of("given_name")), HOLDER, AUD, NONCE);
        assertEquals("Ada", assertAccepted(verifyBound(presented)).claims().get("given_name").textValue());
    }

    @Test
    void ed25519IssuerAndHolder() {
        SigningKey issuerKey = SigningKey.generate(SignatureAlgorithm.EDDSA);
        SigningKey holderKey = SigningKey.generate(SignatureAlgorithm.EDDSA);
        String issued = SdJwtIssuer.builder().signingKey(issuerKey).random(new SecureRandom()).build()
                .issue(staffClaims(), DISCLOSABLE, holderKey.verificationKey()).compact();
        SdJwtVerifier verifier = SdJwtVerifier.builder().issuerKey(issuerKey.verificationKey()).clock(CLOCK).build();
        VerifiedSdJwt credential = assertAccepted(verifier.verify(issued, KeyBinding.forbidden()));
        String presented = SdJwtPresenter.of(CLOCK).present(credential, List.of(ClaimPath.of("family_name")), holderKey, AUD, NONCE);
        assertEquals("Lovelace", assertAccepted(verifier.verify(presented, KeyBinding.required(AUD, NONCE)))
                .claims().get("family_name").textValue());
        assertThrows(IllegalArgumentException.class, () -> SdJwtPresenter.of(CLOCK).present(credential, List.of(), HOLDER, AUD, NONCE));
    }

    @Test
    void aCredentialWithoutHolderKeyCannotBeKeyBound() {
        String issued = issuer(0).issue(staffClaims(), DISCLOSABLE).compact();
        VerifiedSdJwt credential = holderView(issued);
        assertThrows(IllegalArgumentException.class, () -> SdJwtPresenter.of(CLOCK).present(credential, List.of(), HOLDER, AUD, NONCE));
        assertRejected(ReasonCode.KB_NO_HOLDER_KEY, verifyBound(withKb(issued)));
    }

    @Test
    void programmerErrorsAreExceptions() {
        SdJwtIssuer issuer = issuer(0);
        assertThrows(IllegalArgumentException.class, () -> issuer.issue(staffClaims(), List.of(ClaimPath.of("nickname"))));
        assertThrows(IllegalArgumentException.class, () -> issuer.issue(staffClaims(), List.of(ClaimPath.of("registrations", 3))));
        for (String visible : List.of("iss", "exp", "nbf", "cnf", "vct", "status")) {
            assertThrows(IllegalArgumentException.class, () -> issuer.issue(staffClaims(), List.of(ClaimPath.of(visible))), visible);
        }
        assertThrows(IllegalArgumentException.class, () -> issuer.issue(staffClaims(), List.of(ClaimPath.of("status", "status_list"))));
        ObjectNode reserved = staffClaims();
        ((ObjectNode) reserved.get("address")).putArray("_sd");
        assertThrows(IllegalArgumentException.class, () -> issuer.issue(reserved, List.of()));
        ObjectNode ellipsis = staffClaims();
        ellipsis.put("...", 1);
        assertThrows(IllegalArgumentException.class, () -> issuer.issue(ellipsis, List.of()));
        ObjectNode withCnf = staffClaims();
        withCnf.putObject("cnf");
        assertThrows(IllegalArgumentException.class, () -> issuer.issue(withCnf, List.of(), HOLDER.verificationKey()));
        ObjectNode withAlg = staffClaims();
        withAlg.put("_sd_alg", "sha-256");
        assertThrows(IllegalArgumentException.class, () -> issuer.issue(withAlg, List.of()));
        assertThrows(IllegalStateException.class, () -> SdJwtIssuer.builder().signingKey(ISSUER).build());
        assertThrows(IllegalStateException.class, () -> SdJwtIssuer.builder().random(new SecureRandom()).build());
        assertThrows(IllegalArgumentException.class, () -> SdJwtIssuer.builder().type("kb+jwt"));
        assertThrows(IllegalArgumentException.class, () -> SdJwtIssuer.builder().decoys(65));
        assertThrows(IllegalStateException.class, () -> SdJwtIssuer.builder().decoys(1).decoys(2));
        assertThrows(IllegalArgumentException.class, () -> ClaimPath.of());
        assertThrows(IllegalArgumentException.class, () -> ClaimPath.of("a", -1));
        assertThrows(IllegalArgumentException.class, () -> ClaimPath.of("a", 1.5));
        assertEquals("[\"a\\\"b\",3]", ClaimPath.of("a\"b", 3).toString());
    }

    @Test
    void manyDisclosuresAreProcessedInOnePass() {
        // 50,000 disclosures and as many decoys: each is hashed once and found by map lookup.
        ObjectNode claims = staffClaims();
        ObjectNode many = claims.putObject("many");
        List<ClaimPath> paths = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            many.put("c" + i, i);
            paths.add(ClaimPath.of("many", "c" + i));
        }
        String issued = issuer(0).issue(claims, paths).compact();
        VerifiedSdJwt verified = assertAccepted(verify(issued));
        assertEquals(30_000, verified.claims().get("many").size());
        String extra = disclosure("salt-extra-01", "x", object());
        assertRejected(ReasonCode.DISCLOSURE_UNREFERENCED, verify(issued + extra + "~"));
    }
}
