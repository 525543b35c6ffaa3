package io.livepush.cohost.rtc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.VideoFrame;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opening and closing legs on real webrtc-java: many cycles on one runtime stay flat, closing at
 * awkward moments is safe, a vanished peer is noticed, and a runtime closes the legs left open.
 */
class RtcLifecycleIT {
    private static final int WIDTH = 320;
    private static final int HEIGHT = 180;
    private static final long TIMEOUT_S = 15;

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
    void twentyOpenCloseCyclesKeepThreadsAndHeapFlat() throws Exception {
        AtomicInteger framesSeen = new AtomicInteger();
        ReceivingLeg.Listener listener = new ReceivingLeg.Listener() {
            @Override
            public void onVideo(VideoFrame frame) {
                framesSeen.incrementAndGet();
                frame.release();
            }
        };
        cycle(listener); // warm-up: native library, codecs and factory threads come up here
        cycle(listener);
        int threadsBefore = settledThreadCount();
        long heapBefore = usedHeapAfterGc();
        long rssBefore = rssKb();
        for (int i = 0; i < 20; i++) {
            cycle(listener);
        }
        int threadsAfter = settledThreadCount();
        long heapAfter = usedHeapAfterGc();
        long rssAfter = rssKb();
        System.out.printf("[rtc] 20 leg-pair cycles: threads %d -> %d, heap %.1f -> %.1f MB, RSS %.1f -> %.1f MB, "
                + "%d frames decoded%n", threadsBefore, threadsAfter, heapBefore / 1e6, heapAfter / 1e6,
                rssBefore / 1024.0, rssAfter / 1024.0, framesSeen.get());
        assertEquals(0, runtime.openLegCount(), "legs left registered on the runtime");
        assertTrue(threadsAfter <= threadsBefore + 2, "threads grew from " + threadsBefore + " to " + threadsAfter);
        assertTrue(heapAfter - heapBefore < 32_000_000, "heap grew by " + (heapAfter - heapBefore) / 1e6 + " MB");
        // closed peer connections are freed and the C heap stays flat (LegMemoryIT asserts that), but
        // RSS still moved -9 MB and +42 MB in two runs here, for reasons not yet found; this bound
        // only catches leaked native frames (hundreds of MB)
        assertTrue(rssAfter - rssBefore < 150 * 1024, "native memory grew by " + (rssAfter - rssBefore) / 1024 + " MB");
        assertTrue(framesSeen.get() > 0, "no frame made it through any cycle");
    }

    private static void cycle(ReceivingLeg.Listener listener) throws Exception {
        VideoFrame frame = VideoFrame.allocate(WIDTH, HEIGHT, 0);
        try (RtcTestSupport.LegPair pair = RtcTestSupport.connect(runtime, PublishingOptions.of(WIDTH, HEIGHT), listener)) {
            pair.awaitConnected(TIMEOUT_S, TimeUnit.SECONDS);
            for (int i = 0; i < 10; i++) {
                pair.publisher().pushVideo(frame);
                Thread.sleep(10);
            }
            pair.publisher().sendData(new byte[] {1, 2, 3});
        } finally {
            frame.release();
        }
    }

