package org.staffpass.crypto.trust;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.VerificationKey;

/** Keys, issuers and random valid trust lists for the trust-list tests; deterministic from fixed seeds. */
final class TrustListSamples {
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    static final String OPERATOR = "https://operator.example";
    static final String VCT_A = "https://types.example/registration";
    static final String VCT_B = "https://types.example/training";

    /** Public keys, half ES256 and half EdDSA, made from a seeded generator so every run sees the same. */
    static final List<SigningKey> KEY_POOL = keyPool(8);

    private TrustListSamples() {
    }

    private static List<SigningKey> keyPool(int size) {
        SecureRandom random;
        try {
            random = SecureRandom.getInstance("SHA1PRNG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        random.setSeed(0x7275_7374L);
        List<SigningKey> keys = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            keys.add(SigningKey.generate(i % 2 == 0 ? SignatureAlgorithm.ES256 : SignatureAlgorithm.EDDSA, random));
        }
        return List.copyOf(keys);
    }

    /** The public half of {@code key} under another {@code kid}. */
    static VerificationKey withKid(SigningKey key, String kid) {
        ObjectNode jwk = key.verificationKey().toJwk();
        jwk.put("kid", kid);
        return VerificationKey.fromJwk(jwk).value();
    }

    /** An active issuer authorised for {@link #VCT_A}, valid from {@link #T0}, with one key. */
    static TrustedIssuer.Builder issuer(String id, SigningKey key) {
        return TrustedIssuer.builder()
                .id(id).name("Issuer " + id).organisationCode("ORG-" + Math.abs(id.hashCode() % 1000))
                .validFrom(T0).credentialType(VCT_A).key(key.verificationKey());
    }

    /** A list valid from {@link #T0} for 30 days. */
    static TrustList.Builder list(long sequence) {
        return TrustList.builder().operator(OPERATOR).sequence(sequence)
                .issuedAt(T0).expiresAt(T0.plusSeconds(30L * 86_400));
    }

    /** A random valid list: texts with non-ASCII and astral characters, every status, optional ends. */
    static TrustList randomList(Random random) {
        long iat = random.nextInt(2_000_000_000);
        TrustList.Builder builder = TrustList.builder()
                .operator(text(random, 1, 40))
                .sequence(random.nextInt(8) == 0 ? TrustListRules.MAX_SEQUENCE : 1 + random.nextInt(1_000_000))
                .issuedAt(Instant.ofEpochSecond(iat))
                .expiresAt(Instant.ofEpochSecond(iat + 1 + random.nextInt(100_000_000)));
        int issuers = random.nextInt(6);
        for (int i = 0; i < issuers; i++) {
            long from = random.nextInt(2_000_000_000);
            TrustedIssuer.Builder issuer = TrustedIssuer.builder()
                    .id("https://issuer-" + i + ".example/" + text(random, 0, 12))
                    .name(text(random, 1, 30))
                    .organisationCode(text(random, 1, 8))
                    .status(TrustedIssuer.Status.values()[random.nextInt(3)])
                    .validFrom(Instant.ofEpochSecond(from));
            if (random.nextBoolean()) {
                issuer.validUntil(Instant.ofEpochSecond(from + 1 + random.nextInt(500_000_000)));
            }
            Set<String> types = new LinkedHashSet<>();
            int typeCount = 1 + random.nextInt(4);
            while (types.size() < typeCount) {
                types.add(text(random, 1, 20));
            }
            types.forEach(issuer::credentialType);
            int keyCount = 1 + random.nextInt(3);
            for (int k = 0; k < keyCount; k++) {
                issuer.key(withKid(KEY_POOL.get(random.nextInt(KEY_POOL.size())), "k" + k + "-" + text(random, 0, 6)));
            }
            builder.issuer(issuer.build());
        }
        return builder.build();
    }

    /** Random text of {@code min} to {@code max} code points, none a control character. */
    static String text(Random random, int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> out.appendCodePoint(0xA0 + random.nextInt(0x60));      // Latin-1 letters
                case 1 -> out.appendCodePoint(0x4E00 + random.nextInt(0x100));   // CJK
                case 2 -> out.appendCodePoint(0x1F600 + random.nextInt(0x40));   // astral: surrogate pairs
                case 3 -> out.append("\"\\/~ ".charAt(random.nextInt(5)));       // JSON and pointer specials
                default -> out.append((char) ('a' + random.nextInt(26)));
            }
        }
        return out.toString();
    }
}
