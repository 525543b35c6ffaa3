package io.livepush.encoder.sei;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.UUID;

/**
 * The queue of SEI {@code user_data_unregistered} messages waiting for frames (design: "a payload
 * is attached to the next encoded frame, or repeated on N frames, or on keyframes only, never lost
 * silently").
 *
 * <p>Any thread may {@link #submit} a message; the encoder thread calls {@link #takeFor(boolean)}
 * once per <em>encoded</em> frame (never for a frame the rate control skipped, so nothing is used up
 * by a frame that does not exist). Messages come out in the order they were submitted.
 *
 * <p>Several messages on one frame are written as separate SEI NAL units, one message each, rather
 * than one NAL unit holding several {@code sei_message()}s: each NAL unit then stands alone, a
 * reader that only looks at the first message of an SEI NAL unit (several player-side parsers do)
 * still sees every payload, and a message's NAL bytes are built once at submit time and reused on
 * every frame that repeats it. The cost is two bytes (header and trailing bits) plus the length
 * prefix per extra message.
 *
 * <p>The queue is bounded: when {@link #capacity()} messages are pending, {@link #submit} throws
 * {@link IllegalStateException} instead of dropping anything. Thread-safe.
 */
public final class SeiScheduler {
    /** Pending messages kept by {@link #SeiScheduler()}. */
    public static final int DEFAULT_CAPACITY = 64;

    private final UUID uuid;
    private final int capacity;
    private final LinkedList<Pending> pending = new LinkedList<>();

    /** A scheduler writing {@link SeiUserDataUnregistered#LIVEPUSH_UUID} with {@link #DEFAULT_CAPACITY}. */
    public SeiScheduler() {
        this(SeiUserDataUnregistered.LIVEPUSH_UUID, DEFAULT_CAPACITY);
    }

    /**
     * @param uuid the UUID {@link #submit(byte[], SeiRepeat)} writes
     * @param capacity pending messages held at most, 1..10_000
     */
    public SeiScheduler(UUID uuid, int capacity) {
        if (uuid == null) {
            throw new IllegalArgumentException("SEI UUID is null (expected a UUID, e.g. LIVEPUSH_UUID)");
        }
        if (capacity < 1 || capacity > 10_000) {
            throw new IllegalArgumentException("SEI queue capacity " + capacity + " is not allowed (expected 1..10000)");
        }
        this.uuid = uuid;
        this.capacity = capacity;
    }

    /**
     * Queues a payload under this scheduler's UUID.
     *
     * @param payload 1..255 bytes, copied
     * @param repeat which frames carry it
     * @throws IllegalArgumentException for a bad payload or a null repeat; nothing is queued
     * @throws IllegalStateException when the queue is full; nothing is queued
     */
    public void submit(byte[] payload, SeiRepeat repeat) {
        submit(SeiUserDataUnregistered.of(uuid, payload), repeat);
    }

    /**
     * Queues a message with any UUID.
     *
     * @param message the SEI message, never null
     * @param repeat which upcoming frames carry it, never null
     * @throws IllegalArgumentException for a null message or repeat; nothing is queued
     * @throws IllegalStateException when the queue is full; nothing is queued
     */
    public void submit(SeiUserDataUnregistered message, SeiRepeat repeat) {
        if (message == null) {
            throw new IllegalArgumentException("SEI message is null (expected a SeiUserDataUnregistered)");
        }
        if (repeat == null) {
            throw new IllegalArgumentException("SEI repeat is null (expected SeiRepeat.once(), frames(n) or keyframes(n))");
        }
        Pending p = new Pending(message.toNalUnit(), repeat.keyframesOnly(), repeat.count());
        synchronized (pending) {
            if (pending.size() >= capacity) {
                throw new IllegalStateException("SEI queue is full: " + pending.size()
                        + " messages are waiting for frames (capacity " + capacity
                        + "); the payload was not queued. Send less often, or check that frames are being encoded");
            }
            pending.add(p);
        }
    }

    /**
     * Takes the SEI NAL units for one encoded frame: each pending message that applies to it (all
     * messages, or on a keyframe also the keyframes-only ones) counts one use and is removed after
     * its last.
     *
     * @param keyframe whether the encoded frame is an IDR
     * @return the SEI NAL units in submission order, possibly empty; the arrays are shared between
     *     the frames that repeat a message and must not be modified
     */
    public List<byte[]> takeFor(boolean keyframe) {
        synchronized (pending) {
            if (pending.isEmpty()) {
                return List.of();
            }
            List<byte[]> out = new ArrayList<>(pending.size());
            for (Iterator<Pending> it = pending.iterator(); it.hasNext();) {
                Pending p = it.next();
                if (p.keyframesOnly && !keyframe) {
                    continue;
                }
                out.add(p.nal);
                if (--p.remaining == 0) {
                    it.remove();
                }
            }
            return out;
        }
    }

    /** @return how many messages are waiting (each counted once, however often it repeats) */
    public int pendingCount() {
        synchronized (pending) {
            return pending.size();
        }
    }

    /** @return the most messages that may wait at once */
    public int capacity() {
        return capacity;
    }

    /** @return the UUID {@link #submit(byte[], SeiRepeat)} writes */
    public UUID uuid() {
        return uuid;
    }

    private static final class Pending {
        final byte[] nal;
        final boolean keyframesOnly;
        int remaining;

        Pending(byte[] nal, boolean keyframesOnly, int remaining) {
            this.nal = nal;
            this.keyframesOnly = keyframesOnly;
            this.remaining = remaining;
        }
    }
}
