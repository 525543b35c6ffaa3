package io.livepush.capture.camera;

import io.livepush.natives.v4l2.V4l2;
import java.util.List;

/** The V4L2 pixel formats {@link Camera} can convert, in order of preference (cheapest first). */
final class CameraPixelFormats {
    /** I420, NV12 and YUYV are copied or reshuffled; MJPEG must be decoded. */
    static final List<Integer> SUPPORTED = List.of(V4l2.V4L2_PIX_FMT_YUV420, V4l2.V4L2_PIX_FMT_NV12,
            V4l2.V4L2_PIX_FMT_YUYV, V4l2.V4L2_PIX_FMT_MJPEG, V4l2.V4L2_PIX_FMT_JPEG);

    private CameraPixelFormats() {
    }

    static boolean supported(int fourcc) {
        return SUPPORTED.contains(fourcc);
    }

    /** @return 0 for the cheapest format, larger for costlier ones */
    static int cost(int fourcc) {
        int i = SUPPORTED.indexOf(fourcc);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** @return the supported FourCC names, for messages */
    static String names() {
        StringBuilder sb = new StringBuilder();
        for (int f : SUPPORTED) {
            sb.append(sb.length() == 0 ? "" : ", ").append(V4l2.fourccName(f));
        }
        return sb.toString();
    }
}
