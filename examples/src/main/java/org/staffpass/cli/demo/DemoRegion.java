package org.staffpass.cli.demo;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.staffpass.crypto.JwsSigner;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.status.StatusList;
import org.staffpass.crypto.status.StatusListSigner;
import org.staffpass.crypto.status.TokenStatus;
import org.staffpass.crypto.trust.TrustList;
import org.staffpass.crypto.trust.TrustedIssuer;

/**
 * A small synthetic staff-bank region for the foundation-stage demo: a scheme operator, three
 * issuers with their keys, two versions of the trust list, status lists, and credential tokens
 * that are good or bad in one named way each. Everything is made from a seed, so the same
 * seed gives the same keys; signatures are deterministic.
 */
public final class DemoRegion {
    /** Credential type identifiers (vct) used by the demo issuers. */
    public static final String VCT_DBS = "https://staffpass.example/vct/dbs-check/v1";
    public static final String VCT_RIGHT_TO_WORK = "https://staffpass.example/vct/right-to-work/v1";
    public static final String VCT_TRAINING = "https://staffpass.example/vct/mandatory-training/v1";

    /** One demo token and the outcome a correct verifier must give it. */
    public record Case(String name, String token, String expected, String why) {
    }

    private final SigningKey operator;
    private final SigningKey leadEmployer;
    private final SigningKey trustHr;
    private final SigningKey suspendedIssuer;
    private final SigningKey attacker;
    private final String trustListV1;
    private final String trustListV2;
    private final String trustListPayloadV2;
    private final Map<String, String> statusLists;
    private final List<Case> cases;
    private final Instant now;

    /** Builds the region as of {@code clock}'s instant. */
    public DemoRegion(long seed, Clock clock) {
        SecureRandom random = Seeds.secureRandom(seed);
        this.now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        this.operator = SigningKey.generate(SignatureAlgorithm.ES256, random);
        this.leadEmployer = SigningKey.generate(SignatureAlgorithm.EDDSA, random);
        this.trustHr = SigningKey.generate(SignatureAlgorithm.ES256, random);
        this.suspendedIssuer = SigningKey.generate(SignatureAlgorithm.EDDSA, random);
        this.attacker = SigningKey.generate(SignatureAlgorithm.EDDSA, random);

        Instant listIssued = now.minus(Duration.ofHours(1));
        TrustList v1 = trustList(1, listIssued.minus(Duration.ofDays(7)), TrustedIssuer.Status.ACTIVE);
        TrustList v2 = trustList(2, listIssued, TrustedIssuer.Status.SUSPENDED);
        this.trustListV1 = v1.sign(operator);
        this.trustListV2 = v2.sign(operator);
        this.trustListPayloadV2 = v2.toPayloadJson();

        StatusList leadList = StatusList.builder(2, 1024)
                .set(7, TokenStatus.INVALID)
                .set(8, TokenStatus.SUSPENDED)
                .build();
        StatusList trustList = StatusList.builder(1, 1024).build();
        String fresh = StatusListSigner.builder().key(leadEmployer).clock(Clock.fixed(now.minus(Duration.ofMinutes(30)), clock.getZone()))
                .validFor(Duration.ofDays(2)).build().sign(LEAD_STATUS_URI, leadList);
        // The trust's list was last fetched three days ago: past the 24-hour freshness policy.
        String stale = StatusListSigner.builder().key(trustHr).clock(Clock.fixed(now.minus(Duration.ofDays(3)), clock.getZone()))
                .build().sign(TRUST_STATUS_URI, trustList);
        this.statusLists = Map.of("lead-employer.jwt", fresh, "trust-hr.jwt", stale);
        this.cases = buildCases();
    }

    static final String OPERATOR_ID = "https://staffpass.example/scheme/north-region";
    static final String LEAD_ID = "https://staffpass.example/issuers/lead-employer";
    static final String TRUST_ID = "https://staffpass.example/issuers/trust-a-hr";
    static final String SUSPENDED_ID = "https://staffpass.example/issuers/checks-agency";
    static final String LEAD_STATUS_URI = "https://staffpass.example/status/lead-employer/1";
    static final String TRUST_STATUS_URI = "https://staffpass.example/status/trust-a-hr/1";

