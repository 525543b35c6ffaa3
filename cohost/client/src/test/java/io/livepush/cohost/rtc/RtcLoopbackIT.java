package io.livepush.cohost.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.AudioFrame;
import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.source.ToneSource;
import io.livepush.capture.stamp.FrameStamp;
import io.livepush.capture.stamp.LumaPlane;
import io.livepush.capture.stamp.Stamp;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A {@link PublishingLeg} and a {@link ReceivingLeg} in one JVM on real webrtc-java over loopback:
 * stamped test-pattern video, a tone and data messages go through and are checked on arrival.
 * Latency is measured push-to-sink per frame, identified by the {@link FrameStamp} drawn into its
 * pixels (webrtc rewrites timestamps).
 */
class RtcLoopbackIT {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final long TIMEOUT_S = 15;

    private static MediaClock clock;
    private static RtcRuntime runtime;

    @BeforeAll
    static void startRuntime() {
        RtcTestSupport.assumeWebrtc();
        clock = new MediaClock();
        runtime = RtcRuntime.create(clock);
    }

    @AfterAll
    static void stopRuntime() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @ParameterizedTest
    @EnumSource(VideoCodec.class)
    void stampedFramesArriveInOrderWithLowLatency(VideoCodec codec) throws Exception {
        Map<Long, Long> pushedAtNs = new ConcurrentHashMap<>();
        List<long[]> arrivals = new CopyOnWriteArrayList<>(); // {frame number, latency ns}
        ReceivingLeg.Listener listener = new ReceivingLeg.Listener() {
            @Override
            public void onVideo(VideoFrame frame) {
                long now = System.nanoTime();
                try {
                    Optional<Stamp> stamp = FrameStamp.read(LumaPlane.of(frame), 0, 0, FrameStamp.DEFAULT_CELL_SIZE);
                    stamp.ifPresent(s -> {
                        Long pushed = pushedAtNs.get(s.frameNumber());
                        if (pushed != null) {
                            arrivals.add(new long[] {s.frameNumber(), now - pushed});
                        }
                    });
                } finally {
                    frame.release();
                }
            }
        };
        PublishingOptions options = PublishingOptions.of(WIDTH, HEIGHT).withCodec(codec);
        try (RtcTestSupport.LegPair pair = RtcTestSupport.connect(runtime, options, listener);
                TestPatternSource video = TestPatternSource.builder().size(WIDTH, HEIGHT).clock(clock).build()) {
            ReceivingLeg receiver = pair.awaitConnected(TIMEOUT_S, TimeUnit.SECONDS);
            long cpuBefore = processCpuNs();
            long wallBefore = System.nanoTime();
            int pushed = 0;
            for (; pushed < 150; pushed++) { // 5 s at 30 fps
                VideoFrame f = video.read();
                try {
                    pushedAtNs.put((long) pushed, System.nanoTime());
                    pair.publisher().pushVideo(f);
                } finally {
                    f.release();
                }
            }
            Thread.sleep(300);
            double cpuShare = (processCpuNs() - cpuBefore) / (double) (System.nanoTime() - wallBefore);

            List<Long> latencies = new ArrayList<>();
            long last = -1;
            for (long[] a : arrivals) {
                assertTrue(a[0] > last, "frame " + a[0] + " arrived after frame " + last);
                last = a[0];
                latencies.add(a[1]);
            }
            Collections.sort(latencies);
            assertTrue(arrivals.size() >= pushed * 0.8, codec + ": only " + arrivals.size() + " of " + pushed
                    + " stamped frames arrived readable (decoded " + receiver.videoFramesReceived() + ")");
            double medianMs = latencies.get(latencies.size() / 2) / 1e6;
            double p95Ms = latencies.get((int) (latencies.size() * 0.95)) / 1e6;
            System.out.printf("[rtc] %s %dx%d: %d/%d stamped frames, push->sink median %.1f ms, p95 %.1f ms, "
                    + "max %.1f ms, process CPU %.0f%% of one core%n", codec, WIDTH, HEIGHT, arrivals.size(), pushed,
                    medianMs, p95Ms, latencies.get(latencies.size() - 1) / 1e6, cpuShare * 100);
            assertTrue(medianMs < 250, codec + ": median push->sink latency " + medianMs
                    + " ms is beyond the co-host budget for one leg (250 ms)");
        }
    }

