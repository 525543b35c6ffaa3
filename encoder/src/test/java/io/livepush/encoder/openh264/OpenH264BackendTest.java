package io.livepush.encoder.openh264;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoFramePool;
import io.livepush.capture.testing.Interop;
import io.livepush.encoder.EncodedVideoFrame;
import io.livepush.encoder.MovingContent;
import io.livepush.encoder.RateControlMode;
import io.livepush.encoder.VideoEncoderConfig;
import io.livepush.encoder.h264.SpsInfo;
import io.livepush.encoder.h264.SpsParser;
import io.livepush.encoder.spi.H264EncoderProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenH264 backend on the real libopenh264 (skipped with a notice where it is not installed). */
class OpenH264BackendTest {
    private static final int W = 640;
    private static final int H = 360;
    private static final int NAL_IDR = 5;
    private static final int NAL_SPS = 7;
    private static final int NAL_PPS = 8;

    private final OpenH264Provider provider = new OpenH264Provider();
    private final MovingContent content = new MovingContent(42, 8);
    private final List<OpenH264Backend> opened = new ArrayList<>();
    private VideoFramePool pool;

    @BeforeEach
    void requireLibrary() {
        String reason = provider.unavailableReason();
        Interop.assumePeer(reason == null, "libopenh264 (" + reason + ")");
        pool = new VideoFramePool(W, H, 2);
    }

    @AfterEach
    void closeAll() {
        opened.forEach(OpenH264Backend::close);
    }

    private OpenH264Backend open(VideoEncoderConfig config) {
        OpenH264Backend b = (OpenH264Backend) provider.open(config);
        opened.add(b);
        return b;
    }

    private static VideoEncoderConfig config(int bps) {
        return VideoEncoderConfig.builder().size(W, H).fps(30).bitrateBps(bps).build();
    }

    private EncodedVideoFrame encode(OpenH264Backend b, int index, boolean forceIdr) {
        VideoFrame f = content.frame(pool, index, Math.round(index * 1_000_000.0 / 30));
        try {
            return b.encode(f, forceIdr);
        } finally {
            f.release();
        }
    }

    private static List<Integer> nalTypes(EncodedVideoFrame f) {
        List<Integer> types = new ArrayList<>();
        for (byte[] nal : f.nalUnits()) {
            types.add(nal[0] & 0x1F);
        }
        return types;
    }

    @Test
    void providerIsRegisteredAsOpenh264WithPreference100() {
        H264EncoderProvider found = null;
        for (H264EncoderProvider p : ServiceLoader.load(H264EncoderProvider.class)) {
            if (p.name().equals("openh264")) {
                found = p;
            }
        }
        assertNotNull(found, "openh264 is not in META-INF/services");
        assertEquals(100, found.preference());
        assertNull(found.unavailableReason());
    }

    @Test
    void firstFrameIsAnIdrWithSpsAndPpsOfTheConfiguredSize() {
        OpenH264Backend b = open(config(1_000_000));
        EncodedVideoFrame first = encode(b, 0, false);
        assertTrue(first.keyframe());
        assertEquals(List.of(NAL_SPS, NAL_PPS, NAL_IDR), nalTypes(first).subList(0, 3), "NAL types " + nalTypes(first));
        SpsInfo sps = SpsParser.parse(first.firstNal(NAL_SPS));
        assertEquals(W, sps.width());
        assertEquals(H, sps.height());
        assertEquals(0, sps.seqParameterSetId());
        assertEquals(0, first.ptsUs());
        assertEquals(first.ptsUs(), first.dtsUs());
        for (byte[] nal : first.nalUnits()) {
            assertFalse(nal.length >= 3 && nal[0] == 0 && nal[1] == 0 && (nal[2] == 1 || nal[2] == 0),
                    "NAL unit starts with a start code");
        }
    }

