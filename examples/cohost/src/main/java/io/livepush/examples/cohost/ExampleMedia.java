package io.livepush.examples.cohost;

import io.livepush.capture.MediaClock;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.source.ToneSource;

/**
 * The participants' synthetic camera and microphone: the SDK's test pattern turned to a hue of its
 * own (so each participant's picture is told apart in the mix by its colours) and a steady tone.
 */
final class ExampleMedia {
    /**
     * The size every participant sends: the mixer fits each picture into its region, and side by side
     * on a 1280x720 canvas a region is 640x360, so more pixels would be encoded, sent and decoded only
     * to be scaled away.
     */
    static final int WIDTH = 640;
    static final int HEIGHT = 360;

    private ExampleMedia() {
    }

    /** @return a real-time 640x360 30 fps test pattern with its colours turned by {@code hue} degrees */
    static TestPatternSource pattern(double hue) {
        return TestPatternSource.builder().size(WIDTH, HEIGHT).hueDegrees(hue).clock(new MediaClock()).build();
    }

    /** @return a real-time 48 kHz tone of {@code hz} at 30 % of full scale */
    static ToneSource tone(double hz) {
        return ToneSource.builder().frequencyHz(hz).beepFrequencyHz(hz).amplitude(0.3).clock(new MediaClock()).build();
    }
}