    @Test
    void toneArrivesAtItsFrequency() throws Exception {
        List<AudioFrame> received = new CopyOnWriteArrayList<>();
        ReceivingLeg.Listener listener = new ReceivingLeg.Listener() {
            @Override
            public void onAudio(AudioFrame frame) {
                received.add(frame);
            }
        };
        // 7 ms blocks (336 samples) so the leg has to cut them into webrtc's 10 ms blocks
        try (RtcTestSupport.LegPair pair = RtcTestSupport.connect(runtime, PublishingOptions.of(WIDTH, HEIGHT), listener);
                ToneSource tone = ToneSource.builder().frequencyHz(440).amplitude(0.3).beepDurationUs(0)
                        .samplesPerFrame(336).clock(clock).build()) {
            pair.awaitConnected(TIMEOUT_S, TimeUnit.SECONDS);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() < end) {
                pair.publisher().pushAudio(tone.read());
            }
            Thread.sleep(200);
        }
        assertTrue(!received.isEmpty(), "no audio arrived");
        AudioFrame first = received.get(0);
        assertEquals(48_000, first.sampleRate(), "received sample rate");
        // the last 1.5 s of what arrived (the start holds silence while the jitter buffer fills)
        int channels = first.channels();
        List<Short> left = new ArrayList<>();
        for (AudioFrame f : received) {
            short[] s = f.samples();
            for (int i = 0; i < s.length; i += channels) {
                left.add(s[i]);
            }
        }
        int window = 72_000;
        assertTrue(left.size() > window, "only " + left.size() + " samples arrived");
        List<Short> tail = left.subList(left.size() - window, left.size());
        int crossings = 0;
        double energy = 0;
        for (int i = 1; i < tail.size(); i++) {
            if ((tail.get(i - 1) < 0) != (tail.get(i) < 0)) {
                crossings++;
            }
            energy += tail.get(i) * (double) tail.get(i);
        }
        double hz = crossings / 2.0 / (window / 48_000.0);
        double rms = Math.sqrt(energy / window) / 32768.0;
        System.out.printf("[rtc] audio: %d frames, %d ch, %.1f Hz measured (sent 440 Hz), RMS %.3f (sent %.3f)%n",
                received.size(), channels, hz, rms, 0.3 / Math.sqrt(2));
        assertEquals(440, hz, 5, "frequency of the received tone");
        assertTrue(rms > 0.1, "received tone RMS " + rms + " is far below what was sent");
    }

    @Test
    void dataMessagesArriveInOrderIncludingThoseSentBeforeTheChannelOpened() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        ReceivingLeg.Listener listener = new ReceivingLeg.Listener() {
            @Override
            public void onData(byte[] message) {
                received.add(new String(message, StandardCharsets.UTF_8));
            }
        };
        List<String> sent = new ArrayList<>();
        try (RtcTestSupport.LegPair pair = RtcTestSupport.connect(runtime, PublishingOptions.of(WIDTH, HEIGHT), listener)) {
            for (int i = 0; i < 50; i++) {
                sent.add("early-" + i);
                pair.publisher().sendData(sent.get(sent.size() - 1).getBytes(StandardCharsets.UTF_8));
            }
            pair.awaitConnected(TIMEOUT_S, TimeUnit.SECONDS);
            for (int i = 0; i < 500; i++) {
                sent.add("message-" + i + "-" + "x".repeat(i % 200));
                pair.publisher().sendData(sent.get(sent.size() - 1).getBytes(StandardCharsets.UTF_8));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (received.size() < sent.size() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertEquals(sent, received);
    }

    private static long processCpuNs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
