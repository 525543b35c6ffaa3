package io.livepush.publisher.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.encoder.audio.AudioCodec;
import io.livepush.encoder.audio.AudioEncoderConfig;
import io.livepush.publisher.reconnect.ReconnectPolicy;
import io.livepush.publisher.url.RtmpUrl;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Destinations, reconnect and adaptive bitrate settings of {@link LiveStreamConfig}. */
class LiveStreamConfigDestinationsTest {
    private static final String A = "rtmp://a.example/live/key-aaaaaaaaaaaa";
    private static final String B = "rtmps://b.example/app/key-bbbbbbbbbbbb";

    @Test
    void destinationsListTheMainUrlFirstThenTheAddedOnesAndSurviveToBuilder() {
        LiveStreamConfig c = LiveStreamConfig.builder(A).addDestination(B).build();
        assertEquals(List.of(RtmpUrl.parse(A), RtmpUrl.parse(B)), c.destinations());
        assertEquals(c.destinations(), c.toBuilder().build().destinations());
    }

    @Test
    void anOpusAudioConfigIsRefusedBecauseLegacyFlvCarriesOnlyAac() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LiveStreamConfig.builder(A)
                .audio(AudioEncoderConfig.builder().codec(AudioCodec.OPUS).sampleRate(48_000).build()));
        assertEquals("audio codec OPUS cannot be carried in legacy FLV/RTMP (expected AAC_LC)", e.getMessage());
    }

    @Test
    void theSameDestinationTwiceIsRefusedWithoutShowingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LiveStreamConfig.builder(A).addDestination(A));
        assertTrue(e.getMessage().contains("given twice"), e.getMessage());
        assertFalse(e.getMessage().contains("key-aaaaaaaaaaaa"), "the key leaked: " + e.getMessage());
    }

    @Test
    void moreThanEightDestinationsAreRefused() {
        LiveStreamConfig.Builder b = LiveStreamConfig.builder(A);
        for (int i = 1; i < LiveStreamConfig.MAX_DESTINATIONS; i++) {
            b.addDestination("rtmp://h" + i + ".example/live/k" + i);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.addDestination("rtmp://h9.example/live/k9"));
        assertEquals("destination 9 is one too many (expected at most 8)", e.getMessage());
    }

    @Test
    void reconnectAndAdaptiveBitrateDefaultToOnAndCanBeTurnedOff() {
        LiveStreamConfig c = LiveStreamConfig.builder(A).build();
        assertEquals(25, c.reconnect().maxAttempts());
        assertTrue(c.adaptiveBitrate());
        LiveStreamConfig off = c.toBuilder().reconnect(ReconnectPolicy.disabled()).adaptiveBitrate(false).build();
        assertEquals(0, off.reconnect().maxAttempts());
        assertFalse(off.adaptiveBitrate());
    }

    @Test
    void aMalformedExtraDestinationIsRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> LiveStreamConfig.builder(A).addDestination("http://x/y/z"));
    }
}
