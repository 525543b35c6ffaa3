package io.livepush.examples.desktop;

import io.livepush.capture.VideoFrame;
import java.nio.ByteBuffer;

/**
 * Scales an I420 frame down to a preview picture by nearest-sample picking and converts it to RGB with
 * the BT.601 video-range equations (ITU-R BT.601, Y 16..235, Cb/Cr 16..240 around 128):
 * {@code R = 1.164(Y-16) + 1.596(Cr-128)}, {@code G = 1.164(Y-16) - 0.392(Cb-128) - 0.813(Cr-128)},
 * {@code B = 1.164(Y-16) + 2.017(Cb-128)}, in 8.8 fixed point. A 320x180 picture reads about 58 000
 * samples: well under a millisecond, cheap enough for the capture thread at a few pictures a second.
 */
public final class I420Thumbnail {
    private I420Thumbnail() {
    }

    /**
     * @param frame a live frame (not released by this call)
     * @param maxWidth the widest picture wanted; the height follows the frame's aspect ratio
     * @return the picture, at most {@code maxWidth} wide and never wider than the frame
     */
    public static PreviewImage of(VideoFrame frame, int maxWidth) {
        if (maxWidth < 2) {
            throw new IllegalArgumentException("preview width " + maxWidth + " is not allowed (expected 2 or more)");
        }
        int fw = frame.width();
        int fh = frame.height();
        int w = Math.min(maxWidth, fw);
        int h = Math.max(1, (int) Math.round((double) fh * w / fw));
        ByteBuffer d = frame.data();
        int yOff = frame.planeOffset(0);
        int uOff = frame.planeOffset(1);
        int vOff = frame.planeOffset(2);
        int ys = frame.stride(0);
        int cs = frame.stride(1);
        int[] rgb = new int[w * h];
        for (int y = 0; y < h; y++) {
            int sy = (int) ((long) y * fh / h);
            int yRow = yOff + sy * ys;
            int cRow = (sy / 2) * cs;
            for (int x = 0; x < w; x++) {
                int sx = (int) ((long) x * fw / w);
                int luma = d.get(yRow + sx) & 0xff;
                int cb = d.get(uOff + cRow + sx / 2) & 0xff;
                int cr = d.get(vOff + cRow + sx / 2) & 0xff;
                rgb[y * w + x] = toRgb(luma, cb, cr);
            }
        }
        return new PreviewImage(w, h, rgb, frame.ptsUs());
    }

    /**
     * Converts one BT.601 video-range sample to RGB.
     *
     * @param luma Y, nominally 16..235
     * @param cb Cb, nominally 16..240
     * @param cr Cr, nominally 16..240
     * @return {@code 0xRRGGBB}, each component clamped to 0..255 (so samples outside the nominal ranges are
     *     accepted)
     */
    public static int toRgb(int luma, int cb, int cr) {
        int c = 298 * (luma - 16);
        int d = cb - 128;
        int e = cr - 128;
        int r = clamp((c + 409 * e + 128) >> 8);
        int g = clamp((c - 100 * d - 208 * e + 128) >> 8);
        int b = clamp((c + 516 * d + 128) >> 8);
        return (r << 16) | (g << 8) | b;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }
}
