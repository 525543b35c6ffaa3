package io.livepush.capture.camera;

import io.livepush.natives.v4l2.V4l2;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the mode closest to what was asked from what a camera offers, and says why. The rule, in
 * order: the size nearest the asked one (sum of width and height differences), then a rate that
 * reaches the asked rate (the smallest shortfall), then the cheapest pixel format to convert (I420,
 * NV12, YUYV, then MJPEG), then the rate nearest above the asked one.
 *
 * @param asked what was asked (pixel format 0 = any)
 * @param chosen what will be configured
 * @param offered every mode the camera offers in formats LivePush can convert
 */
public record CameraNegotiation(CameraMode asked, CameraMode chosen, List<CameraMode> offered) {
    /**
     * @param offered the modes in supported formats (not empty)
     * @param asked the wish; pixelFormat 0 means any
     * @param exactSize reject when no mode has exactly the asked size
     * @throws CameraException UNSUPPORTED, listing what is offered
     */
    static CameraNegotiation choose(String device, List<CameraMode> offered, CameraMode asked, boolean exactSize)
            throws CameraException {
        List<CameraMode> candidates = offered;
        if (asked.pixelFormat() != 0) {
            candidates = offered.stream().filter(m -> m.pixelFormat() == asked.pixelFormat()).toList();
            if (candidates.isEmpty()) {
                throw new CameraException(CameraException.Reason.UNSUPPORTED, "camera " + device
                        + " does not offer pixel format " + V4l2.fourccName(asked.pixelFormat()) + " (it offers: "
                        + V4l2Device.describe(offered) + ")");
            }
        }
        if (exactSize) {
            candidates = candidates.stream()
                    .filter(m -> m.width() == asked.width() && m.height() == asked.height()).toList();
            if (candidates.isEmpty()) {
                throw new CameraException(CameraException.Reason.UNSUPPORTED, "camera " + device
                        + " does not offer " + asked.width() + "x" + asked.height() + " (it offers: "
                        + V4l2Device.describe(offered) + ")");
            }
        }
        CameraMode best = candidates.stream().min(Comparator
                .comparingInt((CameraMode m) -> Math.abs(m.width() - asked.width()) + Math.abs(m.height() - asked.height()))
                .thenComparingDouble(m -> Math.max(0, asked.fps() - m.fps()))
                .thenComparingInt(m -> CameraPixelFormats.cost(m.pixelFormat()))
                .thenComparingDouble(m -> Math.abs(m.fps() - asked.fps()))).orElseThrow();
        return new CameraNegotiation(asked, best, offered);
    }

    /** @return whether the chosen size differs from the asked one (frames are then scaled) */
    public boolean sizeDiffers() {
        return chosen.width() != asked.width() || chosen.height() != asked.height();
    }

    /** @return one line: what was asked, what was chosen */
    public String summary() {
        String a = (asked.pixelFormat() == 0 ? "any" : asked.pixelFormatName()) + " " + asked.width() + "x"
                + asked.height() + "@" + CameraMode.formatFps(asked.fps());
        return "asked " + a + ", chose " + chosen + (sizeDiffers() ? " (scaled to " + asked.width() + "x"
                + asked.height() + ")" : "") + (chosen.fps() + 0.01 < asked.fps() ? " (the camera offers no faster rate"
                + " at this size)" : "");
    }
}
