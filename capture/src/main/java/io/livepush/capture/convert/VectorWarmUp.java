package io.livepush.capture.convert;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Brings the vector kernel through the JIT before any AUTO converter uses it, then checks it:
 * converts a small random picture (250x16, so the last step of each row is the shifted one) with
 * both kernels in rounds, alternating BGRA and RGBA, until the vector kernel has been faster in
 * {@value #WINS_NEEDED} rounds in a row; then compares both kernels' bytes. Accepts the vector
 * kernel only if they are equal; gives up after {@value #DEADLINE_SECONDS} s (AUTO stays scalar).
 *
 * <p>Runs on its own daemon thread, once per JVM. It starts when a capture starts, next to real-time
 * work (a microphone's reads, an encoder), so it is paced: after each round it sleeps
 * {@value #PAUSE_MS} ms, keeping its own share of a core to about a third. Unpaced it took one core
 * for about 3 s and made a PulseAudio capture on a 2-core machine miss its deadlines (silence
 * inserted, a read late by 62 ms); paced it takes longer to finish, and the scalar kernel serves
 * meanwhile.
 */
final class VectorWarmUp {
    static final int WINS_NEEDED = 3;
    static final int DEADLINE_SECONDS = 30;
    /** Sleep after each round, so the warm-up never holds a core for long. */
    static final int PAUSE_MS = 4;
    private static final int W = 250;
    private static final int H = 16;
    private static final int STRIDE = W * 4 + 12;
    private static final int CALLS_PER_ROUND = 20;

    private VectorWarmUp() {
    }

    static void run(RgbKernel vector) {
        try {
            ByteBuffer src = ByteBuffer.allocateDirect(STRIDE * H);
            Random rnd = new Random(5);
            for (int i = 0; i < src.capacity(); i++) {
                src.put(i, (byte) rnd.nextInt(256));
            }
            ByteBuffer a = out();
            ByteBuffer b = out();
            ScalarRgbKernel scalar = new ScalarRgbKernel(W);
            long deadline = System.nanoTime() + DEADLINE_SECONDS * 1_000_000_000L;
            int wins = 0;
            long vNs = 0;
            long sNs = 0;
            for (int round = 0; wins < WINS_NEEDED; round++) {
                if (System.nanoTime() > deadline) {
                    RgbKernelChoice.reject(String.format(Locale.ROOT,
                            "the vector kernel was not faster within %d s: %.1f us vs scalar %.1f us per %dx%d picture",
                            DEADLINE_SECONDS, vNs / 1e3 / CALLS_PER_ROUND, sNs / 1e3 / CALLS_PER_ROUND, W, H));
                    return;
                }
                boolean redHigh = (round & 1) == 0;
                vNs = time(vector, redHigh, src, a);
                sNs = time(scalar, redHigh, src, b);
                wins = vNs < sNs ? wins + 1 : 0;
                Thread.sleep(PAUSE_MS);
            }
            for (boolean redHigh : new boolean[] {true, false}) {
                convert(vector, redHigh, src, a);
                convert(scalar, redHigh, src, b);
                if (!Arrays.equals(bytes(a), bytes(b))) {
                    RgbKernelChoice.reject("the vector kernel's output differed from the scalar kernel's");
                    return;
                }
            }
            RgbKernelChoice.accept();
        } catch (RuntimeException | LinkageError e) {
            RgbKernelChoice.reject("the vector kernel failed: " + e);
        } catch (InterruptedException e) {
            RgbKernelChoice.reject("the vector kernel's warm-up was interrupted");
            Thread.currentThread().interrupt();
        }
    }

    private static long time(RgbKernel k, boolean redHigh, ByteBuffer src, ByteBuffer out) {
        long t = System.nanoTime();
        for (int i = 0; i < CALLS_PER_ROUND; i++) {
            convert(k, redHigh, src, out);
        }
        return System.nanoTime() - t;
    }

    private static void convert(RgbKernel k, boolean redHigh, ByteBuffer src, ByteBuffer out) {
        k.convert(redHigh, src, 0, STRIDE, out, 0, W, W * H, W * H + W * H / 4, W / 2, W, H);
    }

    private static ByteBuffer out() {
        return ByteBuffer.allocateDirect(W * H * 3 / 2).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] bytes(ByteBuffer buf) {
        byte[] copy = new byte[buf.capacity()];
        buf.get(0, copy);
        return copy;
    }
}
