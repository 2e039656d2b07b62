package org.staffpass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.trust.TrustList;
import org.staffpass.crypto.trust.TrustedIssuer;
import picocli.CommandLine;

class TrustListCommandTest {
    private static final Instant ISSUED = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2099-01-01T00:00:00Z");
    private static final String AT = "2025-06-01T00:00:00Z";
    private static final String ISSUER_ID = "https://issuer.example";

    @TempDir
    Path dir;

    private final SigningKey operator = SigningKey.generate(SignatureAlgorithm.ES256);
    private final SigningKey issuerKey = SigningKey.generate(SignatureAlgorithm.EDDSA);
    private Path privateKey;
    private Path publicKey;
    private Path payload;
    private Path signed;

    /** What one in-process run printed and returned. */
    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StaffpassCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static TrustList.Builder list(long sequence, Instant issued, Instant expires) {
        return TrustList.builder().operator("https://operator.example").sequence(sequence).issuedAt(issued).expiresAt(expires);
    }

    private TrustList sampleList(long sequence) {
        return list(sequence, ISSUED, EXPIRES).issuer(TrustedIssuer.builder().id(ISSUER_ID).name("Example Issuer")
                .organisationCode("ORG42").status(TrustedIssuer.Status.SUSPENDED).validFrom(ISSUED)
                .credentialType("https://types.example/a").credentialType("https://types.example/b")
                .key(issuerKey.verificationKey()).build()).build();
    }

    @BeforeEach
    void files() throws IOException {
        privateKey = Files.writeString(dir.resolve("operator.private.jwk"), operator.toPrivateJwkJson());
        publicKey = Files.writeString(dir.resolve("operator.public.jwk"), operator.verificationKey().toJwkJson());
        payload = Files.writeString(dir.resolve("payload.json"), sampleList(5).toPayloadJson());
        signed = dir.resolve("list.jws");
    }

    private Run sign() {
        return run("trustlist", "sign", "--key", privateKey.toString(), "--in", payload.toString(), "--out", signed.toString());
    }

    private Run verify(String... extra) {
        return verifyAt(AT, extra);
    }

    private Run verifyAt(String at, String... extra) {
        String[] base = {"trustlist", "verify", "--root", publicKey.toString(), "--at", at};
        String[] args = new String[base.length + extra.length + 1];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        args[args.length - 1] = signed.toString();
        return run(args);
    }

    // --- sign ---

    @Test
    void signWritesAListThatTheLibraryVerifies() throws IOException {
        Run run = sign();
        assertEquals(Exit.OK, run.exit(), run.err());
        assertTrue(run.out().startsWith("Signed trust list sequence 5 (1 issuer, "), run.out());
        assertTrue(run.out().contains(operator.kid()), run.out());
        assertEquals("", run.err());
        String jws = Files.readString(signed).strip();
        assertEquals(sampleList(5), TrustList.verify(jws, List.of(operator.verificationKey()),
                Clock.fixed(Instant.parse(AT), ZoneOffset.UTC)).value());
    }

    @Test
    void signRefusesAPayloadOutsideTheFormatNamingReasonAndPointer() throws IOException {
        Files.writeString(payload, sampleList(5).toPayloadJson().replace("\"status\":\"suspended\"", "\"status\":\"paused\""));
        Run run = sign();
        assertEquals(Exit.FAILED, run.exit());
        assertTrue(run.out().startsWith("REFUSED CLAIMS_INVALID: trust list payload /issuers/0/status: "), run.out());
        assertFalse(Files.exists(signed), "nothing is written for a refused payload");
    }

    @Test
    void signRefusesAnIssuerKeyWithPrivateMaterial() throws IOException {
        String withSecret = sampleList(5).toPayloadJson().replace(issuerKey.verificationKey().toJwkJson(), issuerKey.toPrivateJwkJson());
        Files.writeString(payload, withSecret);
        Run run = run("trustlist", "sign", "--json", "--key", privateKey.toString(), "--in", payload.toString(),
                "--out", signed.toString());
        assertEquals(Exit.FAILED, run.exit());
        JsonNode result = Json.mapper().readTree(run.out());
        assertFalse(result.get("signed").booleanValue());
        assertEquals("KEY_PRIVATE_MATERIAL", result.get("reason").textValue());
        assertTrue(result.get("message").textValue().startsWith("trust list payload /issuers/0/jwks/keys/0: "), run.out());
        assertFalse(run.out().contains(issuerKey.toPrivateJwkJson().replaceAll(".*\"d\":\"([^\"]+)\".*", "$1")));
    }

