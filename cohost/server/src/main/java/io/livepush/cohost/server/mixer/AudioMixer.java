package io.livepush.cohost.server.mixer;

import java.util.Arrays;
import java.util.List;

/**
 * Sums the participants' sound into one 48 kHz stereo block through a {@link Limiter}. A participant
 * with nothing queued (stalled, priming, or without audio) contributes silence; the others are not
 * delayed for it. Owned by one thread (the mixed audio source's reader).
 */
public final class AudioMixer {
    /** The output rate. */
    public static final int SAMPLE_RATE = PcmFifo.RATE;
    /** The output channel count. */
    public static final int CHANNELS = 2;
    /** Sample frames per block: 20 ms. */
    public static final int BLOCK = SAMPLE_RATE / 50;

    private final int[] acc = new int[BLOCK * CHANNELS];
    private final Limiter limiter = new Limiter(SAMPLE_RATE);

    /**
     * Mixes one 20 ms block.
     *
     * @param feeds the participants present
     * @return {@value #BLOCK} interleaved stereo sample frames
     */
    public short[] mix(List<ParticipantFeed> feeds) {
        Arrays.fill(acc, 0);
        for (ParticipantFeed f : feeds) {
            f.audio().addInto(acc, BLOCK);
        }
        short[] out = new short[acc.length];
        limiter.process(acc, out);
        return out;
    }

    /** @return the limiter's gain at the end of the last block (1 = not limiting) */
    public double limiterGain() {
        return limiter.gain();
    }
}
