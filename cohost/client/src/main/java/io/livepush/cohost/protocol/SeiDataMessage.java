package io.livepush.cohost.protocol;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * An SEI payload a participant sends to the mixer over its leg's data channel, tagged with the
 * {@code FrameStamp} frame number of the video frame it belongs to, so the mixer writes it on the
 * mixed frame built from that frame.
 *
 * <pre>
 * byte 0      0x53 ('S'), the message kind
 * byte 1      0x01, the format version
 * bytes 2..9  frame number, signed 64-bit big-endian; -1 = no tag (the next mixed frame)
 * bytes 10..  the SEI payload, 1..255 bytes
 * </pre>
 *
 * @param frameNumber the frame number the payload belongs to, or -1 for none
 * @param payload the application payload, 1..255 bytes (copied)
 */
public record SeiDataMessage(long frameNumber, byte[] payload) {
    /** First byte of every SEI data message. */
    public static final byte KIND = 0x53;
    /** Second byte: the format version. */
    public static final byte VERSION = 1;
    /** Largest SEI payload, as the encoder's SEI writer allows. */
    public static final int MAX_PAYLOAD = 255;
    private static final int HEADER = 10;

    /**
     * Validates and copies.
     *
     * @param frameNumber the frame number the payload belongs to, 0 or more, or -1 for none
     * @param payload the application payload, 1..{@value #MAX_PAYLOAD} bytes; copied, so the caller may reuse it
     * @throws NullPointerException when {@code payload} is null
     * @throws IllegalArgumentException when the payload is empty or longer than {@value #MAX_PAYLOAD} bytes, or
     *     {@code frameNumber} is below -1
     */
    public SeiDataMessage {
        Objects.requireNonNull(payload, "payload");
        if (payload.length < 1 || payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("SEI payload is " + payload.length + " bytes (expected 1..255)");
        }
        if (frameNumber < -1) {
            throw new IllegalArgumentException("frame number is " + frameNumber + " (expected -1 or >= 0)");
        }
        payload = payload.clone();
    }

    /** @return a copy of the payload */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** @return the data-channel bytes */
    public byte[] encode() {
        return ByteBuffer.allocate(HEADER + payload.length).put(KIND).put(VERSION).putLong(frameNumber).put(payload).array();
    }

    /**
     * @param message data-channel bytes
     * @return true when they start like an SEI data message (kind and version)
     */
    public static boolean matches(byte[] message) {
        return message != null && message.length >= 2 && message[0] == KIND && message[1] == VERSION;
    }

    /**
     * @param message data-channel bytes
     * @return the message
     * @throws IllegalArgumentException when the bytes are not an SEI data message
     */
    public static SeiDataMessage decode(byte[] message) {
        Objects.requireNonNull(message, "message");
        if (!matches(message) || message.length < HEADER + 1 || message.length > HEADER + MAX_PAYLOAD) {
            throw new IllegalArgumentException("data message of " + message.length
                    + " bytes is not an SEI message (expected 0x53 0x01, 8-byte frame number, 1..255 payload bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(message, 2, message.length - 2);
        return new SeiDataMessage(b.getLong(), Arrays.copyOfRange(message, HEADER, message.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeiDataMessage m && m.frameNumber == frameNumber && Arrays.equals(m.payload, payload);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(frameNumber) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "SeiDataMessage[frame=" + frameNumber + ", " + payload.length + " bytes]";
    }
}
