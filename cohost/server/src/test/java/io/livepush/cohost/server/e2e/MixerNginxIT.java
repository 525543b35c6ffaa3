package io.livepush.cohost.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.stamp.FrameStamp;
import io.livepush.capture.stamp.LumaPlane;
import io.livepush.capture.stamp.StampMatch;
import io.livepush.capture.testing.Ffmpeg;
import io.livepush.capture.testing.NginxRtmp;
import io.livepush.capture.testing.RecordingFiles;
import io.livepush.cohost.rtc.RtcRuntime;
import io.livepush.cohost.rtc.RtcTestSupport;
import io.livepush.cohost.server.mixer.Mixer;
import io.livepush.cohost.server.mixer.MixerConfig;
import io.livepush.cohost.token.CohostToken;
import io.livepush.publisher.rtmp.server.IngestedMessage;
import io.livepush.publisher.rtmp.server.RtmpIngestConfig;
import io.livepush.publisher.rtmp.server.RtmpIngestServer;
import io.livepush.publisher.stream.LiveStreamConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mixer with real webrtc-java legs from a host and a guest (test pattern of hue 0 / 90, tone
 * 440 / 1000 Hz), pushing to nginx-rtmp and to the in-JVM ingest at once; ffmpeg reads both.
 */
class MixerNginxIT {
    private static final int W = 1280;
    private static final int H = 720;

    @Test
    void hostAndGuestAreMixedSideBySideWithBothTonesKeyframesEveryTwoSecondsAndTheHostsSei(@TempDir Path dir)
            throws Exception {
        RtcTestSupport.assumeWebrtc();
        Ffmpeg ffmpeg = Ffmpeg.require();
        IngestArrivals arrivals = new IngestArrivals();
        Path ingestFile = dir.resolve("ingest.flv");
        Map<String, Long> seiTags = new LinkedHashMap<>();
        double cpuSecondsPerSecond;
        try (NginxRtmp nginx = NginxRtmp.start(dir.resolve("nginx"), null);
                RtmpIngestServer ingest = RtmpIngestServer.start(
                        RtmpIngestConfig.builder().port(0).recordFile(ingestFile).listener(arrivals).build())) {
            LiveStreamConfig out = LiveStreamConfig.builder(nginx.url("mix"))
                    .addDestination("rtmp://127.0.0.1:" + ingest.port() + "/live/mix")
                    .video(MixerConfig.DEFAULT_VIDEO).build();
            try (Mixer mixer = Mixer.start(MixerConfig.builder(out).outputOnStart(false).build());
                    RtcRuntime participants = RtcRuntime.create()) {
                try (DirectParticipant host = DirectParticipant.join(participants, mixer, "host",
                        CohostToken.Role.HOST, 0, 440, W, H);
                        DirectParticipant guest = DirectParticipant.join(participants, mixer, "guest",
                                CohostToken.Role.GUEST, 90, 1000, W, H)) {
                    assertTrue(mixer.awaitPictures(Duration.ofSeconds(10)), "both legs deliver pictures");
                    assertEquals(List.of("host", "guest"), mixer.participants());
                    mixer.startOutput().get(10, TimeUnit.SECONDS);
                    long cpu0 = processCpuNanos();
                    long t0 = System.nanoTime();
                    for (int i = 1; i <= 6; i++) {
                        Thread.sleep(1000);
                        String text = "coupon-" + i;
                        seiTags.put(text, host.sendSei(text.getBytes(StandardCharsets.UTF_8)));
                    }
                    Thread.sleep(2500);
                    cpuSecondsPerSecond = (processCpuNanos() - cpu0) / (double) (System.nanoTime() - t0);
                    mixer.stopOutput();
                }
                assertEquals(0, mixer.pendingHostSei());
            }
            RecordingFiles.awaitSettled(nginx.recording("mix"));
        }
        Path rec = dir.resolve("nginx/rec/mix.flv");
        assertEquals("", ffmpeg.decodeErrors(rec), "the mix at nginx decodes cleanly");
        List<Double> keys = ffmpeg.keyframeTimes(rec);
        assertTrue(keys.size() >= 4, "keyframes " + keys);
        for (int i = 1; i < keys.size(); i++) {
            assertEquals(2.000, keys.get(i) - keys.get(i - 1), 0.0015, "keyframes " + keys);
        }
        List<String> sei = ffmpeg.seiPayloads(rec).stream().map(Ffmpeg.SeiPayload::text)
                .filter(t -> t.startsWith("coupon-")).toList();
        assertEquals(List.copyOf(seiTags.keySet()), sei, "every host SEI payload reached the audience once, in order");

        checkColours(ffmpeg, rec);
        checkTones(rec);
        checkSeiPlacementAndLatency(ffmpeg, ingestFile, arrivals, seiTags);
        System.out.printf(Locale.ROOT, "mixer JVM CPU (mixer + both participants' legs) for two %dx%d@30 participants:"
                + " %.2f CPU-seconds per second (%d cores)%n", W, H, cpuSecondsPerSecond,
                Runtime.getRuntime().availableProcessors());
    }

