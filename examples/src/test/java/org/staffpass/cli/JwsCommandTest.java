package org.staffpass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffpass.crypto.JwsSigner;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;

class JwsCommandTest {
    private static final SigningKey KEY = SigningKey.generate(SignatureAlgorithm.ES256);
    private static final SigningKey OTHER = SigningKey.generate(SignatureAlgorithm.ES256);
    private static final SigningKey ED = SigningKey.generate(SignatureAlgorithm.EDDSA);

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Path publicKey() throws Exception {
        return write("issuer.public.jwk", KEY.verificationKey().toJwkJson());
    }

    private static String token(String payload) {
        return JwsSigner.of(KEY).sign("dc+sd-jwt", payload.getBytes(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> json(CliRun run) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : run.outLines()) {
            out.add(Json.mapper().readTree(line));
        }
        return out;
    }

    @Test
    void mixedTokensGiveOneJsonLinePerTokenAndExit1() throws Exception {
        String valid = token("{\"n\":1}");
        String tampered = valid.substring(0, valid.indexOf('.') + 1) + token("{\"n\":2}").split("\\.")[1]
                + valid.substring(valid.lastIndexOf('.'));
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + ".e30.AAAA";
        String foreign = JwsSigner.of(OTHER).sign(new byte[] {1});
        String otherCurve = JwsSigner.of(ED).sign(new byte[] {1});
        String lines = String.join("\n", valid, "", tampered, "not a token", "   ", none, foreign, "  " + valid + "  ",
                "a".repeat(400), otherCurve, "\t") + "\n";
        Path in = write("tokens.txt", lines);

        CliRun run = CliRun.of("jws", "verify", "--key", publicKey().toString(), "--in", in.toString(), "--max-length", "300");
        assertEquals(1, run.exit(), run.err());
        assertEquals("", run.err());
        List<JsonNode> results = json(run);
        List<String> summary = new ArrayList<>();
        for (JsonNode result : results) {
            summary.add(result.get("line").intValue() + ":" + (result.get("valid").booleanValue() ? "valid" : result.get("reason").textValue()));
            if (!result.get("valid").booleanValue()) {
                assertTrue(result.get("message").textValue().length() > 0);
            } else {
                assertTrue(result.get("reason").isNull());
            }
        }
        assertEquals(List.of("1:valid", "3:SIGNATURE_INVALID", "4:MALFORMED", "6:ALG_NOT_ALLOWED", "7:KID_MISMATCH", "8:valid", "9:TOO_LARGE",
                "10:ALG_NOT_ALLOWED"),
                summary, "blank lines are counted but not reported");
    }

    @Test
    void allValidExits0() throws Exception {
        Path in = write("tokens.txt", token("{\"n\":1}") + "\n" + token("{\"n\":2}") + "\n");
        CliRun run = CliRun.of("jws", "verify", "--key", publicKey().toString(), "--in", in.toString(), "--typ", "application/dc+sd-jwt");
        assertEquals(0, run.exit(), run.err());
        assertEquals(2, json(run).size());
        assertTrue(json(run).stream().allMatch(result -> result.get("valid").booleanValue()));
    }

    @Test
    void wrongTypExits1() throws Exception {
        Path in = write("tokens.txt", token("{}") + "\n");
        CliRun run = CliRun.of("jws", "verify", "--key", publicKey().toString(), "--in", in.toString(), "--typ", "kb+jwt");
        assertEquals(1, run.exit(), run.err());
        assertEquals("TYP_MISMATCH", json(run).get(0).get("reason").textValue());
    }

    private void assertUsageError(CliRun run, String mustMention) {
        assertEquals(2, run.exit(), run.out() + run.err());
        assertEquals("", run.out(), "stdout stays empty on a usage error");
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains(mustMention), run.err());
    }

    @Test
    void unreadableKeyOrInputIsAUsageError() throws Exception {
        Path in = write("tokens.txt", token("{}") + "\n");
        Path missing = dir.resolve("missing.jwk");
        assertUsageError(CliRun.of("jws", "verify", "--key", missing.toString(), "--in", in.toString()), missing.toString());
        assertUsageError(CliRun.of("jws", "verify", "--key", dir.toString(), "--in", in.toString()), dir.toString());
        Path missingIn = dir.resolve("no-tokens.txt");
        assertUsageError(CliRun.of("jws", "verify", "--key", publicKey().toString(), "--in", missingIn.toString()), missingIn.toString());
        assertUsageError(CliRun.of("jws", "verify", "--key", publicKey().toString(), "--in", dir.toString()), dir.toString());
        Path notJson = write("broken.jwk", "{\"kty\":");
        assertUsageError(CliRun.of("jws", "verify", "--key", notJson.toString(), "--in", in.toString()), "KEY_MALFORMED");
    }

    @Test
    void privateKeyAsKeyIsAUsageError() throws Exception {
        Path in = write("tokens.txt", token("{}") + "\n");
        Path privateKey = write("issuer.private.jwk", KEY.toPrivateJwkJson());
        CliRun run = CliRun.of("jws", "verify", "--key", privateKey.toString(), "--in", in.toString());
        assertUsageError(run, "KEY_PRIVATE_MATERIAL");
        assertTrue(!run.err().contains(Json.mapper().readTree(KEY.toPrivateJwkJson()).get("d").textValue()), "the secret is not echoed");
    }

    @Test
    void encryptionKeyIsAUsageError() throws Exception {
        Path in = write("tokens.txt", token("{}") + "\n");
        ObjectNode jwk = (ObjectNode) Json.mapper().readTree(KEY.verificationKey().toJwkJson());
        jwk.put("use", "enc");
        Path encKey = write("enc.jwk", jwk.toString());
        assertUsageError(CliRun.of("jws", "verify", "--key", encKey.toString(), "--in", in.toString()), "KEY_USAGE_NOT_ALLOWED");
    }
}
