package io.livepush.cohost.server.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.testing.Ffmpeg;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the co-host server's e2e mix checks to the co-host example's test: they are package-private
 * in livepush-cohost-server's test-jar ({@link MixChecks}, {@link MixerNginxIT}), and this class sits
 * in their package for that reason only. The checks expect a 1280x720 side-by-side mix of a host
 * (test pattern hue 0, 440 Hz) and a guest (hue 90, 1000 Hz), as {@link MixerNginxIT} makes, and
 * look at the end of the recording, where both are in the mix.
 */
public final class SideBySideMixChecks {
    private static final int W = 1280;
    private static final int H = 720;
    /** Side by side, each picture is fitted to 640x360 at y = 180; the pattern's bars are in its upper part. */
    private static final int BARS_TOP = 180 + 80;
    private static final int BARS_HEIGHT = 150;

    private SideBySideMixChecks() {
    }

    /**
     * Asserts the host's colours in the left region and the guest's in the right over the last
     * {@code seconds} of the recording (less its final half second), by the median over two
     * pictures a second of the colour-signature similarity ({@link MixChecks#chromaSignature}).
     *
     * @return the medians: left vs host, left vs guest, right vs guest, right vs host (0..1)
     */
    public static double[] checkColoursAtTheEnd(Ffmpeg ffmpeg, Path recording, int seconds) throws Exception {
        double[] hostRef = MixChecks.referenceSignature(0, W, H);
        double[] guestRef = MixChecks.referenceSignature(90, W, H);
        int frames = ffmpeg.videoPacketCount(recording);
        int to = frames - 15;
        int from = to - seconds * 30;
        assertTrue(from >= 0, "at least " + seconds + ".5 s of video, got " + frames + " frames");
        List<List<Double>> similarity = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try (Ffmpeg.Frames f = ffmpeg.decodeFrames(recording, W, H)) {
            for (int i = 0; f.hasNext(); i++) {
                byte[] pic = f.next();
                if (i < from || i >= to || (i - from) % 15 != 0) {
                    continue;
                }
                double[] left = MixChecks.chromaSignature(pic, W, H, 0, BARS_TOP, W / 2, BARS_HEIGHT);
                double[] right = MixChecks.chromaSignature(pic, W, H, W / 2, BARS_TOP, W / 2, BARS_HEIGHT);
                similarity.get(0).add(MixChecks.similarity(left, hostRef));
                similarity.get(1).add(MixChecks.similarity(left, guestRef));
                similarity.get(2).add(MixChecks.similarity(right, guestRef));
                similarity.get(3).add(MixChecks.similarity(right, hostRef));
            }
        }
        double[] m = similarity.stream().mapToDouble(l -> MixChecks.percentile(l, 0.5)).toArray();
        assertTrue(m[0] > 0.6 && m[0] > m[1] + 0.25, "host's colours in the left region: host " + m[0] + ", guest " + m[1]);
        assertTrue(m[2] > 0.6 && m[2] > m[3] + 0.25, "guest's colours in the right region: guest " + m[2] + ", host " + m[3]);
        return m;
    }

    /**
     * Asserts both tones, and nothing at 700 Hz, in the last {@code seconds} of the recording (less its
     * final half second), by the median level over its one-second windows, so that one window with
     * a gap in a participant's sound (a loaded machine) does not decide.
     *
     * @return the median levels at 440, 1000 and 700 Hz, 0..1 of full scale
     */
    public static double[] checkTonesAtTheEnd(Path recording, int seconds) throws Exception {
        short[] pcm = MixChecks.decodeAudio(recording);
        int n = 48_000;
        int end = pcm.length - n / 2;
        assertTrue(end - seconds * n >= 0, "at least " + seconds + ".5 s of audio, got " + pcm.length + " samples");
        double[] hz = {440, 1000, 700};
        double[] median = new double[hz.length];
        for (int t = 0; t < hz.length; t++) {
            List<Double> levels = new ArrayList<>();
            for (int from = end - seconds * n; from + n <= end; from += n) {
                levels.add(MixChecks.toneLevel(pcm, from, n, hz[t]));
            }
            median[t] = MixChecks.percentile(levels, 0.5);
        }
        assertTrue(median[0] > 0.1, "host's 440 Hz tone, median level " + median[0]);
        assertTrue(median[1] > 0.1, "guest's 1000 Hz tone, median level " + median[1]);
        assertTrue(median[2] < 0.02, "nothing at 700 Hz, median level " + median[2]);
        return median;
    }
}
