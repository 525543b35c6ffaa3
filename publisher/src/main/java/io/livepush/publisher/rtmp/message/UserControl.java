package io.livepush.publisher.rtmp.message;

import io.livepush.publisher.rtmp.RtmpProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * User Control Message, message type 4 (Adobe RTMP 1.0, §6.2 and §7.1.7), sent on chunk stream 2 with message
 * stream id 0. Payload: 2-byte event type, then the event data: a 4-byte stream id for Stream Begin/EOF/Dry/Is
 * Recorded, a stream id and a 4-byte buffer length in ms for Set Buffer Length, a 4-byte timestamp for Ping
 * Request/Response.
 *
 * @param eventType      the event type id on the wire (see {@link Event}); unknown ids are kept as received
 * @param value          the stream id, or the ping timestamp, 0..0xFFFFFFFF
 * @param bufferLengthMs the buffer length for Set Buffer Length, else 0
 */
public record UserControl(int eventType, long value, long bufferLengthMs) {

    /** User control event types (§7.1.7). */
    public enum Event {
        /** 0: the server tells the client a stream became functional; data = stream id. */
        STREAM_BEGIN(0),
        /** 1: playback of a stream is over; data = stream id. */
        STREAM_EOF(1),
        /** 2: no more data on a stream; data = stream id. */
        STREAM_DRY(2),
        /** 3: the client's buffer length; data = stream id, buffer length ms. */
        SET_BUFFER_LENGTH(3),
        /** 4: the stream is recorded; data = stream id. */
        STREAM_IS_RECORDED(4),
        /** 6: the server tests reachability; data = a timestamp to echo. */
        PING_REQUEST(6),
        /** 7: the answer to a ping request; data = the timestamp received. */
        PING_RESPONSE(7);

        private final int id;

        Event(int id) {
            this.id = id;
        }

        /** @return the event type id on the wire */
        public int id() {
            return id;
        }
    }

    /**
     * Validates the fields.
     *
     * @param eventType      the event type id on the wire, 0..0xFFFF; ids §7.1.7 does not define are kept
     * @param value          the stream id, or the ping timestamp, 0..0xFFFFFFFF
     * @param bufferLengthMs the buffer length in milliseconds for Set Buffer Length, else 0; 0..0xFFFFFFFF
     * @throws IllegalArgumentException when the event type is outside 0..0xFFFF or a data field outside
     *     0..0xFFFFFFFF
     */
    public UserControl {
        if (eventType < 0 || eventType > 0xFFFF) {
            throw new IllegalArgumentException("user control event type is " + eventType + " (expected 0..65535)");
        }
        if (value < 0 || value > 0xFFFFFFFFL || bufferLengthMs < 0 || bufferLengthMs > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("user control data is " + value + "/" + bufferLengthMs
                    + " (expected 0..4294967295)");
        }
    }

    /**
     * Stream Begin (event 0).
     *
     * @param streamId the stream that began; its 32 bits are taken as unsigned
     * @return the event
     */
    public static UserControl streamBegin(int streamId) {
        return new UserControl(Event.STREAM_BEGIN.id, streamId & 0xFFFFFFFFL, 0);
    }

    /**
     * Ping Request (event 6).
     *
     * @param timestamp the value the peer is to echo; its low 32 bits are sent
     * @return the event
     */
    public static UserControl pingRequest(long timestamp) {
        return new UserControl(Event.PING_REQUEST.id, timestamp & 0xFFFFFFFFL, 0);
    }

    /**
     * Ping Response (event 7).
     *
     * @param timestamp the value from the Ping Request; its low 32 bits are sent
     * @return the event
     */
    public static UserControl pingResponse(long timestamp) {
        return new UserControl(Event.PING_RESPONSE.id, timestamp & 0xFFFFFFFFL, 0);
    }

    /** @return the event, or {@code null} when the type id is not one §7.1.7 defines */
    public Event event() {
        for (Event e : Event.values()) {
            if (e.id == eventType) {
                return e;
            }
        }
        return null;
    }

    /**
     * @param alloc the allocator for the payload
     * @return the message on chunk stream 2
     */
    public RtmpMessage toMessage(ByteBufAllocator alloc) {
        boolean withBuffer = eventType == Event.SET_BUFFER_LENGTH.id;
        return ProtocolControlMessages.message(alloc, RtmpMessageType.USER_CONTROL, withBuffer ? 10 : 6, b -> {
            b.writeShort(eventType);
            b.writeInt((int) value);
            if (withBuffer) {
                b.writeInt((int) bufferLengthMs);
            }
        });
    }

    /**
     * @param message a type-4 message (not released)
     * @return its value; event data missing for an unknown event type reads as 0
     * @throws RtmpProtocolException when the payload is too short for its event type
     */
    public static UserControl fromMessage(RtmpMessage message) throws RtmpProtocolException {
        ByteBuf p = ProtocolControlMessages.payload(message, RtmpMessageType.USER_CONTROL, 2);
        int start = p.readerIndex();
        int type = p.getUnsignedShort(start);
        int length = p.readableBytes();
        int needed = type == Event.SET_BUFFER_LENGTH.id ? 10 : 6;
        boolean known = type <= Event.PING_RESPONSE.id && type != 5;
        if (known && length < needed) {
            throw new RtmpProtocolException("user control event " + type + " payload is " + length
                    + " bytes (expected " + needed + ")");
        }
        long value = length >= 6 ? p.getUnsignedInt(start + 2) : 0;
        long buffer = type == Event.SET_BUFFER_LENGTH.id ? p.getUnsignedInt(start + 6) : 0;
        return new UserControl(type, value, buffer);
    }
}
