package io.livepush.encoder.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.livepush.encoder.EncoderUnavailableException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioEncodersTest {
    private final AudioEncoderConfig config = AudioEncoderConfig.defaults();

    private static AudioEncoderProvider provider(String name, int preference, String unavailableReason) {
        AudioEncoderProvider p = mock(AudioEncoderProvider.class);
        when(p.name()).thenReturn(name);
        when(p.preference()).thenReturn(preference);
        when(p.supports(AudioCodec.AAC_LC)).thenReturn(true);
        when(p.unavailableReason()).thenReturn(unavailableReason);
        when(p.open(any())).thenReturn(mock(AudioEncoder.class));
        doCallRealMethod().when(p).requireCanOpen(any()); // the shared checks are the code under test
        return p;
    }

    @Test
    void theRegisteredProvidersIncludeVoAacEnc() {
        assertTrue(AudioEncoders.providers().stream().anyMatch(p -> p.name().equals("vo-aacenc")),
                "META-INF/services registers vo-aacenc");
    }

    @Test
    void anUnknownNameIsRejectedNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AudioEncoders.create("x", config));
        assertTrue(e.getMessage().startsWith("unknown audio encoder 'x' (expected auto, vo-aacenc"), e.getMessage());
        assertEquals("unknown audio encoder 'fdk' (expected auto, b, a)", assertThrows(IllegalArgumentException.class,
                () -> AudioEncoders.create("fdk", config, List.of(provider("a", 1, null), provider("b", 2, null)))).getMessage());
    }

    @Test
    void aBlankNameIsRejected() {
        assertEquals("audio encoder name is blank (expected auto, a)", assertThrows(IllegalArgumentException.class,
                () -> AudioEncoders.create(" ", config, List.of(provider("a", 1, null)))).getMessage());
    }

    @Test
    void autoOpensTheAvailableProviderWithTheHighestPreference() {
        AudioEncoderProvider best = provider("best", 200, "libbest not found: apt-get install libbest0");
        AudioEncoderProvider good = provider("good", 100, null);
        AudioEncoderProvider poor = provider("poor", 10, null);
        AudioEncoder opened = AudioEncoders.create("auto", config, List.of(poor, best, good));
        assertSame(good.open(config), opened);
        verify(best, never()).open(any());
        verify(poor, never()).open(any());
    }

    @Test
    void autoSaysWhichBackendItFellBackToAndWhy() {
        AudioEncoderProvider nativeOne = provider("vo-aacenc", 100, "libvo-aacenc not found: apt-get install libvo-aacenc0");
        AudioEncoderProvider java = provider("java", 10, null);
        AudioEncoders.create("auto", config, List.of(java, nativeOne));
        assertEquals("auto chose java (vo-aacenc: libvo-aacenc not found: apt-get install libvo-aacenc0)",
                AudioEncoders.lastSelectionReport());
    }

    @Test
    void autoWithNothingAvailableNamesWhatToInstallForEachProvider() {
        EncoderUnavailableException e = assertThrows(EncoderUnavailableException.class, () -> AudioEncoders.create("auto", config,
                List.of(provider("vo-aacenc", 100, "vo-aacenc not found: apt-get install libvo-aacenc0"))));
        assertEquals("no audio encoder for AAC_LC can run here (vo-aacenc: vo-aacenc not found: apt-get install libvo-aacenc0)",
                e.getMessage());
    }

    @Test
    void aNamedProviderThatCannotRunSaysWhatToInstall() {
        EncoderUnavailableException e = assertThrows(EncoderUnavailableException.class, () -> AudioEncoders.create("vo-aacenc",
                config, List.of(provider("vo-aacenc", 100, "vo-aacenc not found: apt-get install libvo-aacenc0"))));
        assertEquals("audio encoder 'vo-aacenc' cannot run here: vo-aacenc not found: apt-get install libvo-aacenc0", e.getMessage());
    }

    @Test
    void aNamedProviderIsOpenedEvenWhenAnotherRanksHigher() {
        AudioEncoderProvider a = provider("a", 1, null);
        AudioEncoderProvider b = provider("b", 2, null);
        AudioEncoders.create("a", config, List.of(a, b));
        verify(a).open(config);
        verify(b, never()).open(any());
    }
}
