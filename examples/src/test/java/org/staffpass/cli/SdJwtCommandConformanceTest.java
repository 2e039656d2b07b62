package org.staffpass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.sdjwt.ClaimPath;
import org.staffpass.crypto.sdjwt.KeyBinding;
import org.staffpass.crypto.sdjwt.SdJwtIssuer;
import org.staffpass.crypto.sdjwt.SdJwtPresenter;
import org.staffpass.crypto.sdjwt.SdJwtVerifier;
import org.staffpass.crypto.sdjwt.VerifiedSdJwt;
import org.staffpass.testing.Property;

/** {@code staffpass sdjwt verify} against the external contract: time formats and boundaries, typ, kid, robustness. */
class SdJwtCommandConformanceTest {
    private static final String AUD = "https://verifier.example.org";
    private static final String NONCE = "n-0S6_WzA2Mj";
    private static final SigningKey ISSUER = SigningKey.generate(SignatureAlgorithm.ES256);
    private static final SigningKey HOLDER = SigningKey.generate(SignatureAlgorithm.ES256);
    /** Presentation time: the KB-JWT's iat. */
    private static final Instant NOW = Instant.parse("2026-01-10T09:00:00Z");
    private static final long EXP = NOW.getEpochSecond() + 3600;
    private static final Set<String> CODES = Set.of("MALFORMED", "TOO_LARGE", "ALG_NOT_ALLOWED", "HEADER_NOT_ALLOWED",
            "TYP_MISMATCH", "SIGNATURE_INVALID", "EXPIRED", "NOT_YET_VALID", "SD_ALG_UNSUPPORTED", "DISCLOSURE_MALFORMED",
            "DISCLOSURE_UNREFERENCED", "DISCLOSURE_DUPLICATE", "DISCLOSURE_CLAIM_CONFLICT", "KB_MISSING", "KB_MALFORMED",
            "KB_SIGNATURE_INVALID", "KB_AUD_MISMATCH", "KB_NONCE_MISMATCH", "KB_IAT_OUT_OF_WINDOW", "KB_SD_HASH_MISMATCH",
            "KB_NO_HOLDER_KEY");
    private static final String PRESENTATION = presentation();

    @TempDir
    Path dir;

    private static String presentation() {
        ObjectNode claims = JsonNodeFactory.instance.objectNode();
        claims.put("iss", "https://issuer.example").put("iat", NOW.getEpochSecond() - 3600).put("exp", EXP)
                .put("vct", "urn:example:staff:1").put("given_name", "Ada");
        claims.putObject("address").put("locality", "Leeds").put("country", "GB");
        claims.putArray("roles").add("nurse").add("prescriber").add("mentor");
        String issued = SdJwtIssuer.builder().signingKey(ISSUER).random(new SecureRandom()).decoys(1).build()
                .issue(claims, List.of(ClaimPath.of("given_name"), ClaimPath.of("address", "locality"), ClaimPath.of("roles", 1),
                        ClaimPath.of("roles", 2)), HOLDER.verificationKey())
                .compact();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        VerifiedSdJwt credential = SdJwtVerifier.builder().issuerKey(ISSUER.verificationKey()).clock(clock).build()
                .verify(issued, KeyBinding.forbidden()).value();
        return SdJwtPresenter.of(clock).present(credential, List.of(ClaimPath.of("address", "locality"), ClaimPath.of("roles", 1)),
                HOLDER, AUD, NONCE);
    }

    private Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path key() {
        return write("issuer.jwk", ISSUER.verificationKey().toJwkJson());
    }

    private static JsonNode onlyJson(CliRun run) {
        List<String> lines = run.outLines();
        assertEquals(1, lines.size(), () -> "stdout must be exactly one JSON object: " + run);
        try {
            JsonNode node = Json.mapper().readTree(lines.get(0));
            assertTrue(node.isObject(), run::toString);
            return node;
        } catch (IOException e) {
            throw new AssertionError("stdout is not JSON: " + run, e);
        }
    }

    private CliRun run(String at, String... extra) {
        String[] args = new String[6 + extra.length];
        args[0] = "sdjwt";
        args[1] = "verify";
        args[2] = "--issuer-key";
        args[3] = key().toString();
        args[4] = "--at";
        args[5] = at;
        System.arraycopy(extra, 0, args, 6, extra.length);
        return CliRun.of(args);
    }

