package io.livepush.cohost.server.mixer;

import io.livepush.capture.AudioFrame;

/**
 * A small jitter buffer of 48 kHz stereo PCM for one participant. Legs deliver 10 ms blocks when the
 * network lets them; the mixer takes 20 ms blocks on its own clock. To ride out jitter without
 * adding latency, reading starts once {@value #TARGET_MS} ms are queued (and again after running
 * dry), and when more than {@value #MAX_MS} ms pile up the oldest samples are dropped back to the
 * target. Mono is duplicated to both channels.
 *
 * <p>Thread-safe (one writer, one reader; a lock per call).
 */
final class PcmFifo {
    static final int RATE = 48_000;
    static final int TARGET_MS = 40;
    static final int MAX_MS = 120;
    private static final int TARGET = RATE * TARGET_MS / 1000;
    private static final int MAX = RATE * MAX_MS / 1000;

    /** Interleaved stereo ring; capacity in sample frames is {@code MAX} plus one 20 ms block. */
    private final short[] ring = new short[2 * (MAX + RATE / 50)];
    private final int capacity = ring.length / 2;
    private int head;
    private int size;
    private boolean primed;
    private long refused;
    private long dropped;

    /** Queues a block; a rate other than 48 kHz is counted as refused and dropped. */
    synchronized void write(AudioFrame pcm) {
        if (pcm.sampleRate() != RATE) {
            refused += pcm.sampleCount();
            return;
        }
        short[] s = pcm.samples();
        int n = pcm.sampleCount();
        boolean mono = pcm.channels() == 1;
        for (int i = 0; i < n; i++) {
            if (size == capacity) {
                head = (head + 1) % capacity;
                size--;
                dropped++;
            }
            int at = 2 * ((head + size) % capacity);
            ring[at] = mono ? s[i] : s[2 * i];
            ring[at + 1] = mono ? s[i] : s[2 * i + 1];
            size++;
        }
        if (size > MAX) {
            int drop = size - TARGET;
            head = (head + drop) % capacity;
            size -= drop;
            dropped += drop;
        }
    }

    /**
     * Adds {@code frames} stereo sample frames into {@code acc} (interleaved), or nothing while the
     * queue is priming or empty.
     *
     * @return how many sample frames were added
     */
    synchronized int addInto(int[] acc, int frames) {
        if (!primed) {
            if (size < TARGET) {
                return 0;
            }
            primed = true;
        }
        int n = Math.min(frames, size);
        for (int i = 0; i < n; i++) {
            int at = 2 * ((head + i) % capacity);
            acc[2 * i] += ring[at];
            acc[2 * i + 1] += ring[at + 1];
        }
        head = (head + n) % capacity;
        size -= n;
        if (size == 0) {
            primed = false;
        }
        return n;
    }

    /** @return sample frames queued */
    synchronized int size() {
        return size;
    }

    /** @return sample frames dropped because too much piled up */
    synchronized long dropped() {
        return dropped;
    }

    /** @return sample frames refused for a wrong rate */
    synchronized long refused() {
        return refused;
    }
}
