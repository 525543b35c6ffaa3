package io.livepush.examples.desktop;

import io.livepush.capture.VideoFrame;
import io.livepush.encoder.VideoEncoderConfig;
import java.util.Locale;

/**
 * The picture settings of the window: size, frame rate and video bitrate, validated from the text the
 * user typed, each with a message that names the field, what was given and what is allowed.
 *
 * @param width picture width, even, 16..3840
 * @param height picture height, even, 16..2160
 * @param fps frames per second, 1..60
 * @param videoKbps video bitrate in kbit/s, 100..20000
 */
public record StreamSettings(int width, int height, int fps, int videoKbps) {
    /** The largest picture offered. */
    public static final int MAX_WIDTH = 3840;
    /** The tallest picture offered. */
    public static final int MAX_HEIGHT = 2160;
    /** The key-frame interval every stream uses (the platform's pinned GOP). */
    public static final double GOP_SECONDS = 2.0;

    /** @return 1280x720 at 30 fps and 2500 kbit/s */
    public static StreamSettings defaults() {
        return new StreamSettings(1280, 720, 30, 2500);
    }

    /**
     * Validates at once.
     *
     * @param width picture width, even, 16..{@value #MAX_WIDTH}
     * @param height picture height, even, 16..{@value #MAX_HEIGHT}
     * @param fps frames per second, 1..60
     * @param videoKbps video bitrate in kbit/s, 100..20000
     * @throws IllegalArgumentException naming the value that is outside its range, as a sentence to show
     */
    public StreamSettings {
        if (width < 16 || width > MAX_WIDTH || height < 16 || height > MAX_HEIGHT || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("Size " + width + "x" + height + " is not allowed (expected even"
                    + " numbers from 16x16 to " + MAX_WIDTH + "x" + MAX_HEIGHT + ", e.g. 1280x720).");
        }
        if (fps < 1 || fps > 60) {
            throw new IllegalArgumentException("Frame rate " + fps + " is not allowed (expected 1..60 fps).");
        }
        if (videoKbps < 100 || videoKbps > 20_000) {
            throw new IllegalArgumentException("Video bitrate " + videoKbps + " kbps is not allowed (expected"
                    + " 100..20000 kbps).");
        }
        VideoFrame.requireValidSize(width, height);
    }

    /**
     * @param size e.g. {@code 1280x720}
     * @param fps e.g. {@code 30}
     * @param videoKbps e.g. {@code 2500}
     * @return the settings
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public static StreamSettings parse(String size, String fps, String videoKbps) {
        String s = size == null ? "" : size.strip().toLowerCase(Locale.ROOT).replace('\u00d7', 'x');
        int x = s.indexOf('x');
        if (x <= 0 || x == s.length() - 1) {
            throw new IllegalArgumentException("Size '" + shown(size) + "' is not understood (expected WIDTHxHEIGHT,"
                    + " e.g. 1280x720).");
        }
        int w = number(s.substring(0, x).strip(), "Size '" + shown(size) + "'", "expected WIDTHxHEIGHT, e.g. 1280x720");
        int h = number(s.substring(x + 1).strip(), "Size '" + shown(size) + "'", "expected WIDTHxHEIGHT, e.g. 1280x720");
        int f = number(fps == null ? "" : fps.strip(), "Frame rate '" + shown(fps) + "'", "expected a whole number 1..60");
        int k = number(videoKbps == null ? "" : videoKbps.strip(), "Video bitrate '" + shown(videoKbps) + "'",
                "expected kbps as a whole number 100..20000");
        return new StreamSettings(w, h, f, k);
    }

    /** @return the encoder settings: this size, rate and bitrate, a 2 s GOP */
    public VideoEncoderConfig toVideoConfig() {
        return VideoEncoderConfig.builder().size(width, height).fps(fps).bitrateBps(videoKbps * 1000)
                .gopSeconds(GOP_SECONDS).build();
    }

    /** @return the size as typed back into the field, e.g. {@code 1280x720} */
    public String sizeText() {
        return width + "x" + height;
    }

    private static int number(String text, String what, String expected) {
        if (text.isEmpty() || text.length() > 6 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(what + " is not understood (" + expected + ").");
        }
        return Integer.parseInt(text);
    }

    private static String shown(String typed) {
        if (typed == null) {
            return "";
        }
        String t = typed.strip();
        return t.length() <= 20 ? t : t.substring(0, 20) + "\u2026";
    }
}
