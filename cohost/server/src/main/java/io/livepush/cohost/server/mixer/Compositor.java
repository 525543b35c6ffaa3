package io.livepush.cohost.server.mixer;

import io.livepush.capture.VideoFrame;
import io.livepush.capture.convert.I420Scaler;
import io.livepush.capture.stamp.Stamp;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Draws the participants' newest pictures into an I420 canvas by a list of {@link Region}s: the
 * canvas is cleared to {@link #BACKGROUND_Y} (dark grey), then each region, lowest {@code zOrder}
 * first, receives its participant's picture scaled to fit inside it with the aspect ratio kept and
 * centred (even offsets). A participant with no picture yet leaves its region empty.
 *
 * <p>Scaling uses {@link I420Scaler} (a 2x2 box for exact halves, bilinear otherwise); scalers and
 * their scratch frames are kept per size pair, so steady-state composition allocates nothing
 * frame-sized. Owned by one thread (the canvas reader).
 */
public final class Compositor {
    /** Luma of the canvas background (video range, dark grey). */
    public static final int BACKGROUND_Y = 32;
    private static final int MAX_CACHED_SIZES = 16;

    private final int width;
    private final int height;
    private final Map<Long, Scaled> scalers = new LinkedHashMap<>(16, 0.75f, true);
    private final byte[] row;

    /**
     * @param width canvas width in pixels, even, 2..16384
     * @param height canvas height in pixels, even, 2..16384
     * @throws IllegalArgumentException when a size is odd or out of range
     */
    public Compositor(int width, int height) {
        VideoFrame.requireValidSize(width, height);
        this.width = width;
        this.height = height;
        this.row = new byte[width];
    }

    /**
     * Composes one canvas.
     *
     * @param canvas a frame of the canvas size, overwritten
     * @param regions where each participant goes
     * @param pictures the newest picture of a user (with a reference this method releases), or null
     * @return the stamp of each picture drawn that carried one, by user id
     */
    public Map<String, Stamp> compose(VideoFrame canvas, List<Region> regions,
            Function<String, ParticipantFeed.Shown> pictures) {
        if (canvas.width() != width || canvas.height() != height) {
            throw new IllegalArgumentException("canvas is " + canvas.width() + "x" + canvas.height()
                    + " but this compositor draws " + width + "x" + height);
        }
        clear(canvas);
        List<Region> ordered = new ArrayList<>(regions);
        ordered.sort(Comparator.comparingInt(Region::zOrder));
        Map<String, Stamp> stamps = new HashMap<>();
        for (Region r : ordered) {
            r.requireInside(width, height);
            ParticipantFeed.Shown shown = pictures.apply(r.userId());
            if (shown == null) {
                continue;
            }
            try {
                draw(canvas, r, shown.frame());
                if (shown.stamp() != null) {
                    stamps.put(r.userId(), shown.stamp());
                }
            } finally {
                shown.frame().release();
            }
        }
        return stamps;
    }

    /**
     * The rectangle a {@code pw} x {@code ph} picture takes inside a region: fitted, aspect kept,
     * centred, all even. Returns {x, y, width, height}.
     */
    static int[] fit(Region r, int pw, int ph) {
        double scale = Math.min((double) r.width() / pw, (double) r.height() / ph);
        int w = Math.max(2, Math.min(r.width(), (int) Math.round(pw * scale) & ~1));
        int h = Math.max(2, Math.min(r.height(), (int) Math.round(ph * scale) & ~1));
        int x = r.x() + (((r.width() - w) / 2) & ~1);
        int y = r.y() + (((r.height() - h) / 2) & ~1);
        return new int[] {x, y, w, h};
    }

    private void draw(VideoFrame canvas, Region r, VideoFrame picture) {
        int[] at = fit(r, picture.width(), picture.height());
        VideoFrame src = picture;
        if (picture.width() != at[2] || picture.height() != at[3]) {
            Scaled s = scaler(picture.width(), picture.height(), at[2], at[3]);
            s.scaler.scale(picture, s.scratch);
            src = s.scratch;
        }
        blit(src, canvas, at[0], at[1]);
    }

    private Scaled scaler(int sw, int sh, int dw, int dh) {
        long key = ((long) sw << 48) | ((long) sh << 32) | ((long) dw << 16) | dh;
        Scaled s = scalers.get(key);
        if (s == null) {
            if (scalers.size() >= MAX_CACHED_SIZES) {
                Long eldest = scalers.keySet().iterator().next();
                scalers.remove(eldest).scratch.release();
            }
            s = new Scaled(new I420Scaler(sw, sh, dw, dh), VideoFrame.allocate(dw, dh, 0));
            scalers.put(key, s);
        }
        return s;
    }

    /** Copies {@code src} whole into {@code dst} with its top-left corner at even (x, y). */
    static void blit(VideoFrame src, VideoFrame dst, int x, int y) {
        ByteBuffer s = src.data();
        ByteBuffer d = dst.data();
        for (int p = 0; p < 3; p++) {
            int px = p == 0 ? x : x / 2;
            int py = p == 0 ? y : y / 2;
            int w = src.planeWidth(p);
            int h = src.planeHeight(p);
            int so = src.planeOffset(p);
            int ss = src.stride(p);
            int doff = dst.planeOffset(p) + py * dst.stride(p) + px;
            int ds = dst.stride(p);
            for (int j = 0; j < h; j++) {
                d.put(doff + j * ds, s, so + j * ss, w);
            }
        }
    }

    private void clear(VideoFrame canvas) {
        ByteBuffer d = canvas.data();
        for (int p = 0; p < 3; p++) {
            byte v = (byte) (p == 0 ? BACKGROUND_Y : 128);
            int w = canvas.planeWidth(p);
            java.util.Arrays.fill(row, 0, w, v);
            int off = canvas.planeOffset(p);
            for (int j = 0; j < canvas.planeHeight(p); j++) {
                d.put(off + j * canvas.stride(p), row, 0, w);
            }
        }
    }

    /** Frees the scratch frames; the compositor may still be used (they are made again). */
    public void releaseScratch() {
        for (Scaled s : scalers.values()) {
            s.scratch.release();
        }
        scalers.clear();
    }

    private record Scaled(I420Scaler scaler, VideoFrame scratch) { }
}
