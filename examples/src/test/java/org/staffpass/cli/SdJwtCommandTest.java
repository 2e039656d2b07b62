package org.staffpass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.sdjwt.ClaimPath;
import org.staffpass.crypto.sdjwt.KeyBinding;
import org.staffpass.crypto.sdjwt.SdJwtIssuer;
import org.staffpass.crypto.sdjwt.SdJwtPresenter;
import org.staffpass.crypto.sdjwt.SdJwtVerifier;
import org.staffpass.crypto.sdjwt.VerifiedSdJwt;

/** {@code staffpass sdjwt verify}: the contract in docs/sd-jwt.md, run in process. */
class SdJwtCommandTest {
    private static final String AT = "2025-05-27T16:05:41Z";
    private static final String AUD = "https://verifier.example.org";
    private static final String NONCE = "1234567890";
    private static final SigningKey ISSUER = SigningKey.generate(SignatureAlgorithm.ES256);
    private static final SigningKey ED_ISSUER = SigningKey.generate(SignatureAlgorithm.EDDSA);
    private static final SigningKey HOLDER = SigningKey.generate(SignatureAlgorithm.EDDSA);
    private static final Instant NOW = Instant.parse("2026-01-10T09:00:00Z");

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.ISO_8859_1);
    }

    private static String resource(String name) {
        try (InputStream in = SdJwtCommandTest.class.getResourceAsStream("/sdjwt/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String compact(String name) {
        return resource(name).replaceAll("\\s+", "");
    }

    private Path rfcKey() throws IOException {
        return write("rfc-issuer.jwk", resource("issuer-key.json"));
    }

    private static JsonNode onlyJson(CliRun run) throws IOException {
        List<String> lines = run.outLines();
        assertEquals(1, lines.size(), () -> "stdout must be exactly one JSON object: " + run.out() + run.err());
        JsonNode node = Json.mapper().readTree(lines.get(0));
        assertTrue(node.isObject());
        return node;
    }

    private static void assertRejected(CliRun run, String reason) throws IOException {
        assertEquals(1, run.exit(), run::toString);
        JsonNode out = onlyJson(run);
        assertEquals(false, out.get("valid").booleanValue());
        assertEquals(reason, out.get("reason").textValue(), out::toString);
        assertTrue(out.get("message").isTextual());
        assertEquals(3, out.size(), out::toString);
    }

    private static void assertUsage(CliRun run) {
        assertEquals(2, run.exit(), run::toString);
        assertEquals("", run.out());
        assertEquals(1, run.errLines().size(), run::toString);
    }

    private static String issue(SigningKey issuer, ObjectNode claims, List<ClaimPath> disclosable) {
        return SdJwtIssuer.builder().signingKey(issuer).random(new SecureRandom()).build()
                .issue(claims, disclosable, HOLDER.verificationKey()).compact();
    }

    private static ObjectNode claims() {
        ObjectNode claims = JsonNodeFactory.instance.objectNode();
        claims.put("iss", "https://issuer.example").put("iat", NOW.getEpochSecond() - 3600)
                .put("exp", NOW.getEpochSecond() + 3600).put("vct", "urn:example:staff:1");
        claims.put("given_name", "Ada").putObject("address").put("locality", "Leeds").put("country", "GB");
        return claims;
    }

    private static String present(SigningKey issuer, String issued, List<ClaimPath> reveal, boolean keyBound) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        VerifiedSdJwt credential = SdJwtVerifier.builder().issuerKey(issuer.verificationKey()).clock(clock).build()
                .verify(issued, KeyBinding.forbidden()).value();
        SdJwtPresenter presenter = SdJwtPresenter.of(clock);
        return keyBound ? presenter.present(credential, reveal, HOLDER, AUD, NONCE) : presenter.present(credential, reveal);
    }

    @Test
    void rfcSection5PresentationWithKeyBindingPrintsTheProcessedPayload() throws Exception {
        Path file = write("s5.txt", compact("s5-presentation.txt") + "\n");
        CliRun run = CliRun.of("sdjwt", "verify", "--issuer-key", rfcKey().toString(), "--aud", AUD, "--nonce", NONCE,
                "--at", AT, file.toString());
        assertEquals(0, run.exit(), run::toString);
        JsonNode out = onlyJson(run);
        assertEquals(true, out.get("valid").booleanValue());
        assertEquals(Json.mapper().readTree(resource("s5-processed.json")), out.get("claims"));
        assertEquals(2, out.size());
        assertEquals("", run.err());
    }

    @Test
    void rfcPresentationsVerifyWithoutAudAndNonceAndWithSurroundingWhiteSpace() throws Exception {
        Path s5 = write("s5.txt", "\n\t  " + compact("s5-presentation.txt") + " \r\n\n");
        CliRun run = CliRun.of("sdjwt", "verify", "--issuer-key", rfcKey().toString(), "--at", AT, s5.toString());
        assertEquals(0, run.exit(), run::toString);
        Path a1 = write("a1.txt", compact("a1-presentation.txt"));
        CliRun a1Run = CliRun.of("sdjwt", "verify", "--issuer-key", rfcKey().toString(), "--at", AT, a1.toString());
        assertEquals(0, a1Run.exit(), a1Run::toString);
        assertEquals(Json.mapper().readTree(resource("a1-processed.json")), onlyJson(a1Run).get("claims"));
    }

    @Test
    void rfcKeyBindingIsCheckedAgainstAudNonceAndTime() throws Exception {
        Path file = write("s5.txt", compact("s5-presentation.txt"));
        String key = rfcKey().toString();
        assertRejected(CliRun.of("sdjwt", "verify", "--issuer-key", key, "--aud", "https://other.example", "--nonce", NONCE,
                "--at", AT, file.toString()), "KB_AUD_MISMATCH");
        assertRejected(CliRun.of("sdjwt", "verify", "--issuer-key", key, "--aud", AUD, "--nonce", "nope",
                "--at", AT, file.toString()), "KB_NONCE_MISMATCH");
        // 300 s either side of the KB-JWT's iat is inside the window, 301 s is not.
        assertEquals(0, CliRun.of("sdjwt", "verify", "--issuer-key", key, "--at", "2025-05-27T16:10:41Z", file.toString()).exit());
        assertEquals(0, CliRun.of("sdjwt", "verify", "--issuer-key", key, "--at", "2025-05-27T18:00:41+02:00", file.toString()).exit());
        assertEquals(0, CliRun.of("sdjwt", "verify", "--issuer-key", key, "--at", "2025-05-27T18:10:40.5+0200", file.toString()).exit());
        assertRejected(CliRun.of("sdjwt", "verify", "--issuer-key", key, "--at", "2025-05-27T16:10:42Z", file.toString()),
                "KB_IAT_OUT_OF_WINDOW");
        assertRejected(CliRun.of("sdjwt", "verify", "--issuer-key", key, "--at", "2025-05-27T16:00:40.999Z", file.toString()),
                "KB_IAT_OUT_OF_WINDOW");
        Path bare = write("a1.txt", compact("a1-presentation.txt"));
        assertRejected(CliRun.of("sdjwt", "verify", "--issuer-key", key, "--aud", AUD, "--nonce", NONCE, "--at", AT,
                bare.toString()), "KB_MISSING");
    }

    @Test
    void typeIsCheckedOnlyWhenGivenAndKbJwtIsNeverAnIssuerType() throws Exception {
        Path file = write("a1.txt", compact("a1-presentation.txt"));
        String key = rfcKey().toString();
        assertEquals(0, CliRun.of("sdjwt", "verify", "--issuer-key", key, "--at", AT, "--typ", "example+sd-jwt", file.toString()).exit());
        assertRejected(CliRun.of("sdjwt", "verify", "--issuer-key", key, "--at", AT, "--typ", "dc+sd-jwt", file.toString()),
                "TYP_MISMATCH");
        assertRejected(CliRun.of("sdjwt", "verify", "--issuer-key", key, "--at", AT, "--typ", "kb+jwt", file.toString()),
                "TYP_MISMATCH");
    }

    @Test
    void issuerTimesAllowSixtySecondsOfSkew() throws Exception {
        Path file = write("a1.txt", compact("a1-presentation.txt"));
        String key = rfcKey().toString();
        // exp 1883000000 = 2029-09-01T23:33:20Z; rejected from exp + 60 s on.
        assertEquals(0, CliRun.of("sdjwt", "verify", "--issuer-key", key, "--at", "2029-09-01T23:34:19.999Z", file.toString()).exit());
        assertRejected(CliRun.of("sdjwt", "verify", "--issuer-key", key, "--at", "2029-09-01T23:34:20Z", file.toString()), "EXPIRED");
        // iat 1683000000 = 2023-05-02T04:00:00Z; rejected when later than at + 60 s.
        assertEquals(0, CliRun.of("sdjwt", "verify", "--issuer-key", key, "--at", "2023-05-02T03:59:00Z", file.toString()).exit());
        assertRejected(CliRun.of("sdjwt", "verify", "--issuer-key", key, "--at", "2023-05-02T03:58:59Z", file.toString()),
                "NOT_YET_VALID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bare", "no-final-tilde", "trailing", "empty-disclosure", "garbage"})
    void inputOutsideTheGrammarIsMalformed(String shape) throws Exception {
        String valid = compact("a1-presentation.txt");
        String jwt = valid.substring(0, valid.indexOf('~'));
        String input = switch (shape) {
            case "bare" -> jwt;
            case "no-final-tilde" -> valid.substring(0, valid.length() - 1);
            case "trailing" -> compact("s5-presentation.txt") + "~";
            case "empty-disclosure" -> jwt + "~~";
            default -> valid + " x";
        };
        Path file = write("bad.txt", input);
        assertRejected(CliRun.of("sdjwt", "verify", "--issuer-key", rfcKey().toString(), "--at", AT, file.toString()), "MALFORMED");
    }

    @Test
    void ourOwnEs256AndEdDsaCredentialsVerifyWithAndWithoutKeyBinding() throws Exception {
        for (SigningKey issuer : List.of(ISSUER, ED_ISSUER)) {
            String issued = issue(issuer, claims(), List.of(ClaimPath.of("given_name"), ClaimPath.of("address", "locality")));
            Path key = write("issuer.jwk", issuer.verificationKey().toJwkJson());
            Path bound = write("bound.txt", present(issuer, issued, List.of(ClaimPath.of("address", "locality")), true));
            CliRun run = CliRun.of("sdjwt", "verify", "--issuer-key", key.toString(), "--aud", AUD, "--nonce", NONCE,
                    "--at", NOW.toString(), "--typ", "dc+sd-jwt", bound.toString());
            assertEquals(0, run.exit(), run::toString);
            JsonNode claims = onlyJson(run).get("claims");
            assertEquals("Leeds", claims.at("/address/locality").textValue());
            assertTrue(claims.path("given_name").isMissingNode());
            assertTrue(claims.at("/cnf/jwk").isObject());
            assertTrue(claims.path("_sd_alg").isMissingNode());
            Path plain = write("plain.txt", present(issuer, issued, List.of(ClaimPath.of("given_name")), false));
            assertEquals(0, CliRun.of("sdjwt", "verify", "--issuer-key", key.toString(), "--at", NOW.toString(),
                    plain.toString()).exit());
            assertRejected(CliRun.of("sdjwt", "verify", "--issuer-key", key.toString(), "--aud", AUD, "--nonce", NONCE,
                    "--at", NOW.toString(), plain.toString()), "KB_MISSING");
        }
    }

    @Test
    void aLargeLegalCredentialIsProcessedAndTooLargeInputIsRefused() throws Exception {
        ObjectNode claims = claims();
        claims.put("photo", "A".repeat(2_000_000));
        String issued = issue(ISSUER, claims, List.of(ClaimPath.of("photo")));
        Path key = write("issuer.jwk", ISSUER.verificationKey().toJwkJson());
        Path large = write("large.txt", issued);
        CliRun run = CliRun.of("sdjwt", "verify", "--issuer-key", key.toString(), "--at", NOW.toString(), large.toString());
        assertEquals(0, run.exit(), () -> run.err() + run.out().substring(0, Math.min(400, run.out().length())));
        Path tooLarge = write("too-large.txt", issued.substring(0, issued.length() - 1) + "A".repeat(3_000_000) + "~");
        assertRejected(CliRun.of("sdjwt", "verify", "--issuer-key", key.toString(), "--at", NOW.toString(),
                tooLarge.toString()), "TOO_LARGE");
        Path huge = write("huge.txt", "A".repeat(20_000_000));
        assertRejected(CliRun.of("sdjwt", "verify", "--issuer-key", key.toString(), "--at", NOW.toString(),
                huge.toString()), "TOO_LARGE");
    }

    @Test
    void theSizeBoundIsFourMillionBytesOfTheTrimmedInput() throws Exception {
        String key = write("issuer.jwk", ISSUER.verificationKey().toJwkJson()).toString();
        // 4 MB in SI units: 4,000,000 bytes are processed (here: no '~', so MALFORMED), one more is TOO_LARGE.
        Path atBound = write("at-bound.txt", "A".repeat(4_000_000));
        assertRejected(CliRun.of("sdjwt", "verify", "--issuer-key", key, "--at", NOW.toString(), atBound.toString()), "MALFORMED");
        Path overBound = write("over-bound.txt", "A".repeat(4_000_001));
        assertRejected(CliRun.of("sdjwt", "verify", "--issuer-key", key, "--at", NOW.toString(), overBound.toString()), "TOO_LARGE");
        // Surrounding white space is trimmed before measuring.
        Path padded = write("padded.txt", "\n " + "A".repeat(4_000_000) + " \r\n");
        assertRejected(CliRun.of("sdjwt", "verify", "--issuer-key", key, "--at", NOW.toString(), padded.toString()), "MALFORMED");
        // Bytes, not characters: 4,000,000 characters of which one is a two-byte UTF-8 'é' are 4,000,001 bytes.
        Path multiByte = dir.resolve("multi-byte.txt");
        Files.writeString(multiByte, "A".repeat(3_999_999) + "\u00e9", StandardCharsets.UTF_8);
        assertRejected(CliRun.of("sdjwt", "verify", "--issuer-key", key, "--at", NOW.toString(), multiByte.toString()), "TOO_LARGE");
        Files.writeString(multiByte, "A".repeat(3_999_998) + "\u00e9", StandardCharsets.UTF_8);
        assertRejected(CliRun.of("sdjwt", "verify", "--issuer-key", key, "--at", NOW.toString(), multiByte.toString()), "MALFORMED");
    }

    @Test
    void wrongIssuerKeyIsSignatureInvalid() throws Exception {
        Path key = write("other.jwk", SigningKey.generate(SignatureAlgorithm.ES256).verificationKey().toJwkJson()
                .replaceFirst("\"kid\":\"[^\"]*\",?", ""));
        Path file = write("a1.txt", compact("a1-presentation.txt"));
        assertRejected(CliRun.of("sdjwt", "verify", "--issuer-key", key.toString(), "--at", AT, file.toString()), "SIGNATURE_INVALID");
        Path ed = write("ed.jwk", ED_ISSUER.verificationKey().toJwkJson());
        assertRejected(CliRun.of("sdjwt", "verify", "--issuer-key", ed.toString(), "--at", AT, file.toString()), "ALG_NOT_ALLOWED");
    }

    @Test
    void usageErrorsExit2WithEmptyStdout() throws Exception {
        Path file = write("a1.txt", compact("a1-presentation.txt"));
        String key = rfcKey().toString();
        assertUsage(CliRun.of("sdjwt", "verify", "--issuer-key", key, "--aud", AUD, file.toString()));
        assertUsage(CliRun.of("sdjwt", "verify", "--issuer-key", key, "--nonce", NONCE, file.toString()));
        assertUsage(CliRun.of("sdjwt", "verify", "--issuer-key", key, "--bogus", file.toString()));
        assertUsage(CliRun.of("sdjwt", "verify", "--issuer-key", key, "--aud", "", "--nonce", NONCE, file.toString()));
        assertUsage(CliRun.of("sdjwt", "verify", "--issuer-key", key, "--aud", AUD, "--aud", AUD, "--nonce", NONCE, file.toString()));
        assertUsage(CliRun.of("sdjwt", "verify", "--issuer-key", key, file.toString(), file.toString()));
        assertUsage(CliRun.of("sdjwt", "verify", "--issuer-key", key, dir.resolve("missing.txt").toString()));
        assertUsage(CliRun.of("sdjwt", "verify", "--issuer-key", dir.resolve("missing.jwk").toString(), file.toString()));
        assertUsage(CliRun.of("sdjwt", "verify", "--issuer-key", key, "--at", "yesterday", file.toString()));
        assertUsage(CliRun.of("sdjwt", "verify", "--issuer-key", key, "--at", "2025-05-27T16:05:41", file.toString()));
        assertUsage(CliRun.of("sdjwt", "verify", file.toString()));
        assertUsage(CliRun.of("sdjwt", "verify", "--issuer-key", key));
        assertUsage(CliRun.of("sdjwt", "verify", "--issuer-key", write("private.jwk", ISSUER.toPrivateJwkJson()).toString(),
                file.toString()));
        String publicJwk = resource("issuer-key.json");
        assertUsage(CliRun.of("sdjwt", "verify", "--issuer-key",
                write("enc.jwk", publicJwk.replace("\"kty\"", "\"use\": \"enc\", \"kty\"")).toString(), file.toString()));
        assertUsage(CliRun.of("sdjwt", "verify", "--issuer-key",
                write("ops.jwk", publicJwk.replace("\"kty\"", "\"key_ops\": [\"encrypt\"], \"kty\"")).toString(), file.toString()));
        assertUsage(CliRun.of("sdjwt", "verify", "--issuer-key",
                write("p384.jwk", publicJwk.replace("P-256", "P-384")).toString(), file.toString()));
        assertUsage(CliRun.of("sdjwt", "verify", "--issuer-key", dir.toString(), file.toString()));
    }
}