    private static void assertValid(CliRun run) {
        assertEquals(0, run.exit(), run::toString);
        assertEquals(true, onlyJson(run).get("valid").booleanValue());
    }

    private static void assertRejected(CliRun run, String reason) {
        assertEquals(1, run.exit(), run::toString);
        JsonNode out = onlyJson(run);
        assertEquals(reason, out.path("reason").textValue(), out::toString);
    }

    @Test
    void processedClaimsKeepRegisteredClaimsAndDropEverythingOfTheMechanism() {
        CliRun run = run(NOW.toString(), "--aud", AUD, "--nonce", NONCE, write("p.txt", PRESENTATION).toString());
        assertValid(run);
        ObjectNode expected = JsonNodeFactory.instance.objectNode();
        expected.put("iss", "https://issuer.example").put("iat", NOW.getEpochSecond() - 3600).put("exp", EXP)
                .put("vct", "urn:example:staff:1");
        expected.putObject("address").put("locality", "Leeds").put("country", "GB");
        expected.putArray("roles").add("nurse").add("prescriber");
        expected.putObject("cnf").set("jwk", HOLDER.verificationKey().toJwk());
        JsonNode claims = onlyJson(run).get("claims");
        try {
            assertEquals(Json.mapper().readTree(Json.mapper().writeValueAsString(expected)), claims);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void atTakesFractionsAndOffsetsAndFixesTheExactBoundaries() {
        String file = write("p.txt", PRESENTATION).toString();
        String withoutKb = write("no-kb.txt", PRESENTATION.substring(0, PRESENTATION.lastIndexOf('~') + 1)).toString();
        Instant expiry = Instant.ofEpochSecond(EXP + 60);
        // exp: rejected from exp + 60 s on; the same instants written with an offset.
        assertValid(run(expiry.minusMillis(1).toString(), withoutKb));
        assertRejected(run(expiry.toString(), withoutKb), "EXPIRED");
        assertValid(run(expiry.minusMillis(1).atOffset(ZoneOffset.ofHours(1)).toString(), withoutKb));
        assertValid(run(expiry.minusMillis(1).atOffset(ZoneOffset.ofHours(2)).toString().replace("+02:00", "+0200"), withoutKb));
        assertRejected(run(expiry.atOffset(ZoneOffset.ofHours(1)).toString(), withoutKb), "EXPIRED");
        assertRejected(run(expiry.atOffset(ZoneOffset.ofHoursMinutes(-5, -30)).toString(), withoutKb), "EXPIRED");
        // KB-JWT iat = NOW: exactly 300 s either way is accepted, 300.001 s is not.
        for (int sign : new int[] {1, -1}) {
            Instant edge = NOW.plusSeconds(300L * sign);
            assertValid(run(edge.toString(), "--aud", AUD, "--nonce", NONCE, file));
            assertRejected(run(edge.plusMillis(sign).toString(), "--aud", AUD, "--nonce", NONCE, file), "KB_IAT_OUT_OF_WINDOW");
            // A KB-JWT that is not required still has its iat checked.
            assertRejected(run(edge.plusMillis(sign).toString(), file), "KB_IAT_OUT_OF_WINDOW");
        }
        assertValid(run("2026-01-10T10:04:59.999999999+01:00", file));
        assertRejected(run("2026-01-10T10:05:00.000000001+01:00", file), "KB_IAT_OUT_OF_WINDOW");
    }

    @Test
    void typIsComparedAsRfc7515SaysAndKbJwtIsNeverAnIssuerType() {
        String file = write("p.txt", PRESENTATION).toString();
        assertValid(run(NOW.toString(), "--typ", "dc+sd-jwt", file));
        assertValid(run(NOW.toString(), "--typ", "DC+SD-JWT", file));
        assertValid(run(NOW.toString(), "--typ", "application/dc+sd-jwt", file));
        assertRejected(run(NOW.toString(), "--typ", "vc+sd-jwt", file), "TYP_MISMATCH");
        assertRejected(run(NOW.toString(), "--typ", "kb+jwt", file), "TYP_MISMATCH");
        assertRejected(run(NOW.toString(), "--typ", "KB+JWT", file), "TYP_MISMATCH");
    }

    @Test
    void headerKidMustMatchTheKeysKidWhenTheKeyHasOne() {
        String file = write("p.txt", PRESENTATION).toString();
        ObjectNode jwk = (ObjectNode) ISSUER.verificationKey().toJwk().deepCopy();
        Path noKid = write("no-kid.jwk", jwk.deepCopy().without("kid").toString());
        assertValid(CliRun.of("sdjwt", "verify", "--issuer-key", noKid.toString(), "--at", NOW.toString(), file));
        Path otherKid = write("other-kid.jwk", jwk.put("kid", "another-key").toString());
        assertRejected(CliRun.of("sdjwt", "verify", "--issuer-key", otherKid.toString(), "--at", NOW.toString(), file),
                "SIGNATURE_INVALID");
    }

    /** Random edits of a valid presentation: the answer is always one JSON object and exit 0 or 1, never a throw. */
    @Test
    void mutatedPresentationsAreAlwaysAnsweredWithOneJsonObject() {
        String keyFile = key().toString();
        Path file = dir.resolve("mutant.txt");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~ =+/\u00e9\u0000{}\"";
        Property.forAll("sdjwt verify answers every mutant", Math.max(60, Property.tries() / 4), (Random random) -> {
            StringBuilder text = new StringBuilder(PRESENTATION);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits && text.length() > 0; e++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(6)) {
                    case 0 -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(40)));
                    case 2 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 3 -> {
                        int end = Math.min(text.length(), at + 1 + random.nextInt(200));
                        text.insert(random.nextInt(text.length()), text.substring(at, end));
                    }
                    case 4 -> text.setLength(at);
                    default -> {
                        String[] parts = text.toString().split("~", -1);
                        if (parts.length > 2) {
                            int i = random.nextInt(parts.length);
                            int j = random.nextInt(parts.length);
                            String swap = parts[i];
                            parts[i] = parts[j];
                            parts[j] = swap;
                            text.setLength(0);
                            text.append(String.join("~", parts));
                        }
                    }
                }
            }
            return text.toString();
        }, mutant -> {
            try {
                Files.writeString(file, mutant, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            boolean bound = mutant.hashCode() % 2 == 0;
            CliRun run = bound
                    ? CliRun.of("sdjwt", "verify", "--issuer-key", keyFile, "--aud", AUD, "--nonce", NONCE, "--at", NOW.toString(),
                            file.toString())
                    : CliRun.of("sdjwt", "verify", "--issuer-key", keyFile, "--at", NOW.toString(), file.toString());
            assertTrue(run.exit() == 0 || run.exit() == 1, run::toString);
            assertEquals("", run.err(), run::toString);
            JsonNode out = onlyJson(run);
            assertEquals(run.exit() == 0, out.path("valid").booleanValue(), run::toString);
            if (run.exit() == 1) {
                assertTrue(CODES.contains(out.path("reason").textValue()), run::toString);
                assertTrue(out.path("message").isTextual(), run::toString);
                assertEquals(3, out.size(), run::toString);
            } else {
                assertEquals(2, out.size(), run::toString);
            }
        });
    }