    /** The scheme operator's public key: the root a verifier pins. */
    public org.staffpass.crypto.VerificationKey operatorKey() {
        return operator.verificationKey();
    }

    /** The issuers' public keys by a short file name. */
    public Map<String, org.staffpass.crypto.VerificationKey> issuerKeys() {
        Map<String, org.staffpass.crypto.VerificationKey> keys = new java.util.LinkedHashMap<>();
        keys.put("lead-employer", leadEmployer.verificationKey());
        keys.put("trust-a-hr", trustHr.verificationKey());
        keys.put("checks-agency", suspendedIssuer.verificationKey());
        return keys;
    }

    /** Trust list version 1 (all issuers active), signed. */
    public String trustListV1() {
        return trustListV1;
    }

    /** Trust list version 2 (the agency suspended), signed. */
    public String trustListV2() {
        return trustListV2;
    }

    /** Version 2's payload as JSON, for people to read. */
    public String trustListPayloadV2() {
        return trustListPayloadV2;
    }

    /** Signed status-list tokens by file name. */
    public Map<String, String> statusLists() {
        return statusLists;
    }

    /** The demo tokens with their expected outcomes. */
    public List<Case> cases() {
        return cases;
    }

    private TrustList trustList(long sequence, Instant issued, TrustedIssuer.Status agencyStatus) {
        return TrustList.builder()
                .operator(OPERATOR_ID)
                .sequence(sequence)
                .issuedAt(issued)
                .expiresAt(issued.plus(Duration.ofDays(30)))
                .issuer(TrustedIssuer.builder().id(LEAD_ID).name("Lead Employer (synthetic)").organisationCode("R0X1")
                        .status(TrustedIssuer.Status.ACTIVE).validFrom(issued.minus(Duration.ofDays(365)))
                        .credentialType(VCT_DBS).credentialType(VCT_RIGHT_TO_WORK)
                        .key(leadEmployer.verificationKey()).build())
                .issuer(TrustedIssuer.builder().id(TRUST_ID).name("Trust A HR (synthetic)").organisationCode("RXA")
                        .status(TrustedIssuer.Status.ACTIVE).validFrom(issued.minus(Duration.ofDays(365)))
                        .credentialType(VCT_TRAINING)
                        .key(trustHr.verificationKey()).build())
                .issuer(TrustedIssuer.builder().id(SUSPENDED_ID).name("Checks Agency (synthetic)").organisationCode("AGY9")
                        .status(agencyStatus).validFrom(issued.minus(Duration.ofDays(365)))
                        .credentialType(VCT_DBS)
                        .key(suspendedIssuer.verificationKey()).build())
                .build();
    }

