package io.livepush.capture.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.AudioFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MicrophoneBuilderTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "hw:0\n", "bad\u0000name"})
    void blankOrControlCharacterDeviceNamesAreRefused(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Microphone.builder().device(name));
        assertTrue(e.getMessage().contains("AudioDevices.list()"), e.getMessage());
    }

    @Test
    void framesLongerThan20MsAndOddDeviceRatesAreRefusedNamingTheLimits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Microphone.builder().format(new AudioFormat(44_100, 1)).samplesPerFrame(1000));
        assertTrue(e.getMessage().contains("1..882"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Microphone.builder().deviceRate(999));
        assertTrue(e.getMessage().contains("0 or 1000..768000"), e.getMessage());
    }

    @Test
    void aPulseServerThatIsNotThereIsAnAudioDeviceExceptionNamingIt() {
        AudioDeviceException e = assertThrows(AudioDeviceException.class, () -> Microphone.builder()
                .backend(AudioBackend.PULSE).pulseServer("unix:/nonexistent/livepush/native").build());
        assertTrue(e.getMessage().contains("unix:/nonexistent/livepush/native"), e.getMessage());
    }

    @Test
    void deviceDescriptionsNameBackendNameAndShape() {
        assertEquals("pulse  test_sink.monitor  (Monitor of Null Output, 48000 Hz 2 ch)",
                new AudioDevice("test_sink.monitor", "Monitor of Null Output", AudioBackend.PULSE, 48_000, 2).describe());
        assertEquals("alsa  default", new AudioDevice("default", "", AudioBackend.ALSA, 0, 0).describe());
        assertThrows(IllegalArgumentException.class, () -> new AudioDevice("x", "", AudioBackend.AUTO, 0, 0));
    }
}
