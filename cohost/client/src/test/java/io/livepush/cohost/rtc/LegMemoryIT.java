package io.livepush.cohost.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.AudioFrame;
import io.livepush.capture.VideoFrame;
import io.livepush.natives.libc.GlibcMalloc;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a closed leg leaves behind, on real webrtc-java: nothing of ours stays reachable, and the
 * native heap in use does not grow with the number of legs opened and closed.
 *
 * <p>Both failed before: webrtc-java pins every data-channel observer for ever (a JNI global
 * reference it never deletes), which kept each closed leg with its decoded-frame pool (one 640x360
 * direct buffer per cycle); and {@code RTCPeerConnection.close()} never releases the native
 * connection (0.36 MB of C heap per leg pair with media). See {@link ClosedPeerConnectionRelease}.
 */
class LegMemoryIT {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;

    private static RtcRuntime runtime;

    @BeforeAll
    static void startRuntime() {
        RtcTestSupport.assumeWebrtc();
        runtime = RtcRuntime.create();
    }

    @AfterAll
    static void stopRuntime() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void closedLegsAndTheirListenersBecomeUnreachable() throws Exception {
        List<WeakReference<Object>> closed = openAndCloseThreePairs();
        awaitNoOpenLegs();
        for (int i = 0; i < 20 && closed.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            Thread.sleep(50);
        }
        for (WeakReference<Object> r : closed) {
            assertNull(r.get(), "still reachable after close: " + r.get());
        }
    }

    /** In its own frame, so no local variable of the caller keeps a leg alive. */
    private static List<WeakReference<Object>> openAndCloseThreePairs() throws Exception {
        List<WeakReference<Object>> closed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ReceivingLeg.Listener listener = new ReceivingLeg.Listener() { };
            closed.add(new WeakReference<>(listener));
            try (RtcTestSupport.LegPair pair = cycle(listener)) {
                closed.add(new WeakReference<>(pair.publisher()));
                closed.add(new WeakReference<>(pair.receiver().get()));
            }
        }
        return closed;
    }

    @Test
    void nativeHeapInUseAndDirectBuffersStayFlatOverTwentyLegCycles() throws Exception {
        assertNull(ClosedPeerConnectionRelease.disabledReason(), "this build is the one the release was verified on");
        GlibcMalloc malloc = GlibcMalloc.load();
        BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).findFirst().orElseThrow();
        ReceivingLeg.Listener listener = new ReceivingLeg.Listener() { };
        for (int i = 0; i < 5; i++) { // warm-up: codecs, arenas and thread caches come up here
            cycle(listener).close();
        }
        awaitNoOpenLegs();
        gc();
        long heapBefore = malloc.mallinfo2().uordblks;
        long directBefore = direct.getMemoryUsed();
        for (int i = 0; i < 20; i++) {
            cycle(listener).close();
        }
        awaitNoOpenLegs();
        gc();
        long heapAfter = malloc.mallinfo2().uordblks;
        long directAfter = direct.getMemoryUsed();
        System.out.printf(Locale.ROOT, "[rtc] 20 leg-pair cycles (640x360 + audio + data): C heap in use %.2f -> %.2f MB"
                + " (%+.0f KB per cycle), direct buffers %.2f -> %.2f MB%n", heapBefore / 1048576.0,
                heapAfter / 1048576.0, (heapAfter - heapBefore) / 1024.0 / 20, directBefore / 1048576.0,
                directAfter / 1048576.0);
        // measured here: +0.36 MB per cycle while closed connections were leaked, +~0.1 MB (allocator
        // caches settling) once released; 3 MB over 20 cycles lies between the two
        assertTrue(heapAfter - heapBefore < 3 * 1024 * 1024,
                "C heap in use grew by " + (heapAfter - heapBefore) / 1024 + " KB over 20 cycles");
        // one 640x360 frame pool buffer per cycle was kept before; allow one pool in flight
        assertTrue(directAfter - directBefore <= 6L * WIDTH * HEIGHT * 3 / 2,
                "direct buffers grew by " + (directAfter - directBefore) / 1024 + " KB");
    }

    /** Connects a pair, sends about half a second of video, audio and data, and hands it back to close. */
    private static RtcTestSupport.LegPair cycle(ReceivingLeg.Listener listener) throws Exception {
        RtcTestSupport.LegPair pair = RtcTestSupport.connect(runtime, PublishingOptions.of(WIDTH, HEIGHT), listener);
        VideoFrame frame = VideoFrame.allocate(WIDTH, HEIGHT, 0);
        try {
            pair.awaitConnected(15, TimeUnit.SECONDS);
            for (int i = 0; i < 15; i++) {
                pair.publisher().pushVideo(frame);
                pair.publisher().pushAudio(new AudioFrame(new short[1920 * 2], 48_000, 2, 0));
                Thread.sleep(33);
            }
            pair.publisher().sendData(new byte[] {1, 2, 3});
            return pair;
        } catch (Exception | Error e) {
            pair.close();
            throw e;
        } finally {
            frame.release();
        }
    }

    private static void awaitNoOpenLegs() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (runtime.openLegCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, runtime.openLegCount(), "legs left open on the runtime");
    }

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
    }
}
