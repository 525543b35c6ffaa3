package io.livepush.cohost.rtc;

import io.livepush.capture.AudioFrame;
import java.util.function.Consumer;

/**
 * Cuts 48 kHz s16 audio of any block size into the 10 ms blocks webrtc's audio path takes (480
 * samples per channel), as little-endian bytes. A change of channel count drops the partial block
 * held for the old layout and starts over.
 *
 * <p>Not thread-safe: owned by the thread that pushes audio.
 */
final class AudioReblocker {
    /** The only sample rate the legs send: webrtc's native rate for Opus. */
    static final int SAMPLE_RATE = 48_000;
    /** Samples per channel in one 10 ms block. */
    static final int BLOCK_SAMPLES = SAMPLE_RATE / 100;

    private final Consumer<Block> out;
    private int channels;
    private byte[] block;
    private int filled;

    /** One 10 ms block; {@code pcm} is reused for the next block once the consumer returns. */
    record Block(byte[] pcm, int channels) {
    }

    /** @param out receives each full block, on the pushing thread */
    AudioReblocker(Consumer<Block> out) {
        this.out = out;
    }

    /**
     * Appends a frame and hands on every block it completes.
     *
     * @throws IllegalArgumentException when the frame is not 48 kHz
     */
    void push(AudioFrame frame) {
        if (frame.sampleRate() != SAMPLE_RATE) {
            throw new IllegalArgumentException("audio at " + frame.sampleRate()
                    + " Hz cannot be sent (expected " + SAMPLE_RATE + " Hz)");
        }
        if (frame.channels() != channels) {
            channels = frame.channels();
            block = new byte[BLOCK_SAMPLES * channels * 2];
            filled = 0;
        }
        short[] s = frame.samples();
        int blockValues = BLOCK_SAMPLES * channels;
        for (int i = 0; i < s.length; i++) {
            block[filled * 2] = (byte) s[i];
            block[filled * 2 + 1] = (byte) (s[i] >> 8);
            if (++filled == blockValues) {
                out.accept(new Block(block, channels));
                filled = 0;
            }
        }
    }

    /** @return interleaved values waiting for the next block */
    int pending() {
        return filled;
    }
}
