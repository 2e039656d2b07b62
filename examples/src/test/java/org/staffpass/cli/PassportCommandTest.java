package org.staffpass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.status.StatusList;
import org.staffpass.crypto.status.StatusListSigner;
import org.staffpass.crypto.status.TokenStatus;
import org.staffpass.crypto.trust.TrustList;
import org.staffpass.crypto.trust.TrustedIssuer;
import org.staffpass.passport.credential.CredentialType;
import picocli.CommandLine;

/** {@code staffpass passport issue|present|verify|inspect}, in process: exit codes and output. */
class PassportCommandTest {
    private static final String TRUST = "https://rtd.nhs.example";
    private static final String STATUS_URI = "https://rtd.nhs.example/status/1";
    private static final String DBS = "{\"vct\":\"https://staffpass.example/vct/dbs-check/v1\",\"level\":\"ENHANCED_WITH_BARRED_LISTS\","
            + "\"workforce\":\"CHILD_AND_ADULT\",\"barred_lists\":[\"CHILDREN\",\"ADULTS\"],\"certificate_number\":\"001234567890\","
            + "\"issued_on\":\"2023-11-02\",\"update_service\":true,\"last_status_check\":{\"checked_on\":\"2025-05-01\","
            + "\"result\":\"CURRENT\"},\"clearance\":\"CLEARED\",\"cleared_on\":\"2023-11-20\"}";

