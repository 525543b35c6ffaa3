package io.livepush.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaFormatTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "7999|2|sample rate 7999 Hz is not allowed (expected 8000..192000)",
        "192001|2|sample rate 192001 Hz is not allowed (expected 8000..192000)",
        "48000|0|channel count 0 is not allowed (expected 1 or 2)",
        "48000|6|channel count 6 is not allowed (expected 1 or 2)",
    })
    void audioFormatRejectsWhatNoEncoderTakes(int rate, int channels, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AudioFormat(rate, channels));
        assertEquals(message, e.getMessage());
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
                () -> new AudioFrame(new short[12], rate, channels, 0));
        assertEquals(message, f.getMessage());
    }

    @Test
    void audioFrameSamplesMustDivideIntoChannels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AudioFrame(new short[7], 48_000, 2, 0));
        assertEquals("7 samples do not divide into 2 channels", e.getMessage());
    }

    @Test
    void audioFrameReportsCountAndDurationPerChannel() {
        AudioFrame f = new AudioFrame(new short[1920], 48_000, 2, 500);
        assertEquals(960, f.sampleCount());
        assertEquals(20_000, f.durationUs());
        assertEquals(500, f.ptsUs());
        assertEquals(new AudioFrame(new short[1920], 48_000, 2, 500), f);
        assertNotEquals(new AudioFrame(new short[1920], 48_000, 2, 501), f);
    }

    @Test
    void videoFormatValidatesSizeAndRate() {
        assertEquals(33_333, new VideoFormat(1280, 720, 30).frameIntervalUs());
        assertEquals(33_367, new VideoFormat(1280, 720, 30000 / 1001.0).frameIntervalUs());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new VideoFormat(1280, 720, 0));
        assertEquals("frame rate 0.0 is not allowed (expected > 0 and <= 240)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new VideoFormat(1280, 720, 241));
        assertThrows(IllegalArgumentException.class, () -> new VideoFormat(1280, 720, Double.NaN));
        e = assertThrows(IllegalArgumentException.class, () -> new VideoFormat(1279, 720, 30));
        assertEquals("frame size 1279x720 is not allowed (expected even width and height, each 2..16384)", e.getMessage());
    }
}
