package org.staffpass.testing;

import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small, seeded property-test runner on plain JUnit 5.
 *
 * <p>Each property draws {@link #tries()} cases from a generator fed by a {@link Random} with a
 * fixed seed, so every run checks the same cases and a failure names the seed and case index
 * that reproduce it. The number of cases comes from the system property
 * {@code staffpass.property.tries} (300 by default; {@code -Pfuzz} raises it), and the seed
 * from {@code staffpass.property.seed} (a fixed default, so CI is reproducible).
 *
 * <p>Why not jqwik: see docs/dependencies.md.
 */
public final class Property {
    private static final long DEFAULT_SEED = 0x5747_4146_4650_4153L;

    private Property() {
    }

    /** How many cases each property checks in this run. */
    public static int tries() {
        String configured = System.getProperty("staffpass.property.tries", "");
        return configured.isBlank() ? 300 : Integer.parseInt(configured.trim());
    }

    /**
     * {@code base} cases at the default {@link #tries()} (300), scaled with it: a property that
     * needs more (or can afford fewer) cases than the default still gets 100 times as many under
     * {@code -Pfuzz}.
     */
    public static int scaled(int base) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (long) base * tries() / 300));
    }

    /** The seed of this run. */
    public static long seed() {
        String configured = System.getProperty("staffpass.property.seed", "");
        return configured.isBlank() ? DEFAULT_SEED : Long.parseLong(configured.trim());
    }

    /**
     * Checks {@code property} on {@link #tries()} generated cases. The property signals a
     * failure by throwing (an assertion); the runner rethrows it naming seed, case and input.
     */
    public static <T> void forAll(String name, Function<Random, T> generator, Consumer<T> property) {
        forAll(name, tries(), generator, property);
    }

    /** As {@link #forAll(String, Function, Consumer)} with an explicit case count. */
    public static <T> void forAll(String name, int tries, Function<Random, T> generator, Consumer<T> property) {
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(property, "property");
        long seed = seed() ^ name.hashCode();
        Random random = new Random(seed);
        for (int i = 0; i < tries; i++) {
            T input = generator.apply(random);
            try {
                property.accept(input);
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError("property '" + name + "' failed on case " + i + " of " + tries
                        + " (run seed " + seed() + "): " + describe(input) + "\n" + failure, failure);
            }
        }
    }

    private static String describe(Object input) {
        String text = input instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : String.valueOf(input);
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    }

    /** {@code length} random bytes. */
    public static byte[] bytes(Random random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    /** A length in [0, max], biased toward small and boundary values. */
    public static int length(Random random, int max) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(Math.min(max, 8) + 1);
            case 1 -> max;
            default -> random.nextInt(max + 1);
        };
    }
}