    @Test
    void keysThatCannotVerifyAreUsageErrors() {
        String file = write("p.txt", PRESENTATION).toString();
        ObjectNode jwk = (ObjectNode) ISSUER.verificationKey().toJwk().deepCopy();
        List<String> unusable = List.of(
                jwk.deepCopy().put("use", "enc").toString(),
                ((ObjectNode) jwk.deepCopy().without("use")).set("key_ops", JsonNodeFactory.instance.arrayNode().add("encrypt"))
                        .toString(),
                jwk.deepCopy().put("crv", "P-384").toString(),
                "{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo\"}",
                "{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}",
                ISSUER.toPrivateJwkJson(),
                "not json");
        for (String key : unusable) {
            CliRun run = CliRun.of("sdjwt", "verify", "--issuer-key", write("bad.jwk", key).toString(), "--at", NOW.toString(), file);
            assertEquals(2, run.exit(), () -> key + " -> " + run);
            assertEquals("", run.out(), run::toString);
            assertEquals(1, run.errLines().size(), run::toString);
        }
        ObjectNode verifyOps = (ObjectNode) jwk.deepCopy().without("use");
        verifyOps.putArray("key_ops").add("verify");
        assertValid(CliRun.of("sdjwt", "verify", "--issuer-key", write("ok.jwk", verifyOps.toString()).toString(), "--at",
                NOW.toString(), file));
    }
}
