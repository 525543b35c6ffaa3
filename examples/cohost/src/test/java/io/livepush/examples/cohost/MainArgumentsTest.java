package io.livepush.examples.cohost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad command lines are refused before anything is started, saying what was given and what is expected. */
class MainArgumentsTest {
    static Stream<Arguments> wrongArgumentCounts() {
        return Stream.of(
                Arguments.of("MixerMain", (Executable) () -> MixerMain.main(new String[] {"secret"}),
                        "1 arguments given (expected SECRET_FILE OUTPUT_URL [PORT])"),
                Arguments.of("HostMain", (Executable) () -> HostMain.main(new String[] {"a", "b", "c", "d"}),
                        "4 arguments given (expected SIGNALING_URI SECRET_FILE [GUEST_ID])"),
                Arguments.of("GuestMain", (Executable) () -> GuestMain.main(new String[0]),
                        "0 arguments given (expected SIGNALING_URI SECRET_FILE [USER_ID])"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongArgumentCounts")
    void aWrongArgumentCountIsRefusedWithTheUsage(String main, Executable call, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void theMixerRefusesAPortOutOfRange(@TempDir Path dir) throws Exception {
        Path secret = Files.write(dir.resolve("secret"), new byte[32]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MixerMain.main(new String[] {secret.toString(), "rtmp://127.0.0.1/live/show", "70000"}));
        assertEquals("port '70000' is not allowed (expected 1..65535)", e.getMessage());
    }

    @Test
    void theMixerRefusesAnOutputThatIsNotAnRtmpUrl(@TempDir Path dir) throws Exception {
        Path secret = Files.write(dir.resolve("secret"), new byte[32]);
        assertThrows(IllegalArgumentException.class,
                () -> MixerMain.main(new String[] {secret.toString(), "http://127.0.0.1/live/show"}));
    }

    @Test
    void aParticipantRefusesASignalingUriThatIsNotWebSocket(@TempDir Path dir) throws Exception {
        Path secret = Files.write(dir.resolve("secret"), new byte[32]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GuestMain.main(new String[] {"http://127.0.0.1:8443/cohost", secret.toString()}));
        assertEquals("URI scheme is 'http' (expected ws or wss)", e.getMessage());
    }
}
