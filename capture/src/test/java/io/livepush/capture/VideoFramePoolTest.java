package io.livepush.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;

class VideoFramePoolTest {
    @Test
    void acquireAndReleaseAThousandTimesAllocatesOneFrame() {
        VideoFramePool pool = new VideoFramePool(64, 32, 4);
        for (int i = 0; i < 1000; i++) {
            VideoFrame f = pool.acquire(i);
            assertEquals(i, f.ptsUs());
            f.release();
        }
        assertEquals(1, pool.allocatedCount());
    }

    @Test
    void aReleasedFrameIsHandedOutAgainWithAFreshReference() {
        VideoFramePool pool = new VideoFramePool(2, 2, 1);
        VideoFrame f = pool.acquire(1);
        f.retain();
        f.release();
        f.release();
        VideoFrame again = pool.acquire(2);
        assertSame(f, again);
        assertTrue(again.isLive());
        assertEquals(2, again.ptsUs());
        again.release();
    }

    @Test
    void framesInFlightBeyondCapacityAreAllocatedAndTheSurplusIsDropped() {
        VideoFramePool pool = new VideoFramePool(16, 16, 3);
        List<VideoFrame> inFlight = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            inFlight.add(pool.acquire(i));
        }
        assertEquals(10, pool.allocatedCount());
        inFlight.forEach(VideoFrame::release);
        for (int round = 0; round < 100; round++) {
            List<VideoFrame> batch = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                batch.add(pool.acquire(i));
            }
            batch.forEach(VideoFrame::release);
        }
        assertEquals(10, pool.allocatedCount(), "three idle frames were kept and reused");
    }

    @Test
    void poolCoveringTheFramesInFlightAllocatesNoMoreUnderACrossThreadLoad() throws Exception {
        VideoFramePool pool = new VideoFramePool(32, 32, 8);
        BlockingQueue<VideoFrame> queue = new ArrayBlockingQueue<>(6);
        Thread consumer = new Thread(() -> {
            try {
                for (int i = 0; i < 2000; i++) {
                    queue.take().release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "consumer");
        consumer.start();
        for (int i = 0; i < 2000; i++) {
            queue.put(pool.acquire(i));
        }
        consumer.join(10_000);
        // at most 6 queued + 1 being released + 1 being acquired are ever in flight
        assertTrue(pool.allocatedCount() <= 8, "allocated " + pool.allocatedCount());
    }

    @Test
    void badPoolParametersAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new VideoFramePool(16, 16, 0));
        assertEquals("pool capacity 0 is not allowed (expected 1..256)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new VideoFramePool(15, 16, 2));
    }
}
