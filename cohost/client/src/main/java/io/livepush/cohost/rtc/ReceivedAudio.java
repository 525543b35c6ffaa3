package io.livepush.cohost.rtc;

import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import io.livepush.capture.AudioFrame;
import io.livepush.capture.MediaClock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audio sink of a {@link ReceivingLeg}: turns each decoded block (webrtc delivers 10 ms of
 * little-endian s16 at 48 kHz while the runtime's receiving module plays out) into an
 * {@link AudioFrame}. Timestamps count samples from the first block's arrival on the runtime's
 * clock, and restart from the arrival time when the count drifts more than
 * {@value #RESYNC_US} µs from it (a stall, or a rate change).
 *
 * <p>Called on webrtc's playout thread only; the consumer runs there and must not block.
 */
final class ReceivedAudio implements AudioTrackSink {
    /** How far sample-counted time may drift from arrival time before it is restarted. */
    static final long RESYNC_US = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(ReceivedAudio.class);

    private final String owner;
    private final MediaClock clock;
    private final Consumer<AudioFrame> out;
    private long anchorUs = Long.MIN_VALUE;
    private long samplesSinceAnchor;
    private int rate;
    private volatile long samples;

    ReceivedAudio(String owner, MediaClock clock, Consumer<AudioFrame> out) {
        this.owner = owner;
        this.clock = clock;
        this.out = out;
    }

    @Override
    public void onData(byte[] data, int bitsPerSample, int sampleRate, int channels, int frames) {
        if (bitsPerSample != 16 || (channels != 1 && channels != 2) || sampleRate < 8000 || sampleRate > 192_000) {
            LOG.debug("{}: audio block of {} bits, {} Hz, {} channels skipped", owner, bitsPerSample, sampleRate, channels);
            return;
        }
        int values = Math.min(frames * channels, data.length / 2);
        short[] pcm = new short[values - values % channels];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) ((data[2 * i] & 0xFF) | (data[2 * i + 1] << 8));
        }
        AudioFrame frame = new AudioFrame(pcm, sampleRate, channels, stamp(pcm.length / channels, sampleRate));
        samples += frame.sampleCount();
        try {
            out.accept(frame);
        } catch (RuntimeException e) {
            LOG.warn("{}: the audio listener failed", owner, e);
        }
    }

    private long stamp(int count, int sampleRate) {
        long now = clock.nowUs();
        long counted = anchorUs + samplesSinceAnchor * 1_000_000L / Math.max(1, rate);
        if (anchorUs == Long.MIN_VALUE || sampleRate != rate || Math.abs(now - counted) > RESYNC_US) {
            anchorUs = now;
            samplesSinceAnchor = 0;
            rate = sampleRate;
            counted = now;
        }
        samplesSinceAnchor += count;
        return counted;
    }

    /** @return samples per channel delivered so far */
    long samples() {
        return samples;
    }
}