    @Test
    void signRefusesAnExpiredList() throws IOException {
        Files.writeString(payload, list(5, Instant.parse("2019-01-01T00:00:00Z"), Instant.parse("2020-01-01T00:00:00Z"))
                .build().toPayloadJson());
        Run run = sign();
        assertEquals(Exit.FAILED, run.exit(), run.err());
        assertTrue(run.out().startsWith("REFUSED TRUST_LIST_EXPIRED: trust list payload /exp: "), run.out());
    }

    @Test
    void signRefusesDuplicateMembersAsMalformed() throws IOException {
        Files.writeString(payload, sampleList(5).toPayloadJson().replaceFirst("\\{", "{\"sequence\":6,"));
        Run run = sign();
        assertEquals(Exit.FAILED, run.exit());
        assertTrue(run.out().startsWith("REFUSED MALFORMED: "), run.out());
    }

    @Test
    void signUsageErrorsExitTwoWithEmptyStdout() throws IOException {
        Run missingKey = run("trustlist", "sign", "--key", dir.resolve("nope.jwk").toString(), "--in", payload.toString(),
                "--out", signed.toString());
        assertEquals(Exit.USAGE, missingKey.exit());
        assertEquals("", missingKey.out());
        assertTrue(missingKey.err().contains("nope.jwk"), missingKey.err());

        Run publicAsPrivate = run("trustlist", "sign", "--key", publicKey.toString(), "--in", payload.toString(),
                "--out", signed.toString());
        assertEquals(Exit.USAGE, publicAsPrivate.exit());
        assertTrue(publicAsPrivate.err().contains("KEY_MALFORMED"), publicAsPrivate.err());

        Run missingPayload = run("trustlist", "sign", "--key", privateKey.toString(), "--in", dir.resolve("none.json").toString(),
                "--out", signed.toString());
        assertEquals(Exit.USAGE, missingPayload.exit());
        assertTrue(missingPayload.err().contains("none.json"), missingPayload.err());

        Run noOut = run("trustlist", "sign", "--key", privateKey.toString(), "--in", payload.toString());
        assertEquals(Exit.USAGE, noOut.exit());
        assertTrue(noOut.err().contains("--out"), noOut.err());

        Run unwritable = run("trustlist", "sign", "--key", privateKey.toString(), "--in", payload.toString(),
                "--out", dir.resolve("no-such-dir/list.jws").toString());
        assertEquals(Exit.USAGE, unwritable.exit());
        assertEquals("", unwritable.out());
    }

    // --- verify ---

    @Test
    void verifySummarisesAValidList() {
        assertEquals(Exit.OK, sign().exit());
        Run run = verify();
        assertEquals(Exit.OK, run.exit(), run.err());
        String out = run.out();
        assertTrue(out.startsWith("VALID trust list from https://operator.example"), out);
        assertTrue(out.contains("sequence:   5"), out);
        assertTrue(out.contains("expires:    2099-01-01T00:00:00Z"), out);
        assertTrue(out.contains("- " + ISSUER_ID + " (Example Issuer)"), out);
        assertTrue(out.contains("status: suspended"), out);
        assertTrue(out.contains("organisation code: ORG42"), out);
        assertTrue(out.contains("credential types: https://types.example/a, https://types.example/b"), out);
        assertTrue(out.contains("kids: " + issuerKey.kid()), out);
    }

    @Test
    void verifyPrintsJson() throws IOException {
        assertEquals(Exit.OK, sign().exit());
        Run run = verify("--json");
        assertEquals(Exit.OK, run.exit(), run.err());
        JsonNode result = Json.mapper().readTree(run.out());
        assertTrue(result.get("valid").booleanValue());
        assertEquals(5, result.get("sequence").longValue());
        assertEquals("2099-01-01T00:00:00Z", result.get("expiresAt").textValue());
        JsonNode issuer = result.get("issuers").get(0);
        assertEquals(ISSUER_ID, issuer.get("id").textValue());
        assertEquals("suspended", issuer.get("status").textValue());
        assertEquals("ORG42", issuer.get("organisationCode").textValue());
        assertTrue(issuer.get("validUntil").isNull());
        assertTrue(issuer.get("withinValidity").booleanValue());
        assertEquals(2, issuer.get("credentialTypes").size());
        assertEquals(issuerKey.kid(), issuer.get("kids").get(0).textValue());
    }

    @Test
    void verifyRejectsAListByAnotherOperator() throws IOException {
        Files.writeString(signed, sampleList(5).sign(SigningKey.generate(SignatureAlgorithm.ES256)));
        Run run = verify("--json");
        assertEquals(Exit.FAILED, run.exit());
        JsonNode result = Json.mapper().readTree(run.out());
        assertFalse(result.get("valid").booleanValue());
        assertEquals("KID_MISMATCH", result.get("reason").textValue());
    }

