package io.livepush.cohost.server.e2e;

import io.livepush.capture.testing.Ffmpeg;
import java.nio.file.Path;

/**
 * Opens two checks of the co-host server's e2e harness to the co-host example's test: they are
 * package-private in livepush-cohost-server's test-jar, and this class sits in their package for that
 * reason only. Both expect a 1280x720 side-by-side mix of a host (test pattern hue 0, 440 Hz) and a
 * guest (hue 90, 1000 Hz), as {@link MixerNginxIT} makes.
 */
public final class SideBySideMixChecks {
    private SideBySideMixChecks() {
    }

    /** Asserts the host's colours in the left region and the guest's in the right, in some decoded picture. */
    public static void checkColours(Ffmpeg ffmpeg, Path recording) throws Exception {
        MixerNginxIT.checkColours(ffmpeg, recording);
    }

    /** Asserts both tones (and nothing at 700 Hz) in one second of audio from the middle of the recording. */
    public static void checkTones(Path recording) throws Exception {
        MixerNginxIT.checkTones(recording);
    }
}
