package io.livepush.examples.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.audio.AudioDeviceException;
import io.livepush.capture.camera.CameraException;
import io.livepush.cohost.CohostException;
import io.livepush.cohost.protocol.CohostErrorCode;
import io.livepush.publisher.rtmp.RtmpTimeoutException;
import io.livepush.publisher.rtmp.client.OnStatusCode;
import io.livepush.publisher.rtmp.client.RtmpPublishRejectedException;
import io.livepush.publisher.rtmp.client.RtmpStatus;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMessagesTest {
    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(rejected(OnStatusCode.BAD_NAME), "already live"),
                Arguments.of(rejected(OnStatusCode.PUBLISH_DENIED), "refused the stream key"),
                Arguments.of(rejected(OnStatusCode.CONNECT_REJECTED), "Check the server URL"),
                Arguments.of(new RtmpTimeoutException("connect", Duration.ofSeconds(5)),
                        "did not answer (connect) within 5 s"),
                Arguments.of(new ConnectException("Connection refused: /127.0.0.1:1"), "connection refused"),
                Arguments.of(new UnknownHostException("ingest.invalid"), "'ingest.invalid' could not be found"),
                Arguments.of(new CameraException(CameraException.Reason.BUSY, "EBUSY"), "in use by another program"),
                Arguments.of(new CameraException(CameraException.Reason.NOT_FOUND, "none"), "No camera was found"),
                Arguments.of(new AudioDeviceException("no such source 'x'"), "microphone could not be opened: No such"),
                Arguments.of(new CohostException(CohostErrorCode.FORGED_TOKEN, "sig"), "did not accept the token"),
                Arguments.of(new CohostException(CohostErrorCode.UNKNOWN_USER, "bob"), "not connected to this room"),
                Arguments.of(new IllegalArgumentException("video bitrate 1 bps is not allowed (expected 50000..)"),
                        "Video bitrate 1 bps is not allowed (expected 50000..)"),
                Arguments.of(new NullPointerException(), "Something went wrong: Null pointer exception."));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("failures")
    void eachFailureIsOneOrTwoSentencesWithoutClassNamesOrStackTraces(Throwable error, String expectedWords) {
        String words = ErrorMessages.describe(error);
        assertTrue(words.contains(expectedWords), words);
        assertFalse(words.contains("Exception") || words.contains("\tat ") || words.contains("io.livepush"), words);
        assertTrue(Character.isUpperCase(words.charAt(0)) && words.endsWith("."), words);
        assertTrue(words.length() <= ErrorMessages.MAX_LENGTH, words);
    }

    @Test
    void wrappersFromFuturesAndExecutorsAreLookedThrough() {
        Throwable wrapped = new CompletionException(new ExecutionException(new ConnectException("refused")));
        assertEquals(ErrorMessages.describe(new ConnectException("refused")), ErrorMessages.describe(wrapped));
    }

    @ParameterizedTest
    @EnumSource(CohostErrorCode.class)
    void everyCohostRefusalHasWords(CohostErrorCode code) {
        String words = ErrorMessages.describe(new CohostException(code, "detail"));
        assertFalse(words.contains(code.name()), words);
        assertTrue(words.endsWith("."), words);
    }

    @Test
    void aVeryLongMessageIsCutWithAnEllipsis() {
        String words = ErrorMessages.describe(new IllegalStateException("x".repeat(1000)));
        assertEquals(ErrorMessages.MAX_LENGTH, words.length());
        assertTrue(words.endsWith("\u2026"));
    }

    private static RtmpPublishRejectedException rejected(OnStatusCode code) {
        return new RtmpPublishRejectedException("rtmp://h:1935/live/abcd****", "publish",
                new RtmpStatus(code, code.code(), "error", ""));
    }
}