    private List<Case> buildCases() {
        List<Case> out = new ArrayList<>();
        String good = credential(leadEmployer, LEAD_ID, VCT_DBS, Duration.ofDays(90), LEAD_STATUS_URI, 3);
        out.add(new Case("DBS check from the lead employer", good, "VALID",
                "authorised issuer, in date, status entry VALID"));
        out.add(new Case("Right to work from the lead employer",
                credential(leadEmployer, LEAD_ID, VCT_RIGHT_TO_WORK, Duration.ofDays(400), LEAD_STATUS_URI, 4), "VALID",
                "authorised issuer, in date, status entry VALID"));
        out.add(new Case("Revoked DBS check",
                credential(leadEmployer, LEAD_ID, VCT_DBS, Duration.ofDays(90), LEAD_STATUS_URI, 7), "STATUS_INVALID",
                "the issuer revoked it in its status list"));
        out.add(new Case("Suspended right to work",
                credential(leadEmployer, LEAD_ID, VCT_RIGHT_TO_WORK, Duration.ofDays(90), LEAD_STATUS_URI, 8), "STATUS_SUSPENDED",
                "the issuer suspended it in its status list"));
        out.add(new Case("Expired DBS check",
                credential(leadEmployer, LEAD_ID, VCT_DBS, Duration.ofDays(-1), LEAD_STATUS_URI, 5), "EXPIRED",
                "its exp passed yesterday"));
        out.add(new Case("Forged DBS check (attacker's key, lead employer's kid)",
                credentialSignedAs(attacker, leadEmployer.kid(), LEAD_ID, VCT_DBS, LEAD_STATUS_URI, 3), "SIGNATURE_INVALID",
                "signed by a key the trust list does not hold"));
        out.add(new Case("Trust HR issuing a DBS check",
                credential(trustHr, TRUST_ID, VCT_DBS, Duration.ofDays(90), TRUST_STATUS_URI, 1), "ISSUER_NOT_AUTHORISED_FOR_TYPE",
                "the trust list authorises Trust A HR for training only"));
        out.add(new Case("Credential from a suspended issuer",
                credential(suspendedIssuer, SUSPENDED_ID, VCT_DBS, Duration.ofDays(90), LEAD_STATUS_URI, 2), "ISSUER_SUSPENDED",
                "the current trust list suspends the agency"));
        out.add(new Case("Training record with a stale status list",
                credential(trustHr, TRUST_ID, VCT_TRAINING, Duration.ofDays(90), TRUST_STATUS_URI, 1), "STATUS_LIST_STALE",
                "the status list is 3 days old; policy allows 24 hours, fail closed"));
        out.add(new Case("alg none", unsigned(good), "ALG_NOT_ALLOWED", "an unsigned token claiming to be the lead employer's"));
        out.add(new Case("Embedded attacker key (jwk header)",
                withHeader(good, "jwk", attacker.verificationKey().toJwk()), "HEADER_NOT_ALLOWED",
                "keys never come from the token"));
        out.add(new Case("Tampered payload (expiry extended)", tamper(good), "SIGNATURE_INVALID",
                "payload changed after signing"));
        return List.copyOf(out);
    }

    private String credential(SigningKey key, String iss, String vct, Duration validFor, String statusUri, int index) {
        return JwsSigner.of(key).sign(DemoCredentialChecker.TYPE, payload(iss, vct, now.plus(validFor), statusUri, index));
    }

    private String credentialSignedAs(SigningKey realKey, String claimedKid, String iss, String vct, String statusUri, int index) {
        // The attacker relabels its own key with the victim's kid: a real signature, wrong key.
        ObjectNode jwk = (ObjectNode) readJson(realKey.toPrivateJwkJson());
        jwk.put("kid", claimedKid);
        SigningKey relabelled = SigningKey.fromJwk(jwk.toString()).value();
        return JwsSigner.of(relabelled).sign(DemoCredentialChecker.TYPE,
                payload(iss, vct, now.plus(Duration.ofDays(90)), statusUri, index));
    }

    private byte[] payload(String iss, String vct, Instant exp, String statusUri, int index) {
        ObjectNode claims = JSON.createObjectNode().put("iss", iss).put("vct", vct)
                .put("sub", "worker-" + index).put("iat", now.minus(Duration.ofDays(1)).getEpochSecond())
                .put("exp", exp.getEpochSecond());
        claims.putObject("status").putObject("status_list").put("idx", index).put("uri", statusUri);
        return claims.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String unsigned(String token) {
        String[] parts = token.split("\\.");
        ObjectNode header = (ObjectNode) read(parts[0]);
        header.put("alg", "none");
        return b64(header.toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
    }

    private static String withHeader(String token, String member, ObjectNode value) {
        String[] parts = token.split("\\.");
        ObjectNode header = (ObjectNode) read(parts[0]);
        header.set(member, value);
        return b64(header.toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + "." + parts[2];
    }

    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        ObjectNode payload = (ObjectNode) read(parts[1]);
        payload.put("exp", payload.get("exp").longValue() + Duration.ofDays(3650).toSeconds());
        return parts[0] + "." + b64(payload.toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String segment) {
        return readJson(new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8));
    }

    private static com.fasterxml.jackson.databind.JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the demo's own JSON does not parse", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = JsonMapper.builder().build();
}
