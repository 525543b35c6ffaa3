package io.livepush.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link VideoEncoderConfig}: defaults, variants, and bad values rejected with what is allowed. */
class VideoEncoderConfigTest {
    @Test
    void defaultsAre720p30At2500KbpsWithATwoSecondGop() {
        VideoEncoderConfig c = VideoEncoderConfig.builder().build();
        assertEquals(1280, c.width());
        assertEquals(720, c.height());
        assertEquals(30.0, c.fps());
        assertEquals(2_500_000, c.bitrateBps());
        assertEquals(2_000_000, c.gopUs());
        assertEquals(RateControlMode.CBR, c.rateControl());
        assertEquals(1, c.threads());
    }

    @Test
    void toBuilderMakesAVariantAndLeavesTheOriginalAlone() {
        VideoEncoderConfig a = VideoEncoderConfig.builder().size(640, 360).gopSeconds(1).build();
        VideoEncoderConfig b = a.toBuilder().bitrateBps(800_000).build();
        assertEquals(640, b.width());
        assertEquals(1_000_000, b.gopUs());
        assertEquals(800_000, b.bitrateBps());
        assertEquals(2_500_000, a.bitrateBps());
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"641, 360", "640, 361", "0, 0", "0, 720", "-2, 720", "16386, 720", "1, 1"})
    void oddZeroOrHugeSizesAreRejectedNamingTheRule(int w, int h) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VideoEncoderConfig.builder().size(w, h));
        assertEquals("frame size " + w + "x" + h + " is not allowed (expected even width and height, each 2..16384)",
                e.getMessage());
    }

    @ParameterizedTest(name = "{0} fps")
    @CsvSource({"0", "-1", "241", "NaN"})
    void frameRatesOutsideZeroTo240AreRejected(double fps) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VideoEncoderConfig.builder().fps(fps));
        assertEquals("frame rate " + fps + " is not allowed (expected > 0 and <= 240)", e.getMessage());
    }

    @ParameterizedTest(name = "{0} bps")
    @CsvSource({"0", "49999", "100000001"})
    void bitratesOutsideTheRangeAreRejected(int bps) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VideoEncoderConfig.builder().bitrateBps(bps));
        assertEquals("video bitrate " + bps + " bps is not allowed (expected 50000..100000000)", e.getMessage());
    }

    @ParameterizedTest(name = "{0} s")
    @CsvSource({"0", "0.05", "61", "NaN"})
    void gopsOutsideATenthOfASecondToAMinuteAreRejected(double s) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VideoEncoderConfig.builder().gopSeconds(s));
        assertEquals("GOP of " + s + " s is not allowed (expected 0.1..60 seconds)", e.getMessage());
    }

    @Test
    void threadCountsAndNullModesAreRejected() {
        assertEquals("thread count 17 is not allowed (expected 0..16)",
                assertThrows(IllegalArgumentException.class, () -> VideoEncoderConfig.builder().threads(17)).getMessage());
        assertEquals("rate-control mode is null (expected one of CBR, VBR, QUALITY)",
                assertThrows(IllegalArgumentException.class, () -> VideoEncoderConfig.builder().rateControl(null)).getMessage());
    }
}