    @Test
    void idrsComeExactlyWhenForcedAndNeverOtherwise() {
        OpenH264Backend b = open(config(2_500_000));
        Set<Integer> forced = Set.of(0, 17, 45, 46, 60);
        Set<Integer> keyframes = new TreeSet<>();
        byte[] firstSps = null;
        int encoded = 0;
        for (int i = 0; i < 90; i++) {
            EncodedVideoFrame f = encode(b, i, forced.contains(i));
            if (f == null) {
                assertFalse(forced.contains(i), "a forced IDR was skipped at frame " + i);
                continue;
            }
            encoded++;
            assertEquals(Math.round(i * 1_000_000.0 / 30), f.ptsUs());
            assertEquals(f.ptsUs(), f.dtsUs());
            List<Integer> types = nalTypes(f);
            if (f.keyframe()) {
                keyframes.add(i);
                assertTrue(types.contains(NAL_SPS) && types.contains(NAL_PPS) && types.contains(NAL_IDR), "IDR " + i + ": " + types);
                if (firstSps == null) {
                    firstSps = f.firstNal(NAL_SPS);
                }
                assertArrayEquals(firstSps, f.firstNal(NAL_SPS), "SPS changed at IDR " + i);
            } else {
                assertFalse(types.contains(NAL_SPS) || types.contains(NAL_PPS) || types.contains(NAL_IDR), "P frame " + i + ": " + types);
            }
        }
        assertEquals(forced, keyframes);
        assertTrue(encoded >= 70, "only " + encoded + " of 90 frames encoded at 2.5 Mbps");
    }

    @Test
    void lowerBitrateGivesSmallerFrames() {
        OpenH264Backend b = open(config(3_000_000));
        long high = 0;
        long low = 0;
        for (int i = 0; i < 120; i++) {
            if (i == 60) {
                b.setBitrate(300_000);
                assertEquals(300_000, b.bitrateBps());
            }
            EncodedVideoFrame f = encode(b, i, false);
            int size = f == null ? 0 : f.payloadSize();
            if (i >= 30 && i < 60) {
                high += size;
            } else if (i >= 90) {
                low += size;
            }
        }
        // One second each, after the rate control settled: about 3 Mbit against about 0.3 Mbit.
        assertTrue(low * 3 < high, "after setBitrate(300k): " + low * 8 + " bits/s against " + high * 8 + " before");
        assertTrue(high * 8 > 1_500_000 && high * 8 < 4_500_000, "at 3 Mbps the encoder made " + high * 8 + " bits/s");
    }

    @Test
    void setBitrateAcceptsTheWholeRangeAndRejectsOutside() {
        OpenH264Backend b = open(config(1_000_000));
        b.setBitrate(50_000);
        b.setBitrate(100_000_000);
        assertThrows(IllegalArgumentException.class, () -> b.setBitrate(49_999));
        assertThrows(IllegalArgumentException.class, () -> b.setBitrate(100_000_001));
        assertEquals(100_000_000, b.bitrateBps());
        assertNotNull(encode(b, 0, true));
    }

    @Test
    void everyRateControlModeAndThreadCountEncodes() {
        for (RateControlMode mode : RateControlMode.values()) {
            for (int threads : new int[] {0, 1, 2}) {
                OpenH264Backend b = open(config(1_000_000).toBuilder().rateControl(mode).threads(threads).build());
                EncodedVideoFrame first = encode(b, 0, true);
                assertTrue(first.keyframe(), mode + " threads " + threads);
                for (int i = 1; i < 5; i++) {
                    EncodedVideoFrame f = encode(b, i, false);
                    assertTrue(f == null || !f.keyframe(), mode + " threads " + threads + " frame " + i);
                }
                b.close();
            }
        }
    }

    @Test
    void frameOfTheWrongSizeIsRejected() {
        OpenH264Backend b = open(config(1_000_000));
        VideoFrame small = VideoFrame.allocate(320, 240, 0);
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.encode(small, false));
            assertTrue(e.getMessage().contains("320x240") && e.getMessage().contains(W + "x" + H), e.getMessage());
        } finally {
            small.release();
        }
        assertTrue(encode(b, 0, false).keyframe(), "the encoder still works");
    }

    @Test
    void closeIsIdempotentAndUseAfterCloseThrows() {
        OpenH264Backend b = open(config(1_000_000));
        encode(b, 0, false);
        b.close();
        b.close();
        assertThrows(IllegalStateException.class, () -> encode(b, 1, false));
        assertThrows(IllegalStateException.class, () -> b.setBitrate(1_000_000));
    }

    @Test
    void manyEncodersOpenAndCloseWithoutLeakingHandles() {
        for (int i = 0; i < 50; i++) {
            try (OpenH264Backend b = (OpenH264Backend) provider.open(config(500_000))) {
                assertTrue(encode(b, i, false).keyframe());
            }
        }
    }
}