    @Test
    void closingWhileConnectingIsSafeAndFailsTheConnectedFuture() throws Exception {
        RtcTestSupport.LegPair pair = RtcTestSupport.connect(runtime, PublishingOptions.of(WIDTH, HEIGHT),
                new ReceivingLeg.Listener() { });
        pair.close();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> pair.publisher().connected().get(TIMEOUT_S, TimeUnit.SECONDS));
        assertInstanceOf(RtcLegException.class, e.getCause());
        // the runtime is unharmed: a new pair connects at once
        try (RtcTestSupport.LegPair next = RtcTestSupport.connect(runtime, PublishingOptions.of(WIDTH, HEIGHT),
                new ReceivingLeg.Listener() { })) {
            next.awaitConnected(TIMEOUT_S, TimeUnit.SECONDS);
        }
        waitForNoOpenLegs();
    }

    @Test
    void closeIsIdempotentAndCallsAfterCloseDoNoHarm() throws Exception {
        RtcTestSupport.LegPair pair = RtcTestSupport.connect(runtime, PublishingOptions.of(WIDTH, HEIGHT),
                new ReceivingLeg.Listener() { });
        ReceivingLeg receiver = pair.awaitConnected(TIMEOUT_S, TimeUnit.SECONDS);
        PublishingLeg publisher = pair.publisher();
        publisher.close();
        publisher.close();
        receiver.close();
        receiver.close();
        VideoFrame frame = VideoFrame.allocate(WIDTH, HEIGHT, 0);
        try {
            assertDoesNotThrow(() -> publisher.pushVideo(frame), "a frame pushed after close is dropped");
        } finally {
            frame.release();
        }
        assertThrows(IllegalStateException.class, () -> publisher.sendData(new byte[] {1}));
        assertDoesNotThrow(() -> publisher.addRemoteCandidate("0", 0, "candidate:1 1 udp 1 127.0.0.1 9 typ host"));
        assertDoesNotThrow(() -> receiver.addRemoteCandidate("0", 0, "candidate:1 1 udp 1 127.0.0.1 9 typ host"));
        assertEquals("closed locally", publisher.disconnected().get(1, TimeUnit.SECONDS));
        waitForNoOpenLegs();
    }

    @Test
    void badCallsOnAnOpenLegAreRefusedWithoutHarmingIt() throws Exception {
        try (RtcTestSupport.LegPair pair = RtcTestSupport.connect(runtime, PublishingOptions.of(WIDTH, HEIGHT),
                new ReceivingLeg.Listener() { })) {
            pair.awaitConnected(TIMEOUT_S, TimeUnit.SECONDS);
            PublishingLeg publisher = pair.publisher();
            VideoFrame wrongSize = VideoFrame.allocate(WIDTH * 2, HEIGHT, 0);
            try {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> publisher.pushVideo(wrongSize));
                assertTrue(e.getMessage().contains("640x180"), e.getMessage());
            } finally {
                wrongSize.release();
            }
            assertThrows(IllegalArgumentException.class, () -> publisher.pushAudio(
                    new io.livepush.capture.AudioFrame(new short[441], 44_100, 1, 0)));
            assertThrows(IllegalArgumentException.class, () -> publisher.sendData(new byte[0]));
            assertThrows(IllegalArgumentException.class, () -> publisher.setRemoteDescription("offer", "v=0"));
            assertThrows(IllegalArgumentException.class, () -> publisher.addRemoteCandidate("0", -1, "candidate:x"));
            assertTrue(publisher.connected().isDone() && !publisher.connected().isCompletedExceptionally());
            assertTrue(!publisher.disconnected().isDone(), "a bad call disconnected the leg");
        }
    }

    @Test
    void aPublisherThatGoesAwayMidSessionIsReportedOnTheReceivingSideWithinSeconds() throws Exception {
        CompletableFuture<String> why = new CompletableFuture<>();
        CompletableFuture<byte[]> firstMessage = new CompletableFuture<>();
        RtcTestSupport.LegPair pair = RtcTestSupport.connect(runtime, PublishingOptions.of(WIDTH, HEIGHT),
                new ReceivingLeg.Listener() {
                    @Override
                    public void onData(byte[] message) {
                        firstMessage.complete(message);
                    }

                    @Override
                    public void onDisconnected(String reason) {
                        why.complete(reason);
                    }
                });
        try {
            pair.awaitConnected(TIMEOUT_S, TimeUnit.SECONDS);
            pair.publisher().sendData(new byte[] {42});
            firstMessage.get(TIMEOUT_S, TimeUnit.SECONDS); // the session is fully up, data channel included
            long start = System.nanoTime();
            pair.publisher().close(); // no goodbye on any signaling channel
            String reason = why.get(3, TimeUnit.SECONDS);
            System.out.printf("[rtc] publisher gone mid-session noticed after %.0f ms: %s%n",
                    (System.nanoTime() - start) / 1e6, reason);
        } finally {
            pair.close();
        }
        waitForNoOpenLegs();
    }

    @Test
    void aPublisherGoneRightAfterConnectingIsReportedOnTheReceivingSide() throws Exception {
        CompletableFuture<String> why = new CompletableFuture<>();
        RtcTestSupport.LegPair pair = RtcTestSupport.connect(runtime, PublishingOptions.of(WIDTH, HEIGHT),
                new ReceivingLeg.Listener() {
                    @Override
                    public void onDisconnected(String reason) {
                        why.complete(reason);
                    }
                });
        try {
            pair.awaitConnected(TIMEOUT_S, TimeUnit.SECONDS);
            long start = System.nanoTime();
            pair.publisher().close();
            String reason = why.get(TIMEOUT_S, TimeUnit.SECONDS);
            System.out.printf("[rtc] publisher gone right after connecting noticed after %.0f ms: %s%n",
                    (System.nanoTime() - start) / 1e6, reason);
        } finally {
            pair.close();
        }
        waitForNoOpenLegs();
    }

    @Test
    void closingARuntimeClosesItsOpenLegsAndRefusesNewOnes() throws Exception {
        RtcRuntime own = RtcRuntime.create();
        RtcTestSupport.LegPair pair = RtcTestSupport.connect(own, PublishingOptions.of(WIDTH, HEIGHT), new ReceivingLeg.Listener() { });
        pair.awaitConnected(TIMEOUT_S, TimeUnit.SECONDS);
        assertEquals(2, own.openLegCount());
        own.close();
        own.close();
        assertEquals(0, own.openLegCount());
        assertTrue(own.isClosed());
        assertThrows(IllegalStateException.class, () -> PublishingLeg.open(own, new LegSignaling() {
            @Override
            public void sendDescription(String type, String sdp) {
            }

            @Override
            public void sendCandidate(String sdpMid, int sdpMLineIndex, String candidate) {
            }
        }, WIDTH, HEIGHT));
    }

    private static void waitForNoOpenLegs() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (runtime.openLegCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, runtime.openLegCount(), "legs left open on the runtime");
    }

    /** Waits for leg event threads to finish, then counts live threads. */
    private static int settledThreadCount() throws InterruptedException {
        int count = Thread.activeCount();
        for (int i = 0; i < 50; i++) {
            Thread.sleep(40);
            int now = ManagementFactory.getThreadMXBean().getThreadCount();
            if (now == count) {
                return now;
            }
            count = now;
        }
        return count;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long rssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
