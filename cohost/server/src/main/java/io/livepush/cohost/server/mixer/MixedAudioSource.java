package io.livepush.cohost.server.mixer;

import io.livepush.capture.AudioFormat;
import io.livepush.capture.AudioFrame;
import io.livepush.capture.AudioSource;
import io.livepush.capture.MediaClock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The mixer's sound as an {@link AudioSource} for a {@code LiveStream}: a 20 ms block of the
 * participants' mix every 20 ms on the shared {@link MediaClock}, silence when nobody is present.
 * {@link #read()} sleeps until the block is due; a reader that fell more than
 * {@value #MAX_LAG_BLOCKS} blocks behind skips ahead rather than bunching blocks. One thread reads;
 * {@link #close()} may come from any thread, after which {@code read()} returns null.
 */
public final class MixedAudioSource implements AudioSource {
    static final int MAX_LAG_BLOCKS = 5;
    private static final long BLOCK_US = 20_000;

    private final MediaClock clock;
    private final Supplier<List<ParticipantFeed>> feeds;
    private final AudioMixer mixer = new AudioMixer();
    private volatile boolean closed;
    private long nextPts = -1;

    /**
     * @param clock the clock the video canvas uses too
     * @param feeds the participants present, asked once per block
     */
    public MixedAudioSource(MediaClock clock, Supplier<List<ParticipantFeed>> feeds) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.feeds = Objects.requireNonNull(feeds, "feeds");
    }

    @Override
    public AudioFormat format() {
        return new AudioFormat(AudioMixer.SAMPLE_RATE, AudioMixer.CHANNELS);
    }

    @Override
    public AudioFrame read() throws InterruptedException {
        if (closed) {
            return null;
        }
        long now = clock.nowUs();
        if (nextPts < 0) {
            nextPts = now;
        } else if (now - nextPts > MAX_LAG_BLOCKS * BLOCK_US) {
            nextPts += (now - nextPts) / BLOCK_US * BLOCK_US;
        }
        clock.sleepUntil(nextPts);
        if (closed) {
            return null;
        }
        long pts = nextPts;
        nextPts += BLOCK_US;
        return new AudioFrame(mixer.mix(feeds.get()), AudioMixer.SAMPLE_RATE, AudioMixer.CHANNELS, pts);
    }

    /** @return the limiter's gain after the last block */
    public double limiterGain() {
        return mixer.limiterGain();
    }

    @Override
    public void close() {
        closed = true;
    }
}
