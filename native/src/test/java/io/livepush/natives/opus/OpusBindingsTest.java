package io.livepush.natives.opus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class OpusBindingsTest {

    @Test
    void encodesTwentyMillisecondsAndHonoursTheBitrateRequest() {
        Assumptions.assumeTrue(Opus.unavailableReason() == null, "libopus absent");
        Opus opus = Opus.load();
        IntByReference err = new IntByReference();
        Pointer enc = opus.opus_encoder_create(48_000, 2, Opus.OPUS_APPLICATION_AUDIO, err);
        assertNotNull(enc, opus.opus_strerror(err.getValue()));
        try {
            assertEquals(Opus.OPUS_OK, opus.opus_encoder_ctl(enc, Opus.OPUS_SET_BITRATE_REQUEST, 96_000));
            IntByReference bitrate = new IntByReference();
            assertEquals(Opus.OPUS_OK, opus.opus_encoder_ctl(enc, Opus.OPUS_GET_BITRATE_REQUEST, bitrate));
            assertEquals(96_000, bitrate.getValue());
            IntByReference lookahead = new IntByReference();
            assertEquals(Opus.OPUS_OK, opus.opus_encoder_ctl(enc, Opus.OPUS_GET_LOOKAHEAD_REQUEST, lookahead));
            assertTrue(lookahead.getValue() > 0 && lookahead.getValue() < 1000, "lookahead " + lookahead.getValue());
            short[] pcm = new short[960 * 2];
            for (int i = 0; i < 960; i++) {
                pcm[2 * i] = pcm[2 * i + 1] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 48_000.0));
            }
            byte[] packet = new byte[Opus.MAX_PACKET_BYTES];
            int n = opus.opus_encode(enc, pcm, 960, packet, packet.length);
            assertTrue(n > 0, opus.opus_strerror(n));
            // An invalid frame size (not 2.5/5/10/20/40/60 ms) is refused with OPUS_BAD_ARG (-1).
            assertEquals(-1, opus.opus_encode(enc, pcm, 950, packet, packet.length));
        } finally {
            opus.opus_encoder_destroy(enc);
        }
    }

    @Test
    void anUnsupportedSampleRateIsRefusedWithAnErrorCode() {
        Assumptions.assumeTrue(Opus.unavailableReason() == null, "libopus absent");
        IntByReference err = new IntByReference();
        assertNull(Opus.load().opus_encoder_create(44_100, 2, Opus.OPUS_APPLICATION_AUDIO, err));
        assertEquals("invalid argument", Opus.load().opus_strerror(err.getValue()));
    }
}
