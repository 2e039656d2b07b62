package org.staffpass.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.PublicKeyMaterial.SignatureCheck;

/**
 * Runs every Wycheproof case for the two algorithms we accept through the exact call
 * {@link JwsVerifier} makes ({@code key.material().check(...)}), with keys imported through
 * our own JWK path, and reports every failing {@code tcId} at once.
 *
 * <p>Acceptable cases: the pinned files (Wycheproof 0.9rc5) contain none for either
 * algorithm. {@link #ACCEPTABLE} is where the decision for each acceptable flag is written
 * down; an acceptable case whose flags are not listed there fails the test, so a vector
 * update cannot slip an undecided behaviour in. See docs/crypto-vectors.md.
 */
class WycheproofTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Decisions for Wycheproof "acceptable" flags: flag → whether we accept such a signature.
     * Empty because the vector files we run hold no acceptable case (asserted below).
     */
    private static final Map<String, Boolean> ACCEPTABLE = Map.of();

    @Test
    void ecdsaP256Sha256P1363() throws IOException {
        Outcome outcome = run("ecdsa_secp256r1_sha256_p1363_test.json", group -> {
            JsonNode publicKey = group.get("publicKey");
            Optional<byte[]> x = fixedLength(HexFormat.of().parseHex(publicKey.get("wx").textValue()));
            Optional<byte[]> y = fixedLength(HexFormat.of().parseHex(publicKey.get("wy").textValue()));
            if (x.isEmpty() || y.isEmpty()) {
                return Verification.rejected(ReasonCode.KEY_MALFORMED, "coordinate longer than 32 bytes");
            }
            ObjectNode jwk = JSON.createObjectNode().put("kty", "EC").put("crv", "P-256")
                    .put("x", Base64Url.encode(x.get())).put("y", Base64Url.encode(y.get()));
            return VerificationKey.fromJwk(jwk);
        }, SignatureAlgorithm.ES256);
        outcome.assertClean();
    }

    @Test
    void ed25519() throws IOException {
        Outcome outcome = run("ed25519_test.json", group -> {
            byte[] pk = HexFormat.of().parseHex(group.get("publicKey").get("pk").textValue());
            ObjectNode jwk = JSON.createObjectNode().put("kty", "OKP").put("crv", "Ed25519").put("x", Base64Url.encode(pk));
            return VerificationKey.fromJwk(jwk);
        }, SignatureAlgorithm.EDDSA);
        outcome.assertClean();
    }

    /**
     * Wycheproof gives coordinates as signed big-endian hex: a leading 00 when the top bit is
     * set, and fewer bytes when the value is small. JWK wants exactly 32 bytes.
     */
    private static Optional<byte[]> fixedLength(byte[] raw) {
        int start = 0;
        while (raw.length - start > 32 && raw[start] == 0) {
            start++;
        }
        if (raw.length - start > 32) {
            return Optional.empty();
        }
        byte[] out = new byte[32];
        System.arraycopy(raw, start, out, 32 - (raw.length - start), raw.length - start);
        return Optional.of(out);
    }

    private interface KeyImport {
        Verification<VerificationKey> key(JsonNode group);
    }

    private static Outcome run(String file, KeyImport keys, SignatureAlgorithm algorithm) throws IOException {
        JsonNode root = JSON.readTree(Files.readAllBytes(Vectors.wycheproof(file)));
        Outcome outcome = new Outcome(file);
        for (JsonNode group : root.get("testGroups")) {
            Verification<VerificationKey> key = keys.key(group);
            outcome.group(key.isAccepted());
            for (JsonNode test : group.get("tests")) {
                outcome.run(test, key, algorithm);
            }
        }
        assertEquals(root.get("numberOfTests").intValue(), outcome.total(), file + ": cases run vs numberOfTests");
        return outcome;
    }

    /** Counts and failures for one file. */
    private static final class Outcome {
        private final String file;
        private final Map<String, Integer> counts = new TreeMap<>();
        private final List<String> failures = new ArrayList<>();
        private int groups;
        private int refusedKeys;

        Outcome(String file) {
            this.file = file;
        }

        void group(boolean keyImported) {
            groups++;
            refusedKeys += keyImported ? 0 : 1;
        }

        void run(JsonNode test, Verification<VerificationKey> key, SignatureAlgorithm algorithm) {
            int id = test.get("tcId").intValue();
            String result = test.get("result").textValue();
            counts.merge(result, 1, Integer::sum);
            boolean accepted;
            if (key instanceof Verification.Rejected<VerificationKey> r) {
                // A key we refuse to import verifies nothing: only invalid cases may use it.
                accepted = false;
                if (!result.equals("invalid")) {
                    failures.add(id + " (" + result + ", key refused: " + r.reason() + ")");
                    return;
                }
            } else {
                VerificationKey verificationKey = key.value();
                if (verificationKey.algorithm() != algorithm) {
                    failures.add(id + " (key imported as " + verificationKey.algorithm() + ")");
                    return;
                }
                byte[] msg = HexFormat.of().parseHex(test.get("msg").textValue());
                byte[] sig = HexFormat.of().parseHex(test.get("sig").textValue());
                accepted = verificationKey.material().check(msg, msg.length, sig) == SignatureCheck.VALID;
            }
            switch (result) {
                case "valid" -> expect(id, result, accepted, true);
                case "invalid" -> expect(id, result, accepted, false);
                case "acceptable" -> {
                    List<String> flags = new ArrayList<>();
                    test.get("flags").forEach(flag -> flags.add(flag.textValue()));
                    Optional<Boolean> decided = flags.stream().filter(ACCEPTABLE::containsKey).map(ACCEPTABLE::get).findFirst();
                    if (decided.isEmpty()) {
                        failures.add(id + " (acceptable with undocumented flags " + flags + ")");
                    } else {
                        expect(id, result + " " + flags, accepted, decided.get());
                    }
                }
                default -> failures.add(id + " (unknown result '" + result + "')");
            }
        }

        private void expect(int id, String result, boolean accepted, boolean wanted) {
            if (accepted != wanted) {
                failures.add(id + " (" + result + ", we " + (accepted ? "accepted" : "rejected") + ")");
            }
        }

        int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        void assertClean() {
            if (!failures.isEmpty()) {
                fail(file + ": " + failures.size() + " failing tcIds " + counts + ": " + failures);
            }
            assertTrue(counts.getOrDefault("valid", 0) > 0 && counts.getOrDefault("invalid", 0) > 0,
                    file + " ran no valid or no invalid case: " + counts);
            System.out.println("Wycheproof " + file + ": " + groups + " groups (" + refusedKeys + " keys refused), "
                    + counts + ", 0 failures");
        }
    }
}