    static void checkColours(Ffmpeg ffmpeg, Path rec) throws Exception {
        double[] hostRef = MixChecks.referenceSignature(0, W, H);
        double[] guestRef = MixChecks.referenceSignature(90, W, H);
        // Side by side: each 1280x720 picture fitted to 640x360, at y = 180; bars in its upper 2/3.
        int barsTop = 180 + 80;
        int barsHeight = 150;
        int frames = 0;
        double hostOwn = 0;
        double hostOther = 0;
        double guestOwn = 0;
        double guestOther = 0;
        try (Ffmpeg.Frames f = ffmpeg.decodeFrames(rec, W, H)) {
            while (f.hasNext()) {
                byte[] pic = f.next();
                if (++frames % 30 != 0) {
                    continue;
                }
                double[] left = MixChecks.chromaSignature(pic, W, H, 0, barsTop, 640, barsHeight);
                double[] right = MixChecks.chromaSignature(pic, W, H, 640, barsTop, 640, barsHeight);
                hostOwn = Math.max(hostOwn, MixChecks.similarity(left, hostRef));
                hostOther = Math.max(hostOther, MixChecks.similarity(left, guestRef));
                guestOwn = Math.max(guestOwn, MixChecks.similarity(right, guestRef));
                guestOther = Math.max(guestOther, MixChecks.similarity(right, hostRef));
            }
        }
        System.out.printf(Locale.ROOT, "colour match: left=host %.2f (guest %.2f), right=guest %.2f (host %.2f)%n",
                hostOwn, hostOther, guestOwn, guestOther);
        assertTrue(hostOwn > 0.6 && hostOwn > hostOther + 0.25, "host's colours in the left region");
        assertTrue(guestOwn > 0.6 && guestOwn > guestOther + 0.25, "guest's colours in the right region");
    }

    /**
     * Both participants' tones are in the mix and nothing between them: each tone's level is the
     * median over the half-second windows of the steady part (the first and last second left out:
     * legs still starting, output ending), so one window where a leg's audio briefly lagged under
     * load (seen once: 0.051 in the one middle second measured before, against 0.21-0.28 in other
     * runs) does not decide; the tone must be there most of the time.
     */
    static void checkTones(Path rec) throws Exception {
        short[] pcm = MixChecks.decodeAudio(rec);
        assertTrue(pcm.length > 48_000 * 5, "at least 5 s of audio, got " + pcm.length);
        int from = 48_000;
        int to = pcm.length - 48_000;
        List<Double> a440 = MixChecks.toneLevels(pcm, from, to, 440);
        List<Double> a1000 = MixChecks.toneLevels(pcm, from, to, 1000);
        List<Double> a700 = MixChecks.toneLevels(pcm, from, to, 700);
        double m440 = MixChecks.percentile(a440, 0.5);
        double m1000 = MixChecks.percentile(a1000, 0.5);
        double m700 = MixChecks.percentile(a700, 0.5);
        System.out.printf(Locale.ROOT, "tones in the mix, median (min) of %d windows of 0.5 s: 440 Hz %.3f (%.3f),"
                + " 1000 Hz %.3f (%.3f), 700 Hz (neither) %.4f (max %.4f)%n", a440.size(), m440, MixChecks.percentile(a440, 0),
                m1000, MixChecks.percentile(a1000, 0), m700, MixChecks.percentile(a700, 1));
        assertTrue(m440 > 0.1, "host's 440 Hz tone in most windows: " + a440);
        assertTrue(m1000 > 0.1, "guest's 1000 Hz tone in most windows: " + a1000);
        assertTrue(m700 < 0.02, "nothing at 700 Hz in most windows: " + a700);
    }

    /**
     * The in-JVM ingest's recording holds the same encode: coded frame k of the arrivals is decoded
     * frame k. The host stamp found in the host region of decoded frame k gives the host's capture
     * wall-clock; the arrival time of coded frame k minus that is the capture-to-ingest latency.
     */
    static void checkSeiPlacementAndLatency(Ffmpeg ffmpeg, Path ingestFile, IngestArrivals arrivals,
            Map<String, Long> seiTags) throws Exception {
        List<IngestedMessage> coded = arrivals.frames();
        List<Long> stampNumbers = new ArrayList<>();
        List<Double> latencyMs = new ArrayList<>();
        try (Ffmpeg.Frames f = ffmpeg.decodeFrames(ingestFile, W, H)) {
            int k = 0;
            while (f.hasNext()) {
                byte[] pic = f.next();
                Optional<StampMatch> m = FrameStamp.search(LumaPlane.of(pic, W, 640, H), 8.0);
                stampNumbers.add(m.map(s -> s.stamp().frameNumber()).orElse(-1L));
                if (m.isPresent() && k < coded.size()) {
                    latencyMs.add((coded.get(k).arrivalEpochMicros() - m.get().stamp().wallClockUs()) / 1000.0);
                }
                k++;
            }
        }
        assertEquals(coded.size(), stampNumbers.size(), "one decoded picture per coded frame");
        for (Map.Entry<String, Long> e : seiTags.entrySet()) {
            int k = arrivals.frameCarrying(e.getKey());
            assertTrue(k >= 0, e.getKey() + " not found at the ingest");
            long shown = stampNumbers.get(k);
            assertTrue(shown >= e.getValue() && shown <= e.getValue() + 2, e.getKey() + " tagged for host frame "
                    + e.getValue() + " rides on the mixed frame showing host frame " + shown);
            assertTrue(k == 0 || stampNumbers.get(k - 1) < e.getValue(), e.getKey()
                    + ": the previous mixed frame already showed host frame " + stampNumbers.get(k - 1));
        }
        assertTrue(latencyMs.size() > coded.size() * 0.9, "host stamps read in " + latencyMs.size() + " of "
                + coded.size() + " frames");
        double p50 = MixChecks.percentile(latencyMs, 0.5);
        double p95 = MixChecks.percentile(latencyMs, 0.95);
        System.out.printf(Locale.ROOT, "latency host capture -> mixed frame at the ingest: p50 %.0f ms, p95 %.0f ms"
                + " (%d frames)%n", p50, p95, latencyMs.size());
        assertTrue(p95 <= 1000, "p95 latency " + p95 + " ms (target <= 500; this guard only catches queues building up)");
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
