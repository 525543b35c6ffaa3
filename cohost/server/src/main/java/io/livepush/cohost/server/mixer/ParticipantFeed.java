package io.livepush.cohost.server.mixer;

import io.livepush.capture.AudioFrame;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.stamp.FrameStamp;
import io.livepush.capture.stamp.LumaPlane;
import io.livepush.capture.stamp.Stamp;
import java.util.Objects;
import java.util.Optional;

/**
 * What the mixer holds of one participant: the newest decoded picture (and the {@link FrameStamp}
 * read from it, when it carries one) and a short queue of decoded sound.
 *
 * <p>Only the newest picture is kept: a new one replaces (and releases) the previous, so the canvas
 * never waits behind old pictures; a participant whose leg stalls keeps showing its last picture.
 * Pictures arrive on the leg's thread ({@link #offerVideo}), are read on the compositor thread
 * ({@link #latest()}); the hand-over is a lock held for a pointer swap. {@link #close()} releases the
 * picture held; later offers are released at once.
 */
public final class ParticipantFeed implements AutoCloseable {
    private final String userId;
    private final PcmFifo audio = new PcmFifo();
    private VideoFrame frame;
    private Stamp stamp;
    private long videoFrames;
    private boolean closed;

    /** @param userId the participant this feed belongs to */
    public ParticipantFeed(String userId) {
        this.userId = Objects.requireNonNull(userId, "userId");
    }

    /** @return the participant's user id */
    public String userId() {
        return userId;
    }

    /**
     * Takes over the caller's reference to a new picture, replacing the one held.
     *
     * @param newFrame a decoded I420 picture; this feed releases it
     */
    public void offerVideo(VideoFrame newFrame) {
        Stamp read = readStamp(newFrame).orElse(null);
        VideoFrame old;
        synchronized (this) {
            if (closed) {
                old = newFrame;
            } else {
                old = frame;
                frame = newFrame;
                stamp = read;
                videoFrames++;
            }
        }
        if (old != null) {
            old.release();
        }
    }

    /**
     * Queues decoded sound (48 kHz, mono or stereo); other rates are refused (counted and dropped,
     * nothing thrown); when the queue is full the oldest samples go.
     *
     * @param pcm the decoded sound, 48 kHz, one or two channels; its samples are copied
     */
    public void offerAudio(AudioFrame pcm) {
        audio.write(pcm);
    }

    /** @return the newest picture with an extra reference the caller releases, or null before the first */
    public synchronized Shown latest() {
        if (frame == null) {
            return null;
        }
        return new Shown(frame.retain(), stamp);
    }

    /** @return how many pictures were offered so far */
    public synchronized long videoFrames() {
        return videoFrames;
    }

    /** @return the sound queue the audio mixer reads */
    PcmFifo audio() {
        return audio;
    }

    /** Releases the picture held; idempotent. */
    @Override
    public void close() {
        VideoFrame old;
        synchronized (this) {
            closed = true;
            old = frame;
            frame = null;
        }
        if (old != null) {
            old.release();
        }
    }

    /**
     * Reads the stamp a {@code TestPatternSource} draws at the top left (its cell size follows the
     * picture size the same way), so SEI and latency can follow the host's own frame numbers.
     */
    static Optional<Stamp> readStamp(VideoFrame f) {
        int cell = Math.min(Math.min(f.width() / 16, f.height() / 8), FrameStamp.DEFAULT_CELL_SIZE) & ~1;
        if (cell < 2) {
            return Optional.empty();
        }
        return FrameStamp.read(LumaPlane.of(f), 0, 0, cell);
    }

    /**
     * One picture lent to the compositor.
     *
     * @param frame the picture, with a reference the borrower releases
     * @param stamp the stamp read from it, or null
     */
    public record Shown(VideoFrame frame, Stamp stamp) { }
}
