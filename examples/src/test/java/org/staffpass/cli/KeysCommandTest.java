package org.staffpass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.staffpass.crypto.JwsSigner;
import org.staffpass.crypto.JwsVerifier;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.VerificationKey;

class KeysCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "EdDSA"})
    void generateWritesAKeyPairNamedByItsThumbprint(String alg, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("keys");
        CliRun run = CliRun.of("keys", "generate", "--alg", alg, "--out", out.toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err());
        assertEquals(1, run.outLines().size(), run.out());
        JsonNode printed = Json.mapper().readTree(run.out());
        String kid = printed.get("kid").textValue();
        assertEquals(alg, printed.get("alg").textValue());

        Path privateFile = Path.of(printed.get("private").textValue());
        Path publicFile = Path.of(printed.get("public").textValue());
        assertEquals(out.resolve(kid + ".private.jwk"), privateFile);
        assertEquals(out.resolve(kid + ".public.jwk"), publicFile);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile)));

        VerificationKey publicKey = VerificationKey.fromJwk(Files.readString(publicFile)).value();
        assertEquals(kid, publicKey.thumbprint(), "kid is the RFC 7638 thumbprint");
        assertEquals(Optional.of(kid), publicKey.kid());
        assertEquals(SignatureAlgorithm.fromName(alg).orElseThrow(), publicKey.algorithm());
        assertTrue(!Files.readString(publicFile).contains("\"d\""), "public file has no private member");

        SigningKey privateKey = SigningKey.fromJwk(Files.readString(privateFile)).value();
        assertEquals(kid, privateKey.kid());
        assertTrue(JwsVerifier.of(publicKey).verify(JwsSigner.of(privateKey).sign(new byte[] {1})).isAccepted());

        CliRun again = CliRun.of("keys", "generate", "--alg", alg, "--out", out.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("Generated " + alg + " key "), again.out());
        assertEquals(4, Files.list(out).count(), "a second key, not an overwrite");
        assertNotEquals(run.out(), again.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "HS256", "none", "", "ES384", "Ed448"})
    void unknownAlgIsAUsageErrorOnOneStderrLine(String alg, @TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("keys", "generate", "--alg", alg, "--out", dir.resolve("k").toString());
        assertEquals(2, run.exit());
        assertEquals("", run.out());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("--alg"), run.err());
        assertTrue(Files.notExists(dir.resolve("k")), "nothing written");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--alg", "--out"})
    void missingRequiredOptionIsAUsageError(String missing, @TempDir Path dir) {
        CliRun run = missing.equals("--alg")
                ? CliRun.of("keys", "generate", "--out", dir.toString())
                : CliRun.of("keys", "generate", "--alg", "ES256");
        assertEquals(2, run.exit());
        assertEquals("", run.out());
        assertEquals(1, run.errLines().size(), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ES256"})
    void outThatIsAFileIsAUsageError(String alg, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        CliRun run = CliRun.of("keys", "generate", "--alg", alg, "--out", file.toString());
        assertEquals(2, run.exit());
        assertEquals("", run.out());
        assertEquals(1, run.errLines().size(), run.err());
    }
}
