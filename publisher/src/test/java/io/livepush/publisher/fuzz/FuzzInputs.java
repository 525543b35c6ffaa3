package io.livepush.publisher.fuzz;

import java.util.SplittableRandom;

/**
 * A seeded generator of hostile inputs for the protocol decoders: a valid sample mutated by bit
 * flips, byte overwrites with boundary values (0x00, 0x7F, 0x80, 0xFF), truncation, duplication of
 * a slice, insertion of huge 24/32-bit lengths, or plain random bytes. The same seed gives the same
 * inputs, so a failure names the seed and case that reproduce it.
 *
 * <p>The number of cases per test is {@code -Dfuzz.iterations=N} (default {@value #DEFAULT_ITERATIONS},
 * a few seconds in all); {@code -Dfuzz.seed=S} replays a run.
 */
final class FuzzInputs {
    static final int DEFAULT_ITERATIONS = 3000;
    private static final int[] BOUNDARY = {0x00, 0x01, 0x02, 0x03, 0x3F, 0x40, 0x7F, 0x80, 0xFE, 0xFF};

    private final SplittableRandom random;

    FuzzInputs(long seed) {
        this.random = new SplittableRandom(seed);
    }

    static int iterations() {
        return Integer.getInteger("fuzz.iterations", DEFAULT_ITERATIONS);
    }

    static long seed() {
        return Long.getLong("fuzz.seed", 0x1ACE_5EEDL);
    }

    SplittableRandom random() {
        return random;
    }

    /** @return a hostile variant of {@code sample} (or random bytes, one case in eight) */
    byte[] mutate(byte[] sample) {
        if (random.nextInt(8) == 0) {
            byte[] noise = new byte[random.nextInt(4096)];
            random.nextBytes(noise);
            return noise;
        }
        byte[] b = sample.clone();
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds && b.length > 0; r++) {
            switch (random.nextInt(6)) {
                case 0 -> b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[random.nextInt(b.length)] = (byte) BOUNDARY[random.nextInt(BOUNDARY.length)];
                case 2 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
                case 3 -> b = duplicateSlice(b);
                case 4 -> b = hugeLength(b);
                default -> {
                    int at = random.nextInt(b.length);
                    int n = Math.min(b.length - at, 1 + random.nextInt(8));
                    for (int i = 0; i < n; i++) {
                        b[at + i] = (byte) random.nextInt(256);
                    }
                }
            }
        }
        return b;
    }

    private byte[] duplicateSlice(byte[] b) {
        int from = random.nextInt(b.length);
        int len = Math.min(b.length - from, 1 + random.nextInt(64));
        byte[] out = new byte[b.length + len];
        int at = random.nextInt(b.length + 1);
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, from, out, at, len);
        System.arraycopy(b, at, out, at + len, b.length - at);
        return out;
    }

    /** Overwrites 3 or 4 bytes with an all-ones or near-maximum length, as a hostile peer announces one. */
    private byte[] hugeLength(byte[] b) {
        int width = random.nextBoolean() ? 3 : 4;
        if (b.length < width) {
            return b;
        }
        int at = random.nextInt(b.length - width + 1);
        for (int i = 0; i < width; i++) {
            b[at + i] = (byte) (i == 0 ? 0x7F + random.nextInt(0x81) : 0xFF);
        }
        return b;
    }

    /** @return the input cut into 1..8 pieces at random places, as TCP may deliver it */
    byte[][] split(byte[] input) {
        int pieces = Math.min(input.length, 1 + random.nextInt(8));
        if (pieces <= 1) {
            return new byte[][] {input};
        }
        int[] cuts = random.ints(pieces - 1, 1, input.length).sorted().toArray();
        byte[][] out = new byte[pieces][];
        int start = 0;
        for (int i = 0; i < pieces; i++) {
            int end = i < cuts.length ? cuts[i] : input.length;
            out[i] = java.util.Arrays.copyOfRange(input, start, Math.max(start, end));
            start = Math.max(start, end);
        }
        return out;
    }
}
