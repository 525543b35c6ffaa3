package io.livepush.encoder.spi;

import io.livepush.capture.VideoFrame;
import io.livepush.encoder.EncodedVideoFrame;

/**
 * The low-level contract a native or Java H.264 encoder implements. It only encodes: GOP pinning
 * and SEI placement are done once for all backends by the encoder that wraps it.
 *
 * <p>A backend never inserts an IDR on its own (no periodic intra period, no scene-change IDRs):
 * keyframes come exactly when {@code forceIdr} is true. Each IDR access unit carries SPS and PPS.
 * Not thread-safe: one thread encodes, and {@link #setBitrate} is called on that thread too.
 */
public interface H264EncoderBackend extends AutoCloseable {
    /**
     * Encodes one I420 frame.
     *
     * @param frame the frame (the caller keeps its reference)
     * @param forceIdr true to make this frame an IDR
     * @return the access unit's NAL units, or {@code null} when rate control skipped the frame
     *     (never when {@code forceIdr} is true)
     */
    EncodedVideoFrame encode(VideoFrame frame, boolean forceIdr);

    /**
     * Changes the target bitrate, effective from the next frame.
     *
     * @param bps the target in bits per second, already checked against 50_000..100_000_000
     */
    void setBitrate(int bps);

    /** Frees native resources; idempotent. */
    @Override
    void close();
}
