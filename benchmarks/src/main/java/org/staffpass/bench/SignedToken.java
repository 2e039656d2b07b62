package org.staffpass.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.staffpass.crypto.JwsSigner;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.VerificationKey;

/**
 * One signed compact JWS of about 1,500 characters and everything each verification path
 * needs to check it: the same key, the same signing input bytes, the same signature.
 *
 * <p>The key comes from a seeded generator so every run and every fork measures the same
 * token. The public key is handed to the JDK and to Bouncy Castle through its JWK, the way
 * a relying party would receive it, so the baselines share no code with the verifier under
 * test. Immutable.
 */
final class SignedToken {
    /** The header {@code typ}; the verifier under test is configured to expect it. */
    static final String TYPE = "dc+sd-jwt";
    /** The token must be this long, give or take {@link #LENGTH_TOLERANCE}, to be "about 1.5 KB". */
    static final int TARGET_LENGTH = 1500;
    static final int LENGTH_TOLERANCE = 50;

    // DER SubjectPublicKeyInfo prefixes (RFC 5480 for P-256 uncompressed points, RFC 8410 for Ed25519).
    private static final byte[] P256_SPKI_PREFIX = HexFormat.of().parseHex(
            "3059301306072a8648ce3d020106082a8648ce3d03010703420004");
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    final SignatureAlgorithm algorithm;
    final SigningKey signingKey;
    final VerificationKey verificationKey;
    final String compact;
    /** ASCII bytes of {@code header.payload}: what the signature covers. */
    final byte[] signingInput;
    /** The raw signature: 64 bytes, r || s for ES256 (P1363), R || S for Ed25519. */
    final byte[] signature;
    /** For ES256 the uncompressed point's x and y; for Ed25519 x holds the 32-byte public key. */
    final byte[] x;
    final byte[] y;

    private SignedToken(SignatureAlgorithm algorithm, SigningKey signingKey, String compact) {
        this.algorithm = algorithm;
        this.signingKey = signingKey;
        this.verificationKey = signingKey.verificationKey();
        this.compact = compact;
        int lastDot = compact.lastIndexOf('.');
        this.signingInput = compact.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        this.signature = Base64.getUrlDecoder().decode(compact.substring(lastDot + 1));
        JsonNode jwk = readJson(verificationKey.toJwkJson());
        this.x = Base64.getUrlDecoder().decode(jwk.get("x").textValue());
        this.y = algorithm == SignatureAlgorithm.ES256 ? Base64.getUrlDecoder().decode(jwk.get("y").textValue()) : new byte[0];
    }

    /**
     * Signs the realistic credential payload with a key generated from a fixed seed.
     *
     * @param algorithmName a header {@code alg} name: {@code ES256} or {@code EdDSA}
     */
    static SignedToken create(String algorithmName) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.fromName(algorithmName)
                .orElseThrow(() -> new IllegalArgumentException("not one of our algorithms: " + algorithmName));
        SigningKey key = SigningKey.generate(algorithm, seededRandom(algorithmName));
        String compact = JwsSigner.of(key).sign(TYPE, credentialPayload().getBytes(StandardCharsets.UTF_8));
        if (Math.abs(compact.length() - TARGET_LENGTH) > LENGTH_TOLERANCE) {
            throw new IllegalStateException("benchmark token is " + compact.length() + " characters, not about " + TARGET_LENGTH);
        }
        return new SignedToken(algorithm, key, compact);
    }

    /** The same token with one bit of the signature flipped: every path must say "invalid". */
    byte[] tamperedSignature() {
        byte[] copy = signature.clone();
        copy[copy.length / 2] ^= 0x01;
        return copy;
    }

    /** The same token with one bit of the signature flipped, re-encoded canonically. */
    String tamperedCompact() {
        return compact.substring(0, compact.lastIndexOf('.') + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(tamperedSignature());
    }

    /** The public key as a JDK {@link PublicKey}, built from the JWK's coordinates. */
    PublicKey jdkPublicKey() {
        try {
            if (algorithm == SignatureAlgorithm.ES256) {
                return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(concat(P256_SPKI_PREFIX, x, y)));
            }
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(ED25519_SPKI_PREFIX, x)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK 17 must import a P-256 / Ed25519 public key", e);
        }
    }

    /** The JDK provider's name for the algorithm, with ECDSA signatures in JOSE's P1363 form. */
    String jdkSignatureName() {
        return algorithm == SignatureAlgorithm.ES256 ? "SHA256withECDSAinP1363Format" : "Ed25519";
    }

    /**
     * A credential as an issuer would sign it: an SD-JWT VC body with issuer, validity,
     * status-list reference, holder key, a few plain claims and the digests of nine
     * selectively disclosable ones: 990 bytes of JSON, a 1,522-character token.
     */
    static String credentialPayload() {
        StringBuilder digests = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            digests.append(i == 0 ? "" : ",").append('"').append(digest("disclosure-" + i)).append('"');
        }
        return "{\"iss\":\"https://issuer.lead-employer.example.nhs.uk\","
                + "\"iat\":1767225600,\"nbf\":1767225600,\"exp\":1798761600,"
                + "\"vct\":\"https://staffpass.example.nhs.uk/credentials/professional-registration\","
                + "\"sub\":\"urn:uuid:3f0c2a7e-5b9d-4c1e-8a6f-2d7b9e1c4a50\","
                + "\"status\":{\"status_list\":{\"idx\":41873,"
                + "\"uri\":\"https://issuer.lead-employer.example.nhs.uk/status/2026-01\"}},"
                + "\"cnf\":{\"jwk\":{\"kty\":\"EC\",\"crv\":\"P-256\","
                + "\"x\":\"" + digest("holder-x") + "\",\"y\":\"" + digest("holder-y") + "\"}},"
                + "\"register\":\"GMC\",\"grade\":\"ST3\",\"specialty\":\"Emergency medicine\","
                + "\"_sd\":[" + digests + "],\"_sd_alg\":\"sha-256\"}";
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static SecureRandom seededRandom(String algorithmName) {
        try {
            // SHA1PRNG seeded before first use is deterministic: the same key in every fork.
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(("staffpass-benchmark-" + algorithmName).getBytes(StandardCharsets.US_ASCII));
            return random;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA1PRNG is in every JDK", e);
        }
    }

    private static JsonNode readJson(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("our own JWK did not parse", e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
