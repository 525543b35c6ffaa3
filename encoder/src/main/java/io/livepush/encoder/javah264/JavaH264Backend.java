package io.livepush.encoder.javah264;

import io.livepush.capture.VideoFrame;
import io.livepush.encoder.EncodedVideoFrame;
import io.livepush.encoder.VideoEncoderConfig;
import io.livepush.encoder.spi.H264EncoderBackend;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pure-Java H.264 encoder: Constrained Baseline (CAVLC), I pictures of Intra_16x16 and Intra_4x4
 * macroblocks, P pictures of P_Skip, P_L0_16x16 (quarter-sample motion) and Intra_16x16
 * macroblocks, one reference picture, the in-loop deblocking filter, and a reconstruction that is
 * the decoder's own, sample for sample. Rate control picks one QP per picture
 * ({@link RateController}).
 *
 * <p>Threads: the picture is cut into one slice of whole macroblock rows per thread
 * ({@code config.threads()}, 0 = one per core, at most one per macroblock row), the boundaries
 * moved each picture so the slices had equal work in the last one; the calling thread
 * encodes the first slice and {@code threads - 1} daemon threads named
 * {@code livepush-h264-java-N} the others. Each slice is deblocked by its own thread
 * (disable_deblocking_filter_idc 2 when there are several slices, so no edge between slices is
 * filtered). Not thread-safe otherwise: one thread calls {@link #encode} and {@link #setBitrate}.
 * {@link #close()} stops the helper threads; idempotent.
 */
public final class JavaH264Backend implements H264EncoderBackend {
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();

    private final VideoEncoderConfig config;
    private final FrameContext ctx;
    private final SliceEncoder[] slices;
    private final ExecutorService helpers;
    private final RateController rate;
    private final byte[] sps;
    private final byte[] pps;
    private final List<Future<byte[]>> pending = new ArrayList<>();
    private Picture cur;
    private Picture ref;
    private boolean haveRef;
    private int frameNum;
    private int idrCount;
    private boolean closed;

    /**
     * Opens an encoder for the configuration's size, frame rate, bitrate, rate-control mode and
     * thread count.
     *
     * @param config the validated encoder configuration
     */
    public JavaH264Backend(VideoEncoderConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        int mbWidth = (config.width() + 15) / 16;
        int mbHeight = (config.height() + 15) / 16;
        this.ctx = new FrameContext(mbWidth, mbHeight);
        int threads = config.threads() == 0 ? Runtime.getRuntime().availableProcessors() : config.threads();
        threads = Math.max(1, Math.min(threads, mbHeight));
        this.slices = new SliceEncoder[threads];
        for (int i = 0; i < threads; i++) {
            slices[i] = new SliceEncoder(ctx, mbHeight * i / threads, mbHeight * (i + 1) / threads);
        }
        this.helpers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "livepush-h264-java-" + THREAD_IDS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.cur = new Picture(ctx.width, ctx.height);
        this.ref = new Picture(ctx.width, ctx.height);
        this.rate = new RateController(config.rateControl(), config.bitrateBps(), config.fps(),
                config.width() * config.height());
        BitWriter w = new BitWriter();
        this.sps = ParameterSets.sps(w, config.width(), config.height(), mbWidth, mbHeight, config.fps());
        this.pps = ParameterSets.pps(w);
    }

    /** @return the configuration this backend was opened with */
    public VideoEncoderConfig config() {
        return config;
    }

    /** @return how many slices (and threads) each picture is encoded with */
    public int sliceCount() {
        return slices.length;
    }

    /** @return the current target bitrate in bits per second */
    public int bitrateBps() {
        return rate.bitrate();
    }

    @Override
    public EncodedVideoFrame encode(VideoFrame frame, boolean forceIdr) {
        requireOpen();
        if (frame.width() != config.width() || frame.height() != config.height()) {
            throw new IllegalArgumentException("frame is " + frame.width() + "x" + frame.height()
                    + " but the encoder was opened for " + config.width() + "x" + config.height());
        }
        boolean idr = forceIdr || !haveRef;
        if (!idr && rate.shouldSkip()) {
            rate.skipped();
            return null;
        }
        copySource(frame);
        ctx.cur = cur;
        ctx.ref = ref;
        ctx.idr = idr;
        ctx.intraPicture = idr;
        ctx.qp = rate.qpFor(idr);
        if (idr) {
            frameNum = 0;
            ctx.idrPicId = idrCount++ & 0xFFFF;
        }
        ctx.frameNum = frameNum;
        ctx.deblockIdc = slices.length > 1 ? 2 : 0;
        balanceSlices();
        List<byte[]> nals = new ArrayList<>(slices.length + 2);
        if (idr) {
            nals.add(sps);
            nals.add(pps);
        }
        long bits = 0;
        for (byte[] nal : runParallel(slices.length, i -> slices[i].encode())) {
            nals.add(nal);
            bits += nal.length * 8L;
        }
        rate.update(idr, ctx.qp, bits);
        cur.extendEdges();
        Picture t = ref;
        ref = cur;
        cur = t;
        haveRef = true;
        ref.invalidateHalf();
        frameNum = (frameNum + 1) % (1 << ParameterSets.LOG2_MAX_FRAME_NUM);
        return new EncodedVideoFrame(nals, frame.ptsUs(), frame.ptsUs(), idr);
    }

    /**
     * Moves the slice boundaries so each thread gets about the same work: the rows are split where
     * the previous picture's work, summed row by row, crosses each thread's share (each slice keeps
     * at least one row). Work is estimated from the count of coded (not skipped) macroblocks, so
     * the same input always gives the same stream.
     */
    private void balanceSlices() {
        int n = slices.length;
        long[] cost = ctx.rowCost;
        long total = 0;
        for (long c : cost) {
            total += Math.max(1, c);
        }
        int row = 0;
        long sum = 0;
        for (int i = 0; i < n; i++) {
            int first = row;
            if (i == n - 1) {
                row = ctx.mbHeight;
            } else {
                long target = total * (i + 1) / n;
                row++;
                sum += Math.max(1, cost[first]);
                while (row < ctx.mbHeight - (n - 1 - i) && sum + Math.max(1, cost[row]) / 2 < target) {
                    sum += Math.max(1, cost[row]);
                    row++;
                }
            }
            slices[i].setRows(first, row);
        }
    }

    /** Copies the frame's planes into the macroblock-aligned source, repeating the last column and row. */
    private void copySource(VideoFrame frame) {
        ByteBuffer data = frame.data();
        for (int plane = 0; plane < 3; plane++) {
            byte[] dst = plane == 0 ? ctx.srcY : plane == 1 ? ctx.srcU : ctx.srcV;
            int dw = plane == 0 ? ctx.width : ctx.width / 2;
            int dh = plane == 0 ? ctx.height : ctx.height / 2;
            int w = frame.planeWidth(plane);
            int h = frame.planeHeight(plane);
            int stride = frame.stride(plane);
            int base = frame.planeOffset(plane);
            for (int y = 0; y < h; y++) {
                data.get(base + y * stride, dst, y * dw, w);
                if (w < dw) {
                    java.util.Arrays.fill(dst, y * dw + w, (y + 1) * dw, dst[y * dw + w - 1]);
                }
            }
            for (int y = h; y < dh; y++) {
                System.arraycopy(dst, (h - 1) * dw, dst, y * dw, dw);
            }
        }
    }

    /** A task of one slice thread. */
    private interface SliceTask {
        byte[] run(int index);
    }

    /** Runs task 0 on this thread and the others on the helpers; @return the results in order. */
    private List<byte[]> runParallel(int n, SliceTask task) {
        pending.clear();
        for (int i = 1; i < n; i++) {
            int index = i;
            pending.add(helpers.submit(() -> task.run(index)));
        }
        List<byte[]> out = new ArrayList<>(n);
        RuntimeException failure = null;
        try {
            out.add(task.run(0));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<byte[]> f : pending) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = new IllegalStateException("slice encoding failed: " + e.getCause(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = new IllegalStateException("interrupted while slices were encoding", e);
                }
            }
        }
        if (failure != null) {
            haveRef = false; // the reconstruction is incomplete: start again with an IDR
            throw failure;
        }
        return out;
    }

    /**
     * Changes the target bitrate from the next frame on.
     *
     * @throws IllegalArgumentException outside 50_000..100_000_000 bps
     */
    @Override
    public void setBitrate(int bps) {
        requireOpen();
        VideoEncoderConfig.requireBitrate(bps);
        rate.setBitrate(bps);
    }

    /** Stops the helper threads; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }

    /**
     * Copies the last encoded picture's reconstruction, cropped to the configured size, as I420
     * (for tests: a decoder's output must equal it exactly).
     */
    /** @return the QP of the last encoded picture (for tests and benchmarks) */
    int lastQp() {
        return ctx.qp;
    }

    void reconstruction(byte[] i420) {
        Picture p = ref;
        int w = config.width();
        int h = config.height();
        int o = 0;
        for (int y = 0; y < h; y++, o += w) {
            System.arraycopy(p.y, p.origin + y * p.stride, i420, o, w);
        }
        for (int plane = 0; plane < 2; plane++) {
            byte[] src = plane == 0 ? p.u : p.v;
            for (int y = 0; y < h / 2; y++, o += w / 2) {
                System.arraycopy(src, p.corigin + y * p.cstride, i420, o, w / 2);
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("Java H.264 encoder was already closed");
        }
    }

    @Override
    public String toString() {
        return "JavaH264Backend[" + config + ", " + slices.length + " slice(s)" + (closed ? ", closed" : "") + "]";
    }
}
