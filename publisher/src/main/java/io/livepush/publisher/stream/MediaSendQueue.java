package io.livepush.publisher.stream;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue between the encoders and one output, measured in milliseconds of media rather than in
 * packets, with the drop rules of SPECS.md (as OBS applies them). When at least {@code 5} packets
 * wait and the queued video (newest decoding time minus the first queued non-key frame's) spans
 *
 * <ul>
 *   <li>more than {@code dropThresholdMs - 200}: the queued disposable frames (not used as a
 *       reference by any other frame) are dropped;
 *   <li>more than {@code dropThresholdMs} (900 ms by default): every queued non-key video frame is
 *       dropped and further ones are refused until the next keyframe.
 * </ul>
 * Audio and keyframes are never dropped by these rules. While the output is disconnected,
 * {@link #trimForOutage()} keeps memory bounded: a reconnect restarts at a keyframe, so everything
 * queued before the newest keyframe, audio included, is dropped (and counted apart); without a
 * keyframe queued, non-key video is dropped and audio older than {@value #OUTAGE_AUDIO_MS} ms.
 *
 * <p>A dropped packet that carries SEI payloads sent through {@link LiveStream#sendSei} is handed to
 * the {@link SeiLoss} given at construction, with the rule that dropped it, so that the loss is
 * reported instead of silent; so are such packets still queued when the output is done
 * ({@link #discardRemaining()}).
 *
 * <p>Encoder threads {@link #offer} packets; the output's thread {@link #take}s them in arrival
 * order. Thread-safe.
 */
final class MediaSendQueue {
    static final int MIN_PACKETS_FOR_DROP = 5;
    static final long DISPOSABLE_MARGIN_MS = 200;
    static final long OUTAGE_AUDIO_MS = 2000;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<MediaPacket> packets = new ArrayDeque<>();
    private final long dropThresholdUs;
    private final long disposableThresholdUs;
    private boolean waitForKeyframe;
    /** Why inter frames are refused while {@link #waitForKeyframe}: congestion or an outage. */
    private SeiDropReason waitReason = SeiDropReason.CONGESTION;
    private long droppedVideoFrames;
    private long droppedDuringOutage;
    private long droppedAudioDuringOutage;
    private boolean closed;
    private final SeiLoss seiLoss;

    /** Told about each dropped packet that carries SEI payloads; called under the queue's lock, must not block. */
    @FunctionalInterface
    interface SeiLoss {
        /** Nothing is reported. */
        SeiLoss NONE = (packet, reason) -> { };

        /**
         * @param packet the dropped packet, with at least one SEI payload
         * @param reason the rule that dropped it
         */
        void lost(MediaPacket packet, SeiDropReason reason);
    }

    /** @param dropThresholdMs queued video duration above which P frames are dropped */
    MediaSendQueue(long dropThresholdMs) {
        this(dropThresholdMs, SeiLoss.NONE);
    }

    /**
     * @param dropThresholdMs queued video duration above which P frames are dropped
     * @param seiLoss told about dropped packets that carry SEI payloads
     */
    MediaSendQueue(long dropThresholdMs, SeiLoss seiLoss) {
        this.seiLoss = seiLoss;
        this.dropThresholdUs = dropThresholdMs * 1000L;
        this.disposableThresholdUs = Math.max(0, dropThresholdMs - DISPOSABLE_MARGIN_MS) * 1000L;
    }

    /**
     * Adds a packet, applying the drop rules.
     *
     * @return false when the packet was dropped
     */
    boolean offer(MediaPacket packet) {
        lock.lock();
        try {
            if (closed) {
                lost(packet, SeiDropReason.UNSENT_AT_CLOSE);
                return false;
            }
            if (packet.isVideo()) {
                if (packet.isKeyframe()) {
                    waitForKeyframe = false;
                } else if (waitForKeyframe) {
                    droppedVideoFrames++;
                    lost(packet, waitReason);
                    return false;
                }
            }
            packets.addLast(packet);
            if (packets.size() >= MIN_PACKETS_FOR_DROP) {
                long span = videoSpanUs();
                if (span > dropThresholdUs) {
                    dropQueued(false);
                    waitForKeyframe = true;
                    waitReason = SeiDropReason.CONGESTION;
                } else if (span > disposableThresholdUs) {
                    dropQueued(true);
                }
            }
            notEmpty.signal();
            return packets.peekLast() == packet;
        } finally {
            lock.unlock();
        }
    }

    private void dropQueued(boolean disposableOnly) {
        Iterator<MediaPacket> it = packets.iterator();
        while (it.hasNext()) {
            MediaPacket p = it.next();
            if (p.isVideo() && !p.isKeyframe() && (!disposableOnly || p.isDisposable())) {
                it.remove();
                droppedVideoFrames++;
                lost(p, SeiDropReason.CONGESTION);
            }
        }
    }

    /**
     * Bounds the backlog while the output has no connection (see the class comment).
     *
     * @return packets dropped by this call
     */
    int trimForOutage() {
        lock.lock();
        try {
            MediaPacket newestKey = null;
            MediaPacket newest = packets.peekLast();
            for (MediaPacket p : packets) {
                if (p.isKeyframe()) {
                    newestKey = p;
                }
            }
            int dropped = 0;
            Iterator<MediaPacket> it = packets.iterator();
            while (it.hasNext()) {
                MediaPacket p = it.next();
                if (p == newestKey) {
                    break;
                }
                boolean drop = newestKey != null || (p.isVideo() && !p.isKeyframe())
                        || (!p.isVideo() && newest.dtsUs() - p.dtsUs() > OUTAGE_AUDIO_MS * 1000L);
                if (drop) {
                    it.remove();
                    lost(p, SeiDropReason.OUTAGE);
                    dropped++;
                    droppedDuringOutage++;
                    if (!p.isVideo()) {
                        droppedAudioDuringOutage++;
                    }
                }
            }
            if (newestKey == null && dropped > 0) {
                waitForKeyframe = true;
                waitReason = SeiDropReason.OUTAGE;
            }
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Puts a packet just taken back at the head (the output decided to send it on another connection). */
    void pushFront(MediaPacket packet) {
        lock.lock();
        try {
            packets.addFirst(packet);
            notEmpty.signal();
        } finally {
            lock.unlock();
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

    /** @return video frames dropped by the congestion rules so far */
    long droppedVideoFrames() {
        lock.lock();
        try {
            return droppedVideoFrames;
        } finally {
            lock.unlock();
        }
    }

    /** @return packets (audio and video) dropped while disconnected */
    long droppedDuringOutage() {
        lock.lock();
        try {
            return droppedDuringOutage;
        } finally {
            lock.unlock();
        }
    }

    /** @return audio frames dropped while disconnected (never while connected) */
    long droppedAudioDuringOutage() {
        lock.lock();
        try {
            return droppedAudioDuringOutage;
        } finally {
            lock.unlock();
        }
    }

    private void lost(MediaPacket p, SeiDropReason reason) {
        if (!p.seiPayloads().isEmpty()) {
            seiLoss.lost(p, reason);
        }
    }

    /**
     * Empties the queue once its output is done sending, reporting the packets with SEI payloads as
     * {@link SeiDropReason#UNSENT_AT_CLOSE}.
     *
     * @return how many packets were still queued
     */
    int discardRemaining() {
        lock.lock();
        try {
            int n = packets.size();
            MediaPacket p;
            while ((p = packets.pollFirst()) != null) {
                lost(p, SeiDropReason.UNSENT_AT_CLOSE);
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    /** Refuses further packets and wakes the reader; what is queued can still be taken. */
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
