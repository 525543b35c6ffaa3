package io.livepush.encoder;

import io.livepush.capture.VideoFrame;
import io.livepush.encoder.spi.H264EncoderBackend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A scriptable {@link H264EncoderBackend} for unit tests of the wrapping logic. It emits tiny,
 * syntactically plausible access units: on an IDR an optional AUD, a real Baseline SPS and PPS, an
 * optional backend SEI, then one IDR slice (type 5); otherwise an optional AUD and one non-IDR
 * slice (type 1). Slice sizes follow the bitrate ({@code bps / fps / 8} bytes), so rate changes
 * show in the output. It records every call. Not thread-safe, like a real backend.
 */
public final class FakeH264Backend implements H264EncoderBackend {
    /** SPS of a 1280x720 Baseline stream (x264), reused whatever the configured size. */
    static final byte[] SPS = TestBytes.hex("67 42 c0 1f d9 00 50 05 bb 01 10 00 00 03 00 10 00 00 03 03 c0 f1 83 24 80");
    static final byte[] PPS = TestBytes.hex("68 cb 83 cb 20");
    /** An SEI the backend writes itself (a recovery point, payloadType 6), as x264 or OpenH264 might. */
    static final byte[] BACKEND_SEI = TestBytes.hex("06 06 01 c4 80");
    static final byte[] AUD = TestBytes.hex("09 f0");

    private final double fps;
    private int bps;
    private boolean aud;
    private boolean backendSei;
    private final Set<Integer> skip = new HashSet<>();
    private final Set<Integer> ownIdr = new HashSet<>();
    private final List<Boolean> forceFlags = new ArrayList<>();
    private final List<Integer> bitrateCalls = new ArrayList<>();
    private int closeCount;
    private int calls;

    /** @param config the configuration (fps and initial bitrate are used) */
    public FakeH264Backend(VideoEncoderConfig config) {
        this.fps = config.fps();
        this.bps = config.bitrateBps();
    }

    /** Starts every access unit with an access unit delimiter. */
    public FakeH264Backend withAud() {
        this.aud = true;
        return this;
    }

    /** Puts a backend-made SEI after SPS/PPS on IDRs. */
    public FakeH264Backend withBackendSei() {
        this.backendSei = true;
        return this;
    }

    /** Returns null for these call indices (0-based), even when an IDR was forced. */
    public FakeH264Backend skipCalls(Integer... indices) {
        skip.addAll(Arrays.asList(indices));
        return this;
    }

    /** Makes an IDR on its own at these call indices. */
    public FakeH264Backend idrOnItsOwnAtCalls(Integer... indices) {
        ownIdr.addAll(Arrays.asList(indices));
        return this;
    }

    @Override
    public EncodedVideoFrame encode(VideoFrame frame, boolean forceIdr) {
        if (closeCount > 0) {
            throw new IllegalStateException("fake backend used after close");
        }
        int call = calls++;
        forceFlags.add(forceIdr);
        if (skip.contains(call)) {
            return null;
        }
        boolean idr = forceIdr || ownIdr.contains(call);
        List<byte[]> nals = new ArrayList<>();
        if (aud) {
            nals.add(AUD);
        }
        if (idr) {
            nals.add(SPS);
            nals.add(PPS);
            if (backendSei) {
                nals.add(BACKEND_SEI);
            }
        }
        byte[] slice = new byte[Math.max(4, (int) (bps / fps / 8))];
        Arrays.fill(slice, (byte) 0x5A);
        slice[0] = (byte) (idr ? 0x65 : 0x41);
        slice[1] = (byte) 0x88;
        slice[2] = (byte) call;
        nals.add(slice);
        long pts = frame.ptsUs();
        return new EncodedVideoFrame(nals, pts, pts, idr);
    }

    @Override
    public void setBitrate(int bps) {
        bitrateCalls.add(bps);
        this.bps = bps;
    }

    @Override
    public void close() {
        closeCount++;
    }

    /** @return the forceIdr flag of each encode call */
    public List<Boolean> forceFlags() {
        return forceFlags;
    }

    /** @return the bitrates passed to setBitrate, in order */
    public List<Integer> bitrateCalls() {
        return bitrateCalls;
    }

    /** @return how often close was called */
    public int closeCount() {
        return closeCount;
    }
}
