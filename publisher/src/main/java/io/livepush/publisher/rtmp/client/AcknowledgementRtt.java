package io.livepush.publisher.rtmp.client;

/**
 * Round-trip time from the server's Acknowledgements (Adobe RTMP 1.0, §5.4.3): each flush records the offset of
 * the last byte handed to the socket and when; an Acknowledgement carries how many bytes the server has received,
 * so the time since the first flush that reached that offset is one round trip (plus the time the bytes spent in
 * the socket's buffer, which is what a publisher wants to see). Owned by the connection's event loop; the result is
 * readable from any thread.
 */
final class AcknowledgementRtt {
    private static final int CAPACITY = 512;

    private final long[] offsets = new long[CAPACITY];
    private final long[] times = new long[CAPACITY];
    private int head;
    private int size;
    private volatile long rttMillis = -1;

    /** A flush at {@code nowNanos} put everything up to byte {@code offset} on its way. */
    void flushed(long offset, long nowNanos) {
        if (size > 0 && offsets[(head + size - 1) % CAPACITY] >= offset) {
            return;
        }
        if (size == CAPACITY) {
            head = (head + 1) % CAPACITY;
            size--;
        }
        offsets[(head + size) % CAPACITY] = offset;
        times[(head + size) % CAPACITY] = nowNanos;
        size++;
    }

    /** The server acknowledged {@code sequence} bytes (a 32-bit counter that wraps) at {@code nowNanos}. */
    void acknowledged(long sequence, long nowNanos) {
        if (size == 0) {
            return;
        }
        long last = offsets[(head + size - 1) % CAPACITY];
        long received = (last & ~0xFFFFFFFFL) | (sequence & 0xFFFFFFFFL);
        if (received > last) {
            received -= 1L << 32;
        }
        // Drop the flushes the server has fully received; the first one at or past its count carried its last byte.
        while (size > 1 && offsets[head] < received) {
            head = (head + 1) % CAPACITY;
            size--;
        }
        if (offsets[head] >= received) {
            rttMillis = Math.max(0, (nowNanos - times[head]) / 1_000_000);
        }
    }

    /** @return the last round trip in milliseconds, or -1 before the first */
    long rttMillis() {
        return rttMillis;
    }
}
