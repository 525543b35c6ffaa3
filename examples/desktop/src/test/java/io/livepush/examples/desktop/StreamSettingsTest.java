package io.livepush.examples.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.encoder.VideoEncoderConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamSettingsTest {
    @Test
    void typedSettingsBecomeAnEncoderConfigWithTheTwoSecondGop() {
        StreamSettings s = StreamSettings.parse(" 1920 x 1080 ", "25", "4500");
        assertEquals(new StreamSettings(1920, 1080, 25, 4500), s);
        VideoEncoderConfig c = s.toVideoConfig();
        assertEquals(1920, c.width());
        assertEquals(1080, c.height());
        assertEquals(25.0, c.fps());
        assertEquals(4_500_000, c.bitrateBps());
        assertEquals(2.0, c.gopSeconds());
        assertEquals("1920x1080", s.sizeText());
    }

    @Test
    void theMultiplicationSignIsAcceptedInTheSize() {
        assertEquals(640, StreamSettings.parse("640\u00d7360", "30", "800").width());
    }

    @ParameterizedTest(name = "{0} / {1} / {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "1280       | 30  | 2500  | ''",
        "1280x      | 30  | 2500  | Size '1280x' is not understood (expected WIDTHxHEIGHT",
        "1281x720   | 30  | 2500  | Size 1281x720 is not allowed (expected even",
        "7680x4320  | 30  | 2500  | Size 7680x4320 is not allowed",
        "-2x720     | 30  | 2500  | Size '-2x720' is not understood",
        "1280x720   | 0   | 2500  | Frame rate 0 is not allowed (expected 1..60 fps)",
        "1280x720   | 29.97 | 2500 | Frame rate '29.97' is not understood (expected a whole number 1..60)",
        "1280x720   | 30  | 50    | Video bitrate 50 kbps is not allowed (expected 100..20000 kbps)",
        "1280x720   | 30  | fast  | Video bitrate 'fast' is not understood",
    })
    void badSettingsAreRefusedNamingTheFieldTheValueAndWhatIsAllowed(String size, String fps, String kbps, String words) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StreamSettings.parse(size, fps, kbps));
        String expected = words.isEmpty() ? "Size '1280' is not understood" : words;
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }
}
