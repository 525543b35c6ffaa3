package io.livepush.capture.camera;

import io.livepush.natives.v4l2.V4l2;

/**
 * One way a camera can deliver frames: pixel format (FourCC), size and frame rate.
 *
 * @param pixelFormat the V4L2 FourCC, e.g. {@link V4l2#V4L2_PIX_FMT_YUYV}
 * @param width width in pixels
 * @param height height in pixels
 * @param fps frames per second (the inverse of the frame interval)
 */
public record CameraMode(int pixelFormat, int width, int height, double fps) {
    /** @return the FourCC as text, e.g. {@code "YUYV"} */
    public String pixelFormatName() {
        return V4l2.fourccName(pixelFormat);
    }

    @Override
    public String toString() {
        return pixelFormatName() + " " + width + "x" + height + "@" + formatFps(fps);
    }

    static String formatFps(double fps) {
        return fps == Math.rint(fps) ? String.valueOf((long) fps) : String.format(java.util.Locale.ROOT, "%.2f", fps);
    }
}
