package io.livepush.publisher.stream;

import io.livepush.encoder.sei.SeiUserDataUnregistered;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;

/**
 * The SEI message that carries a frame's capture wall-clock time, so an ingest or player can
 * measure capture-to-arrival latency frame by frame ({@code --sei-timestamps}).
 *
 * <p>A {@code user_data_unregistered} message (ISO/IEC 14496-10 D.2.6) under its own UUID
 * {@link #UUID}, with an 8-byte payload: the capture time in Unix epoch microseconds, big-endian.
 * Application SEI payloads use another UUID, so the two never mix.
 */
public final class CaptureTimeSei {
    /** The UUID that marks a capture-time message. */
    public static final UUID UUID = java.util.UUID.fromString("6c697665-7075-7368-2d74-696d65737470");

    private CaptureTimeSei() {
    }

    /**
     * @param wallClockUs the capture time in microseconds since the Unix epoch
     * @return the SEI message for a capture time in Unix epoch microseconds
     */
    public static SeiUserDataUnregistered message(long wallClockUs) {
        return SeiUserDataUnregistered.of(UUID, ByteBuffer.allocate(8).putLong(wallClockUs).array());
    }

    /**
     * Reads the capture time from a parsed SEI message.
     *
     * @param message a parsed SEI message under any UUID, never null
     * @return the Unix epoch microseconds, or empty when the message is not a capture-time message
     */
    public static Optional<Long> read(SeiUserDataUnregistered message) {
        if (!UUID.equals(message.uuid()) || message.payload().length != 8) {
            return Optional.empty();
        }
        return Optional.of(ByteBuffer.wrap(message.payload()).getLong());
    }
}
