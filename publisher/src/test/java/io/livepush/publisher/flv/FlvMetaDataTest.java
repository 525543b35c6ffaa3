package io.livepush.publisher.flv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The onMetaData fields (FLV v10.1 E.5) a publisher announces. */
class FlvMetaDataTest {

    @Test
    void fieldsComeInAFixedOrderWithAudio() {
        FlvMetaData m = FlvMetaData.builder().size(640, 360).frameRate(25).videoDataRateKbps(800)
                .audio(44100, false, 96).build();
        assertEquals(List.of("width", "height", "framerate", "videocodecid", "videodatarate", "audiocodecid",
                "audiodatarate", "audiosamplerate", "audiosamplesize", "stereo", "encoder"),
                List.copyOf(m.toEcmaArray().keySet()));
        assertEquals(640.0, m.toEcmaArray().get("width"));
        assertEquals(7.0, m.toEcmaArray().get("videocodecid"));
        assertEquals(10.0, m.toEcmaArray().get("audiocodecid"));
        assertEquals(44100.0, m.toEcmaArray().get("audiosamplerate"));
        assertEquals(16.0, m.toEcmaArray().get("audiosamplesize"));
        assertEquals(false, m.toEcmaArray().get("stereo"));
        assertEquals(FlvMetaData.DEFAULT_ENCODER, m.toEcmaArray().get("encoder"));
    }

    @Test
    void audioFieldsAreLeftOutWithoutAudio() {
        FlvMetaData m = FlvMetaData.builder().size(320, 240).frameRate(30).build();
        assertEquals(List.of("width", "height", "framerate", "videocodecid", "videodatarate", "encoder"),
                List.copyOf(m.toEcmaArray().keySet()));
    }

    @Test
    void toBuilderMakesAVariantKeepingTheOtherFields() {
        FlvMetaData m = FlvMetaData.builder().size(320, 240).frameRate(30).audio(48000, true, 128).build();
        FlvMetaData lower = m.toBuilder().videoDataRateKbps(500).build();
        assertEquals(500.0, lower.videoDataRateKbps());
        assertEquals(m.audioSampleRate(), lower.audioSampleRate());
        assertEquals(m, lower.toBuilder().videoDataRateKbps(m.videoDataRateKbps()).build());
    }

    @Test
    void outOfRangeFieldsAreRejectedNamingTheField() {
        assertMessage(() -> FlvMetaData.builder().frameRate(30).build(), "width is 0 (expected at least 1)");
        assertMessage(() -> FlvMetaData.builder().size(320, 240).build(), "frame rate is 0.0 fps (expected above 0)");
        assertMessage(() -> FlvMetaData.builder().size(320, 240).frameRate(30).videoDataRateKbps(-1).build(),
                "video data rate is -1.0 kbps");
        assertMessage(() -> FlvMetaData.builder().size(320, 240).frameRate(30).audio(0, true, 128).build(),
                "audio sample rate is 0 Hz");
        assertMessage(() -> FlvMetaData.builder().size(320, 240).frameRate(30).encoder("").build(), "encoder name is empty");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
