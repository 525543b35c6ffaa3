package io.livepush.capture.stamp;

import io.livepush.capture.VideoFrame;

/** Test helper: bilinear scaling of a luma plane into a region of a mid-grey canvas, as a co-host mixer does. */
final class ScaledLuma {
    private ScaledLuma() {
    }

    static LumaPlane scale(LumaPlane src, VideoFrame geometry, double scale, int ox, int oy, int canvasW, int canvasH) {
        byte[] canvas = new byte[canvasW * canvasH];
        java.util.Arrays.fill(canvas, (byte) 128);
        int dw = (int) Math.floor(geometry.width() * scale);
        int dh = (int) Math.floor(geometry.height() * scale);
        for (int y = 0; y < dh && oy + y < canvasH; y++) {
            double sy = Math.min(geometry.height() - 1.0, (y + 0.5) / scale - 0.5);
            for (int x = 0; x < dw && ox + x < canvasW; x++) {
                double sx = Math.min(geometry.width() - 1.0, (x + 0.5) / scale - 0.5);
                canvas[(oy + y) * canvasW + ox + x] = (byte) Math.round(bilinear(src, Math.max(0, sx), Math.max(0, sy)));
            }
        }
        return LumaPlane.of(canvas, canvasW, canvasW, canvasH);
    }

    private static double bilinear(LumaPlane p, double x, double y) {
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(x0 + 1, p.width() - 1);
        int y1 = Math.min(y0 + 1, p.height() - 1);
        double fx = x - x0;
        double fy = y - y0;
        double top = p.at(x0, y0) * (1 - fx) + p.at(x1, y0) * fx;
        double bottom = p.at(x0, y1) * (1 - fx) + p.at(x1, y1) * fx;
        return top * (1 - fy) + bottom * fy;
    }
}
