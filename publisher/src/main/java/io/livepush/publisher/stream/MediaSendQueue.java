package io.livepush.publisher.stream;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue between the encoders and the network, measured in milliseconds of media rather than in
 * packets, with the drop rule of SPECS.md: when at least {@code 5} packets wait and the queued
 * video spans more than {@code dropThresholdMs}, every queued non-key video frame is dropped and
 * further ones are refused until the next keyframe. Audio and keyframes are never dropped.
 *
 * <p>Encoder threads {@link #offer} packets; the sender thread {@link #take}s them in arrival
 * order. Thread-safe.
 */
final class MediaSendQueue {
    private static final int MIN_PACKETS_FOR_DROP = 5;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<MediaPacket> packets = new ArrayDeque<>();
    private final long dropThresholdUs;
    private boolean waitForKeyframe;
    private long droppedVideoFrames;
    private boolean closed;

    /** @param dropThresholdMs queued video duration above which P frames are dropped */
    MediaSendQueue(long dropThresholdMs) {
        this.dropThresholdUs = dropThresholdMs * 1000L;
    }

    /**
     * Adds a packet, applying the drop rule.
     *
     * @return false when the packet was dropped
     */
    boolean offer(MediaPacket packet) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            if (packet.isVideo()) {
                if (packet.isKeyframe()) {
                    waitForKeyframe = false;
                } else if (waitForKeyframe) {
                    droppedVideoFrames++;
                    return false;
                }
            }
            packets.addLast(packet);
            if (packets.size() >= MIN_PACKETS_FOR_DROP && videoSpanUs() > dropThresholdUs) {
                dropQueuedInterFrames();
                waitForKeyframe = true;
            }
            notEmpty.signal();
            // A non-key video frame is gone if this offer triggered the drop.
            return !packet.isVideo() || packet.isKeyframe() || !waitForKeyframe;
        } finally {
            lock.unlock();
        }
    }

    private void dropQueuedInterFrames() {
        Iterator<MediaPacket> it = packets.iterator();
        while (it.hasNext()) {
            MediaPacket p = it.next();
            if (p.isVideo() && !p.isKeyframe()) {
                it.remove();
                droppedVideoFrames++;
            }
        }
    }

    /** @return the next packet, or {@code null} when none came within the timeout or the queue closed */
    MediaPacket take(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (packets.isEmpty()) {
                if (closed || nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return packets.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** @return the media time the queue spans, in milliseconds (newest minus oldest decoding time) */
    long durationMs() {
        lock.lock();
        try {
            if (packets.size() < 2) {
                return 0;
            }
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (MediaPacket p : packets) {
                min = Math.min(min, p.dtsUs());
                max = Math.max(max, p.dtsUs());
            }
            return (max - min) / 1000L;
        } finally {
            lock.unlock();
        }
    }

    private long videoSpanUs() {
        long first = Long.MIN_VALUE;
        long last = Long.MIN_VALUE;
        for (MediaPacket p : packets) {
            if (p.isVideo()) {
                if (first == Long.MIN_VALUE && !p.isKeyframe()) {
                    first = p.dtsUs();
                }
                last = p.dtsUs();
            }
        }
        return first == Long.MIN_VALUE ? 0 : last - first;
    }

    /** @return how many packets wait */
    int size() {
        lock.lock();
        try {
            return packets.size();
        } finally {
            lock.unlock();
        }
    }

    /** @return video frames dropped by the congestion rule so far */
    long droppedVideoFrames() {
        lock.lock();
        try {
            return droppedVideoFrames;
        } finally {
            lock.unlock();
        }
    }

    /** Refuses further packets and wakes the sender; what is queued can still be taken. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
