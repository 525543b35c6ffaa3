package io.livepush.encoder.audio.voaacenc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.sun.jna.NativeLong;
import io.livepush.encoder.audio.AudioEncoderConfig;
import io.livepush.encoder.audio.AudioEncoderException;
import io.livepush.natives.voaacenc.VoAacEnc;
import io.livepush.natives.voaacenc.VoAacEncLibrary;
import org.junit.jupiter.api.Test;

/** Codec errors become exceptions that name the call, the vo-aacenc code and the configuration. */
class VoAacEncoderErrorTest {
    @Test
    void aLibraryThatRefusesToHandOutItsApiIsReportedByErrorName() {
        VoAacEncLibrary lib = mock(VoAacEncLibrary.class);
        when(lib.voGetAACEncAPI(any())).thenReturn(new NativeLong(VoAacEnc.VO_ERR_NOT_IMPLEMENT));
        AudioEncoderException e = assertThrows(AudioEncoderException.class,
                () -> new VoAacEncoder(AudioEncoderConfig.defaults(), lib));
        assertEquals("vo-aacenc voGetAACEncAPI returned VO_ERR_NOT_IMPLEMENT (0x80000003) (AAC_LC 48000 Hz 2 ch 128000 bps)",
                e.getMessage());
    }

    @Test
    void returnCodesWithGarbageInTheUpperHalfOfTheRegisterStillCompareByTheirLow32Bits() {
        VoAacEncLibrary lib = mock(VoAacEncLibrary.class);
        when(lib.voGetAACEncAPI(any())).thenReturn(new NativeLong(0xDEAD_BEEF_8000_0004L, true));
        AudioEncoderException e = assertThrows(AudioEncoderException.class,
                () -> new VoAacEncoder(AudioEncoderConfig.defaults(), lib));
        assertEquals("vo-aacenc voGetAACEncAPI returned VO_ERR_INVALID_ARG (0x80000004) (AAC_LC 48000 Hz 2 ch 128000 bps)",
                e.getMessage());
    }
}
