package io.livepush.encoder.sei;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SeiSchedulerTest {
    private static List<String> payloads(List<byte[]> nals) {
        List<String> out = new ArrayList<>();
        for (byte[] nal : nals) {
            out.add(new String(SeiUserDataUnregistered.parse(nal).payload(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return out;
    }

    private static byte[] text(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void oncePayloadGoesOnTheNextFrameOnly() {
        SeiScheduler s = new SeiScheduler();
        s.submit(text("a"), SeiRepeat.once());
        assertEquals(List.of("a"), payloads(s.takeFor(false)));
        assertEquals(List.of(), payloads(s.takeFor(false)));
        assertEquals(0, s.pendingCount());
    }

    @Test
    void framesNPayloadGoesOnExactlyNFramesOfAnyKind() {
        SeiScheduler s = new SeiScheduler();
        s.submit(text("n"), SeiRepeat.frames(3));
        assertEquals(List.of("n"), payloads(s.takeFor(true)));
        assertEquals(List.of("n"), payloads(s.takeFor(false)));
        assertEquals(List.of("n"), payloads(s.takeFor(false)));
        assertEquals(List.of(), payloads(s.takeFor(false)));
    }

    @Test
    void keyframesNPayloadWaitsForKeyframesAndGoesOnExactlyN() {
        SeiScheduler s = new SeiScheduler();
        s.submit(text("k"), SeiRepeat.keyframes(2));
        assertEquals(List.of(), payloads(s.takeFor(false)));
        assertEquals(List.of("k"), payloads(s.takeFor(true)));
        assertEquals(List.of(), payloads(s.takeFor(false)));
        assertEquals(List.of("k"), payloads(s.takeFor(true)));
        assertEquals(List.of(), payloads(s.takeFor(true)));
    }

    @Test
    void severalMessagesOnOneFrameComeAsSeparateNalUnitsInSubmissionOrder() {
        SeiScheduler s = new SeiScheduler();
        s.submit(text("1"), SeiRepeat.once());
        s.submit(text("2"), SeiRepeat.keyframes(1));
        s.submit(text("3"), SeiRepeat.frames(2));
        assertEquals(List.of("1", "3"), payloads(s.takeFor(false)));
        assertEquals(List.of("2", "3"), payloads(s.takeFor(true)));
        assertEquals(List.of(), payloads(s.takeFor(true)));
    }

    @Test
    void chosenUuidIsWritten() {
        UUID uuid = UUID.fromString("a1b2c3d4-e5f6-4711-8899-aabbccddeeff");
        SeiScheduler s = new SeiScheduler(uuid, 4);
        s.submit(text("x"), SeiRepeat.once());
        assertEquals(uuid, SeiUserDataUnregistered.parse(s.takeFor(false).get(0)).uuid());
    }

    @Test
    void fullQueueThrowsInsteadOfDroppingAndKeepsWhatWasQueued() {
        SeiScheduler s = new SeiScheduler(SeiUserDataUnregistered.LIVEPUSH_UUID, 2);
        s.submit(text("a"), SeiRepeat.keyframes(1));
        s.submit(text("b"), SeiRepeat.keyframes(1));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.submit(text("c"), SeiRepeat.once()));
        assertTrue(e.getMessage().startsWith("SEI queue is full: 2 messages are waiting for frames (capacity 2)"),
                e.getMessage());
        assertEquals(List.of("a", "b"), payloads(s.takeFor(true)));
        s.submit(text("c"), SeiRepeat.once());
        assertEquals(List.of("c"), payloads(s.takeFor(false)));
    }

    @Test
    void badPayloadIsRejectedAndNothingIsQueued() {
        SeiScheduler s = new SeiScheduler();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.submit(new byte[300], SeiRepeat.once()));
        assertEquals("SEI payload is 300 bytes (expected 1..255)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.submit(text("a"), null));
        assertEquals(0, s.pendingCount());
    }

    @Test
    void payloadIsCopiedAtSubmit() {
        SeiScheduler s = new SeiScheduler();
        byte[] p = text("abc");
        s.submit(p, SeiRepeat.once());
        p[0] = 'z';
        assertArrayEquals(text("abc"), SeiUserDataUnregistered.parse(s.takeFor(false).get(0)).payload());
    }

    @Test
    void concurrentSubmittersLoseNothingAndDuplicateNothing() throws Exception {
        SeiScheduler s = new SeiScheduler(SeiUserDataUnregistered.LIVEPUSH_UUID, 10_000);
        int threads = 4;
        int each = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            int id = t;
            pool.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < each; i++) {
                    s.submit(text(id + ":" + i), SeiRepeat.once());
                }
            });
        }
        start.countDown();
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (seen.size() < threads * each && System.nanoTime() < deadline) {
            seen.addAll(payloads(s.takeFor(false)));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
        Set<String> unique = new HashSet<>(seen);
        assertEquals(threads * each, seen.size());
        assertEquals(threads * each, unique.size());
    }
}
