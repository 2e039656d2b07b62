package org.staffpass.cli.demo;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Deterministic generators for the demos: synthetic keys and salts that a seed reproduces. */
public final class Seeds {
    private Seeds() {
    }

    /**
     * A SecureRandom that yields the same bytes for the same seed (SHA1PRNG seeded before its
     * first use). For synthetic demo data only: never for real keys.
     */
    public static SecureRandom secureRandom(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is part of every Java platform", e);
        }
    }
}
