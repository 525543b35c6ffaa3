package io.livepush.cohost.rtc;

import io.livepush.capture.VideoFrame;
import java.util.Objects;

/**
 * How a {@link PublishingLeg} sends video: the frame size it accepts, the codec it offers first and
 * the most bits per second it may spend. Validated at once.
 *
 * @param width frame width in pixels (even, 2..16384); every pushed frame must have it
 * @param height frame height in pixels (even, 2..16384)
 * @param codec the video codec offered first
 * @param maxBitrateKbps the sender's ceiling in kbit/s, 100..20000; webrtc's congestion
 *     control chooses the actual rate below it
 */
public record PublishingOptions(int width, int height, VideoCodec codec, int maxBitrateKbps) {
    /** The default ceiling: enough for 720p30 video on a local network. */
    public static final int DEFAULT_MAX_BITRATE_KBPS = 2500;

    /**
     * Validates at once.
     *
     * @param width frame width in pixels, even, 2..16384
     * @param height frame height in pixels, even, 2..16384
     * @param codec the video codec offered first, not null
     * @param maxBitrateKbps the sender's ceiling in kbit/s, 100..20000
     * @throws IllegalArgumentException when the size is odd or outside 2..16384, or the bitrate outside
     *     100..20000
     * @throws NullPointerException when {@code codec} is null
     */
    public PublishingOptions {
        VideoFrame.requireValidSize(width, height);
        Objects.requireNonNull(codec, "codec");
        if (maxBitrateKbps < 100 || maxBitrateKbps > 20_000) {
            throw new IllegalArgumentException("maximum bitrate " + maxBitrateKbps
                    + " kbit/s is not allowed (expected 100..20000)");
        }
    }

    /**
     * The default options for one frame size.
     *
     * @param width frame width in pixels, even, 2..16384
     * @param height frame height in pixels, even, 2..16384
     * @return options for {@code width} x {@code height} with H.264 and {@value #DEFAULT_MAX_BITRATE_KBPS} kbit/s
     * @throws IllegalArgumentException when the size is odd or outside 2..16384
     */
    public static PublishingOptions of(int width, int height) {
        return new PublishingOptions(width, height, VideoCodec.H264, DEFAULT_MAX_BITRATE_KBPS);
    }

    /**
     * @param codec the video codec to offer first, not null
     * @return a copy with that codec
     * @throws NullPointerException when {@code codec} is null
     */
    public PublishingOptions withCodec(VideoCodec codec) {
        return new PublishingOptions(width, height, codec, maxBitrateKbps);
    }

    /**
     * @param kbps the sender's ceiling in kbit/s, 100..20000
     * @return a copy with that ceiling
     * @throws IllegalArgumentException when {@code kbps} is outside 100..20000
     */
    public PublishingOptions withMaxBitrateKbps(int kbps) {
        return new PublishingOptions(width, height, codec, kbps);
    }
}