    @TempDir
    Path dir;
    private final Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond() - 5);
    private Path issuerKey;
    private Path holderPrivate;
    private Path holderPublic;
    private Path otherHolderPrivate;
    private Path operatorPublic;
    private Path statusPublic;
    private Path trustList;
    private Path statusDir;
    private Path dbsClaims;

    @BeforeEach
    void scheme() throws Exception {
        SigningKey issuer = SigningKey.generate(SignatureAlgorithm.ES256);
        SigningKey holder = SigningKey.generate(SignatureAlgorithm.ES256);
        SigningKey operator = SigningKey.generate(SignatureAlgorithm.EDDSA);
        SigningKey status = SigningKey.generate(SignatureAlgorithm.ES256);
        issuerKey = write("issuer.jwk", issuer.toPrivateJwkJson());
        holderPrivate = write("holder.jwk", holder.toPrivateJwkJson());
        holderPublic = write("holder.pub.jwk", holder.verificationKey().toJwkJson());
        otherHolderPrivate = write("other.jwk", SigningKey.generate(SignatureAlgorithm.ES256).toPrivateJwkJson());
        operatorPublic = write("operator.pub.jwk", operator.verificationKey().toJwkJson());
        statusPublic = write("status.pub.jwk", status.verificationKey().toJwkJson());
        TrustedIssuer.Builder entry = TrustedIssuer.builder().id(TRUST).name("Test Trust").organisationCode("RTD")
                .status(TrustedIssuer.Status.ACTIVE).validFrom(now.minus(Duration.ofDays(10))).key(issuer.verificationKey());
        for (CredentialType type : CredentialType.values()) {
            if (type != CredentialType.PROFESSIONAL_REGISTRATION) {
                entry.credentialType(type.vct());
            }
        }
        trustList = write("trust.jws", TrustList.builder().operator("https://operator.example").sequence(1)
                .issuedAt(now.minus(Duration.ofDays(1))).expiresAt(now.plus(Duration.ofDays(30))).issuer(entry.build())
                .build().sign(operator));
        statusDir = Files.createDirectory(dir.resolve("status"));
        StatusList list = StatusList.builder(2, 16).set(3, TokenStatus.INVALID).build();
        Files.writeString(statusDir.resolve("list1.jwt"), StatusListSigner.builder().key(status)
                .clock(Clock.fixed(now, ZoneOffset.UTC)).build().sign(STATUS_URI, list));
        dbsClaims = write("dbs.json", DBS);
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private CliRun issue(Path claims, int index, Path out) {
        return CliRun.of("passport", "issue", "--key", issuerKey.toString(), "--issuer", TRUST, "--holder-key",
                holderPublic.toString(), "--credential", claims.toString(), "--status-uri", STATUS_URI,
                "--status-index", Integer.toString(index), "--valid-days", "30", "--out", out.toString());
    }

    private CliRun verify(Path presentation, String... extra) {
        List<String> args = new ArrayList<>(List.of("passport", "verify", "--trust", trustList.toString(), "--root",
                operatorPublic.toString(), "--status", statusDir.toString(), "--status-key", statusPublic.toString(),
                "--aud", "ODS:RTD", "--nonce", "n-123"));
        args.addAll(List.of(extra));
        args.add(presentation.toString());
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void issuePresentVerifyAccepts() throws Exception {
        Path credential = dir.resolve("dbs.sdjwt");
        CliRun issued = issue(dbsClaims, 0, credential);
        assertEquals(0, issued.exit(), issued.err());
        assertTrue(issued.out().startsWith("issued https://staffpass.example/vct/dbs-check/v1"), issued.out());
        Path presentation = dir.resolve("presentation.json");
        CliRun presented = CliRun.of("passport", "present", "--holder-key", holderPrivate.toString(), "--aud", "ODS:RTD",
                "--nonce", "n-123", "--disclose", "dbs-check:/certificate_number", "--out", presentation.toString(),
                credential.toString());
        assertEquals(0, presented.exit(), presented.err());
        CliRun verified = verify(presentation);
        assertEquals(0, verified.exit(), verified.out() + verified.err());
        assertTrue(verified.out().startsWith("ACCEPTED: 1 credential(s)"), verified.out());
        assertTrue(verified.out().contains("disclosed: /certificate_number"), verified.out());
        CliRun json = verify(presentation, "--json");
        assertEquals(0, json.exit());
        JsonNode result = Json.mapper().readTree(json.out());
        assertTrue(result.get("accepted").booleanValue());
        assertEquals("001234567890", result.get("credentials").get(0).get("claims").get("certificate_number").textValue());
        assertEquals(TRUST, result.get("credentials").get(0).get("issuer").textValue());
    }

    @Test
    void verifyRejectsWithEveryReasonAndExitOne() throws Exception {
        Path credential = dir.resolve("revoked.sdjwt");
        assertEquals(0, issue(dbsClaims, 3, credential).exit());
        Path presentation = dir.resolve("presentation.json");
        assertEquals(0, CliRun.of("passport", "present", "--holder-key", holderPrivate.toString(), "--aud", "ODS:RTD",
                "--nonce", "n-123", "--out", presentation.toString(), credential.toString()).exit());
        CliRun text = verify(presentation);
        assertEquals(1, text.exit());
        assertTrue(text.out().startsWith("REJECTED: 1 reason(s)"), text.out());
        assertTrue(text.out().contains("CREDENTIAL_REVOKED"), text.out());
        CliRun json = verify(presentation, "--json");
        assertEquals(1, json.exit());
        JsonNode failure = Json.mapper().readTree(json.out()).get("failures").get(0);
        assertEquals("CREDENTIAL_REVOKED", failure.get("code").textValue());
        assertEquals(0, failure.get("credential").intValue());
        CliRun otherNonce = CliRun.of("passport", "verify", "--trust", trustList.toString(), "--root",
                operatorPublic.toString(), "--status", statusDir.toString(), "--status-key", statusPublic.toString(),
                "--aud", "ODS:RTD", "--nonce", "other", "--json", presentation.toString());
        assertEquals(1, otherNonce.exit());
        assertTrue(otherNonce.out().contains("KB_NONCE_MISMATCH"), otherNonce.out());
        Path later = dir.resolve("later.json");
        String twoDaysOn = now.plus(Duration.ofDays(2)).toString();
        assertEquals(0, CliRun.of("passport", "present", "--holder-key", holderPrivate.toString(), "--aud", "ODS:RTD",
                "--nonce", "n-123", "--at", twoDaysOn, "--out", later.toString(), credential.toString()).exit());
        CliRun stale = verify(later, "--at", twoDaysOn);
        assertEquals(1, stale.exit());
        assertTrue(stale.out().contains("STATUS_LIST_STALE"), stale.out());
        CliRun wrongRoot = CliRun.of("passport", "verify", "--trust", trustList.toString(), "--root",
                statusPublic.toString(), "--status", statusDir.toString(), "--status-key", statusPublic.toString(),
                "--aud", "ODS:RTD", "--nonce", "n-123", presentation.toString());
        assertEquals(1, wrongRoot.exit());
        assertTrue(wrongRoot.out().startsWith("REJECTED: the trust list was refused"), wrongRoot.out());
    }

    @Test
    void issueRefusesInvalidClaimsAndWritesNothing() throws Exception {
        Path bad = write("bad.json", DBS.replace("001234567890", "12345"));
        Path out = dir.resolve("never.sdjwt");
        CliRun refused = issue(bad, 0, out);
        assertEquals(1, refused.exit());
        assertTrue(refused.out().contains("TEXT_FORMAT /certificate_number"), refused.out());
        assertFalse(Files.exists(out));
        Path withEnvelope = write("env.json", DBS.replace("{\"vct\"", "{\"iss\":\"x\",\"vct\""));
        CliRun unknown = issue(withEnvelope, 0, out);
        assertEquals(1, unknown.exit());
        assertTrue(unknown.out().contains("UNKNOWN_CLAIM /iss"), unknown.out());
    }

    @Test
    void usageErrorsExitTwoWithOneLineOnStderr() throws Exception {
        Path credential = dir.resolve("dbs.sdjwt");
        assertEquals(0, issue(dbsClaims, 0, credential).exit());
        List<CliRun> runs = List.of(
                CliRun.of("passport", "issue", "--key", issuerKey.toString()),
                CliRun.of("passport", "issue", "--key", dir.resolve("missing.jwk").toString(), "--issuer", TRUST,
                        "--holder-key", holderPublic.toString(), "--credential", dbsClaims.toString(), "--status-uri",
                        STATUS_URI, "--status-index", "0", "--valid-days", "30", "--out", dir.resolve("x").toString()),
                CliRun.of("passport", "issue", "--key", issuerKey.toString(), "--issuer", TRUST, "--holder-key",
                        holderPublic.toString(), "--credential", dbsClaims.toString(), "--status-uri", "not a uri",
                        "--status-index", "0", "--valid-days", "30", "--out", dir.resolve("x").toString()),
                CliRun.of("passport", "present", "--holder-key", otherHolderPrivate.toString(), "--aud", "a", "--nonce",
                        "n", "--out", dir.resolve("p").toString(), credential.toString()),
                CliRun.of("passport", "present", "--holder-key", holderPrivate.toString(), "--aud", "a", "--nonce", "n",
                        "--disclose", "dbs-check:/clearance", "--out", dir.resolve("p").toString(), credential.toString()),
                CliRun.of("passport", "present", "--holder-key", holderPrivate.toString(), "--aud", "a", "--nonce", "n",
                        "--disclose", "grade:/grade", "--out", dir.resolve("p").toString(), credential.toString()),
                CliRun.of("passport", "verify", "--trust", trustList.toString(), "--root", operatorPublic.toString(),
                        "--status", statusDir.toString(), "--status-key", statusPublic.toString(), "--aud", "a",
                        "--nonce", "n", "--at", "yesterday", credential.toString()),
                CliRun.of("passport", "inspect"),
                CliRun.of("passport"));
        for (CliRun run : runs) {
            assertEquals(2, run.exit(), run.err());
            assertEquals("", run.out());
            assertEquals(1, run.errLines().size(), run.err());
        }
    }

    @Test
    void inspectDecodesAndSaysUnverified() throws Exception {
        Path credential = dir.resolve("dbs.sdjwt");
        assertEquals(0, issue(dbsClaims, 0, credential).exit());
        CliRun run = CliRun.of("passport", "inspect", credential.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("UNVERIFIED"), run.out());
        assertTrue(run.out().contains("\"certificate_number\",\"001234567890\""), run.out());
        assertTrue(run.out().contains("key binding: none"), run.out());
        assertFalse(run.out().toLowerCase(java.util.Locale.ROOT).contains("valid "), run.out());
        Path presentation = dir.resolve("presentation.json");
        assertEquals(0, CliRun.of("passport", "present", "--holder-key", holderPrivate.toString(), "--aud", "ODS:RTD",
                "--nonce", "n-123", "--out", presentation.toString(), credential.toString()).exit());
        CliRun presented = CliRun.of("passport", "inspect", presentation.toString());
        assertEquals(0, presented.exit());
        assertTrue(presented.out().contains("disclosures (0)"), presented.out());
        assertTrue(presented.out().contains("\"typ\":\"kb+jwt\""), presented.out());
        CliRun garbage = CliRun.of("passport", "inspect", write("garbage.txt", "hello").toString());
        assertEquals(1, garbage.exit());
        assertTrue(garbage.out().startsWith("UNVERIFIED"), garbage.out());
    }

    @Test
    void everyOptionHasADescription() {
        CommandLine passport = StaffpassCommand.commandLine(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter())).getSubcommands().get("passport");
        for (CommandLine sub : passport.getSubcommands().values()) {
            sub.getCommandSpec().options().forEach(option ->
                    assertTrue(option.description().length > 0 && !option.description()[0].isBlank(),
                            sub.getCommandName() + " " + option.longestName()));
            sub.getCommandSpec().positionalParameters().forEach(p ->
                    assertTrue(p.description().length > 0, sub.getCommandName() + " " + p.paramLabel()));
        }
    }
}