    @Test
    void verifyAcceptsEitherRootOfARotation() throws IOException {
        SigningKey next = SigningKey.generate(SignatureAlgorithm.EDDSA);
        Path nextRoot = Files.writeString(dir.resolve("next.public.jwk"), next.verificationKey().toJwkJson());
        Files.writeString(signed, sampleList(5).sign(next));
        Run run = run("trustlist", "verify", "--root", publicKey.toString(), "--root", nextRoot.toString(),
                "--at", AT, signed.toString());
        assertEquals(Exit.OK, run.exit(), run.out() + run.err());
    }

    @Test
    void verifyRejectsAnExpiredOrTamperedList() throws IOException {
        assertEquals(Exit.OK, sign().exit());
        Run expired = verifyAt("2099-01-01T00:00:00Z");
        assertEquals(Exit.FAILED, expired.exit(), expired.err());
        assertTrue(expired.out().contains(": TRUST_LIST_EXPIRED: "), expired.out());

        String jws = Files.readString(signed).strip();
        int middle = jws.indexOf('.') + 10;
        Files.writeString(signed, jws.substring(0, middle) + (jws.charAt(middle) == 'A' ? 'B' : 'A') + jws.substring(middle + 1));
        Run tampered = verify();
        assertEquals(Exit.FAILED, tampered.exit());
        assertTrue(tampered.out().startsWith("INVALID trust list "), tampered.out());
    }

    @Test
    void verifyEnforcesTheMinimumSequence() {
        assertEquals(Exit.OK, sign().exit());
        assertEquals(Exit.OK, verify("--min-sequence", "5").exit());
        Run older = verify("--min-sequence", "6");
        assertEquals(Exit.FAILED, older.exit());
        assertTrue(older.out().contains("TRUST_LIST_ROLLBACK"), older.out());
    }

    @Test
    void verifyUsageErrorsExitTwoWithEmptyStdout() throws IOException {
        assertEquals(Exit.OK, sign().exit());
        for (String[] args : List.of(
                new String[] {"trustlist", "verify", "--root", publicKey.toString(), "--at", "yesterday", signed.toString()},
                new String[] {"trustlist", "verify", "--root", publicKey.toString(), "--min-sequence", "0", signed.toString()},
                new String[] {"trustlist", "verify", "--root", publicKey.toString(), "--min-sequence", "many", signed.toString()},
                new String[] {"trustlist", "verify", "--root", publicKey.toString()},
                new String[] {"trustlist", "verify", signed.toString()},
                new String[] {"trustlist", "verify", "--root", privateKey.toString(), signed.toString()},
                new String[] {"trustlist", "verify", "--root", publicKey.toString(), dir.resolve("absent.jws").toString()},
                new String[] {"trustlist"})) {
            Run run = run(args);
            assertEquals(Exit.USAGE, run.exit(), String.join(" ", args) + "\n" + run.err());
            assertEquals("", run.out(), String.join(" ", args));
            assertTrue(run.err().startsWith("staffpass: "), run.err());
        }
    }

    @Test
    void rootsWithoutDistinctKidsAreAUsageError() throws IOException {
        assertEquals(Exit.OK, sign().exit());
        String jwk = operator.verificationKey().toJwkJson().replaceAll(",?\"kid\":\"[^\"]*\"", "").replace("{,", "{");
        Path noKid = Files.writeString(dir.resolve("nokid.jwk"), jwk);
        Run run = run("trustlist", "verify", "--root", noKid.toString(), "--root", publicKey.toString(), signed.toString());
        assertEquals(Exit.USAGE, run.exit(), run.err());
        assertTrue(run.err().contains("--root"), run.err());
    }

    @Test
    void everyOptionIsDescribedInHelp() {
        CommandLine root = StaffpassCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        CommandLine trustlist = root.getSubcommands().get("trustlist");
        for (String name : List.of("sign", "verify")) {
            CommandLine.Model.CommandSpec spec = trustlist.getSubcommands().get(name).getCommandSpec();
            for (CommandLine.Model.OptionSpec option : spec.options()) {
                assertTrue(option.description().length > 0 && !option.description()[0].isBlank(),
                        name + " " + option.longestName() + " has no description");
            }
            spec.positionalParameters().forEach(p -> assertTrue(p.description().length > 0, name + " " + p.paramLabel()));
        }
        Run help = run("trustlist", "verify", "--help");
        assertEquals(Exit.OK, help.exit());
        for (String option : List.of("--root", "--at", "--min-sequence", "--json")) {
            assertTrue(help.out().contains(option), option);
        }
        Run signHelp = run("trustlist", "sign", "--help");
        for (String option : List.of("--key", "--in", "--out", "--json")) {
            assertTrue(signHelp.out().contains(option), option);
        }
        assertTrue(run("--help").out().contains("trustlist"));
    }
}
