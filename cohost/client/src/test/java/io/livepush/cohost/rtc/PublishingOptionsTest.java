package io.livepush.cohost.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublishingOptionsTest {
    @Test
    void defaultsAreH264AtTheDefaultCeiling() {
        PublishingOptions o = PublishingOptions.of(640, 360);
        assertEquals(VideoCodec.H264, o.codec());
        assertEquals(PublishingOptions.DEFAULT_MAX_BITRATE_KBPS, o.maxBitrateKbps());
        assertEquals(VideoCodec.VP8, o.withCodec(VideoCodec.VP8).codec());
        assertEquals(800, o.withMaxBitrateKbps(800).maxBitrateKbps());
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"641, 360", "640, 0", "0, 0", "20000, 360"})
    void oddOrOutOfRangeSizesAreRefused(int w, int h) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PublishingOptions.of(w, h));
        assertTrue(e.getMessage().contains(w + "x" + h), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 99, 20_001})
    void bitrateCeilingsOutsideTheRangeAreRefusedNamingIt(int kbps) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PublishingOptions.of(640, 360).withMaxBitrateKbps(kbps));
        assertTrue(e.getMessage().contains(kbps + " kbit/s") && e.getMessage().contains("100..20000"), e.getMessage());
    }

    @Test
    void dataMessagesMustHoldOneTo65536Bytes() {
        DataChannelLink.requireValidMessage(new byte[1]);
        DataChannelLink.requireValidMessage(new byte[65_536]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataChannelLink.requireValidMessage(new byte[65_537]));
        assertTrue(e.getMessage().contains("65537 bytes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DataChannelLink.requireValidMessage(new byte[0]));
        assertThrows(NullPointerException.class, () -> DataChannelLink.requireValidMessage(null));
    }
}
