package io.livepush.natives.alsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.ptr.PointerByReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class AsoundBindingsTest {

    @Test
    void openingAnUndefinedPcmReturnsANegativeErrnoWithText() {
        Assumptions.assumeTrue(Asound.unavailableReason() == null, "libasound absent");
        Asound a = Asound.load();
        PointerByReference pcm = new PointerByReference();
        int rc = a.snd_pcm_open(pcm, "livepush_no_such_pcm", Asound.SND_PCM_STREAM_CAPTURE, Asound.SND_PCM_NONBLOCK);
        assertTrue(rc < 0, "rc " + rc);
        assertTrue(!a.snd_strerror(rc).isBlank());
    }

    @Test
    void errnoConstantsMatchLinux() {
        Assumptions.assumeTrue(Asound.unavailableReason() == null, "libasound absent");
        Asound a = Asound.load();
        assertEquals("Broken pipe", a.snd_strerror(Asound.EPIPE));
        assertEquals("Streams pipe error", a.snd_strerror(Asound.ESTRPIPE));
    }
}
