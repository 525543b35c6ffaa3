package io.livepush.cohost.rtc;

import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import io.livepush.capture.VideoFrame;
import java.nio.ByteBuffer;

/**
 * Copies a LivePush I420 frame into webrtc-java's native I420 buffer, plane by plane, honouring
 * both sides' strides (webrtc may pad its rows). One bulk copy per plane when the strides agree,
 * one per row otherwise. Stateless.
 */
final class I420Export {
    private I420Export() {
    }

    /** Copies {@code src} into {@code dst}, which must have the same size. */
    static void copy(VideoFrame src, NativeI420Buffer dst) {
        copyPlanes(src, dst.getDataY(), dst.getStrideY(), dst.getDataU(), dst.getStrideU(),
                dst.getDataV(), dst.getStrideV());
    }

    /** Copies the three planes of {@code src} into destination planes with the given strides. */
    static void copyPlanes(VideoFrame src, ByteBuffer y, int strideY, ByteBuffer u, int strideU,
            ByteBuffer v, int strideV) {
        ByteBuffer data = src.data();
        copyPlane(data, src.planeOffset(0), src.stride(0), y, strideY, src.planeWidth(0), src.planeHeight(0));
        copyPlane(data, src.planeOffset(1), src.stride(1), u, strideU, src.planeWidth(1), src.planeHeight(1));
        copyPlane(data, src.planeOffset(2), src.stride(2), v, strideV, src.planeWidth(2), src.planeHeight(2));
    }

    private static void copyPlane(ByteBuffer src, int srcOffset, int srcStride, ByteBuffer dst, int dstStride,
            int width, int rows) {
        if (dstStride < width) {
            throw new IllegalArgumentException("destination stride " + dstStride + " is shorter than a row of "
                    + width + " pixels");
        }
        if (srcStride == dstStride) {
            dst.put(0, src, srcOffset, srcStride * (rows - 1) + width);
            return;
        }
        for (int r = 0; r < rows; r++) {
            dst.put(r * dstStride, src, srcOffset + r * srcStride, width);
        }
    }
}
