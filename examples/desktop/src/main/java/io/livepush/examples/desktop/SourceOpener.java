package io.livepush.examples.desktop;

import io.livepush.capture.AudioFormat;
import io.livepush.capture.AudioSource;
import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoSource;
import io.livepush.capture.audio.Microphone;
import io.livepush.capture.source.FrameRate;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.source.ToneSource;
import io.livepush.capture.webrtc.VideoSources;
import java.io.IOException;

/**
 * Opens the chosen sources at the chosen settings, stamped by one {@link MediaClock}: the test
 * pattern, a camera or a screen through {@link VideoSources} (scaled to the size asked), and the
 * tone or a microphone. Opening a device can take a while: call off the event dispatch thread.
 */
public final class SourceOpener {
    private SourceOpener() {
    }

    /**
     * Opens the chosen video source.
     *
     * @param choice the test pattern, a camera or a screen, not null
     * @param s the size and frame rate to deliver (a device's pictures are scaled to the size)
     * @param clock the clock that stamps the frames
     * @return the started video source; the caller owns it
     * @throws IOException when a device cannot be opened (e.g. a {@link io.livepush.capture.camera.CameraException})
     */
    public static VideoSource openVideo(VideoChoice choice, StreamSettings s, MediaClock clock) throws IOException {
        return switch (choice.kind()) {
            case TEST_PATTERN -> TestPatternSource.builder().size(s.width(), s.height()).frameRate(FrameRate.of(s.fps()))
                    .clock(clock).realtime(true).build();
            case CAMERA -> VideoSources.camera(choice.device(), s.width(), s.height(), s.fps(), clock);
            case SCREEN -> VideoSources.screen(choice.device(), s.width(), s.height(), s.fps(), clock);
        };
    }

    /**
     * Opens the chosen sound.
     *
     * @param choice the tone, no sound or a microphone, not null
     * @param format the format the audio encoder wants
     * @param clock the clock that stamps the audio frames
     * @return the started audio source, or {@code null} for no sound; the caller owns it
     * @throws IOException when the microphone cannot be opened
     */
    public static AudioSource openAudio(AudioChoice choice, AudioFormat format, MediaClock clock) throws IOException {
        return switch (choice.kind()) {
            case NONE -> null;
            case TONE -> ToneSource.builder().format(format).clock(clock).realtime(true).build();
            case MICROPHONE -> Microphone.builder().device(choice.device()).format(format).clock(clock).build();
        };
    }
}
