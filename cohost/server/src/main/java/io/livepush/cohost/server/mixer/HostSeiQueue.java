package io.livepush.cohost.server.mixer;

import io.livepush.capture.stamp.Stamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * SEI messages the host sent during co-hosting, waiting for the canvas they belong on.
 *
 * <h2>The rule</h2>
 * A message tagged with host frame number {@code N} is written on the first mixed frame whose
 * host picture carries a stamp with frame number {@code >= N}: the mixed frame composed from host
 * frame {@code N}, or, when that frame was lost on the leg (WebRTC drops the first frames and may
 * skip frames under load), the next one composed from a later host frame. A message without a tag
 * ({@code N < 0}), and any message while the host's pictures carry no readable stamp (a real camera),
 * goes on the first mixed frame composed after it arrived. Messages never wait longer than
 * {@value #MAX_WAIT_MS} ms, so a host frame that never arrives cannot hold an event back.
 *
 * <p>Thread-safe: the leg's data-channel thread adds, the canvas thread takes.
 */
public final class HostSeiQueue {
    static final long MAX_WAIT_MS = 1000;
    static final int CAPACITY = 256;

    private final List<Pending> pending = new ArrayList<>();
    private long dropped;

    /**
     * Queues a message; when {@value #CAPACITY} are already waiting the oldest is dropped (and counted).
     *
     * @param hostFrameNumber the host frame it belongs to, or -1 for "the next frame"
     * @param payload 1..255 bytes
     * @throws IllegalArgumentException for an empty or over-long payload
     */
    public synchronized void add(long hostFrameNumber, byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        if (payload.length < 1 || payload.length > 255) {
            throw new IllegalArgumentException("SEI payload is " + payload.length + " bytes (expected 1..255)");
        }
        if (pending.size() >= CAPACITY) {
            pending.remove(0);
            dropped++;
        }
        pending.add(new Pending(hostFrameNumber, payload.clone(), System.nanoTime()));
    }

    /**
     * Takes the messages due on a canvas that shows the given host picture.
     *
     * @param hostStamp the stamp of the host picture drawn, or null when none was readable
     * @return the payloads, in the order they were sent
     */
    public synchronized List<byte[]> takeFor(Stamp hostStamp) {
        if (pending.isEmpty()) {
            return List.of();
        }
        long now = System.nanoTime();
        List<byte[]> due = new ArrayList<>();
        for (Iterator<Pending> it = pending.iterator(); it.hasNext();) {
            Pending p = it.next();
            boolean onThisFrame = p.frameNumber < 0 || hostStamp == null || hostStamp.frameNumber() >= p.frameNumber
                    || now - p.addedNanos > MAX_WAIT_MS * 1_000_000;
            if (onThisFrame) {
                due.add(p.payload);
                it.remove();
            }
        }
        return due;
    }

    /** @return messages waiting */
    public synchronized int size() {
        return pending.size();
    }

    /** @return messages dropped because too many were waiting */
    public synchronized long dropped() {
        return dropped;
    }

    private record Pending(long frameNumber, byte[] payload, long addedNanos) { }
}
