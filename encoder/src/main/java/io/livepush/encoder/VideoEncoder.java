package io.livepush.encoder;

import io.livepush.capture.VideoFrame;
import io.livepush.encoder.sei.SeiRepeat;
import io.livepush.encoder.sei.SeiUserDataUnregistered;

/**
 * Encodes raw frames into H.264 access units with the GOP pinned by timestamp and SEI messages
 * attached to the frames they belong to. Obtain one from {@link VideoEncoders#create}.
 *
 * <p>Threads: {@link #encode} is called by one thread (the encoder thread). {@link #setBitrate},
 * {@link #requestKeyframe} and {@link #sendSei} may be called from any thread; they take effect on
 * the next encoded frame. {@link #close()} frees the backend's native memory; idempotent.
 */
public interface VideoEncoder extends AutoCloseable {
    /** @return the backend's name, e.g. {@code openh264} */
    String name();

    /** @return the configuration this encoder was opened with */
    VideoEncoderConfig config();

    /**
     * Encodes one frame. The frame is not released: the caller keeps its reference.
     *
     * @param frame an I420 frame of the configured size
     * @return the access unit, or {@code null} when the backend's rate control skipped this frame
     *     (pending SEI then waits for the next encoded frame)
     * @throws IllegalArgumentException when the frame's size differs from the configuration
     */
    EncodedVideoFrame encode(VideoFrame frame);

    /**
     * Changes the target bitrate from the next frame on.
     *
     * @param bps the target in bits per second, 50_000..100_000_000
     * @throws IllegalArgumentException outside 50_000..100_000_000 bps; the encoder is unchanged
     */
    void setBitrate(int bps);

    /** @return the current target bitrate in bits per second */
    int bitrateBps();

    /** Asks for the next frame to be an IDR; the GOP restarts from it. */
    void requestKeyframe();

    /**
     * Tells, from any thread, whether a frame with this timestamp would start a new GOP (it is at
     * least the GOP length after the last IDR). A capture pipeline that has to drop frames because
     * the encoder is behind must not drop that one, or the keyframe lands late and the GOP grows.
     *
     * @param ptsUs the frame's presentation time in microseconds, on the same clock as the frames encoded
     * @return true when that frame would be encoded as an IDR by the time rule
     */
    boolean isKeyframeDue(long ptsUs);

    /**
     * Attaches an SEI {@code user_data_unregistered} payload to upcoming frames.
     *
     * @param payload 1..255 bytes of application data (copied)
     * @param repeat which frames carry it
     * @throws IllegalArgumentException for an empty or over-long payload; nothing is queued
     */
    void sendSei(byte[] payload, SeiRepeat repeat);

    /**
     * Attaches an SEI message under any UUID (e.g. a capture-time message) to upcoming frames.
     *
     * @param message the SEI message, never null
     * @param repeat which upcoming frames carry it, never null
     * @throws IllegalArgumentException for a null message or repeat; nothing is queued
     * @throws IllegalStateException when too many messages are already waiting; nothing is queued
     */
    void sendSei(SeiUserDataUnregistered message, SeiRepeat repeat);

    /** Frees the encoder; idempotent. */
    @Override
    void close();
}
