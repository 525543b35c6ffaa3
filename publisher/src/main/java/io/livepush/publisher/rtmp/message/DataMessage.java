package io.livepush.publisher.rtmp.message;

import io.livepush.publisher.rtmp.RtmpProtocolException;
import io.netty.buffer.ByteBufAllocator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Data Message, AMF0, message type 18 (Adobe RTMP 1.0, §7.1.2): metadata or user data as a list of AMF0 values,
 * e.g. {@code "@setDataFrame", "onMetaData", ECMA array} (the FLV {@code onMetaData} script tag, FLV v10.1 §E.5).
 *
 * @param values the AMF0 values in order; may contain {@code null}
 */
public record DataMessage(List<Object> values) {

    /** The handler name publishers prefix metadata with, so servers store it for later viewers. */
    public static final String SET_DATA_FRAME = "@setDataFrame";
    /** The FLV metadata event name. */
    public static final String ON_META_DATA = "onMetaData";

    /**
     * Validates and copies the values.
     *
     * @param values the AMF0 values in order, at least one (the handler name); copied into an unmodifiable list;
     *               may contain {@code null}
     * @throws IllegalArgumentException when values is null or empty
     */
    public DataMessage {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("data message has no values (expected at least a handler name)");
        }
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /**
     * @param metadata the onMetaData properties (written as an ECMA array when it is an
     *                 {@link io.livepush.publisher.amf.Amf0EcmaArray}, else as an object)
     * @return {@code @setDataFrame("onMetaData", metadata)}
     */
    public static DataMessage setDataFrameOnMetaData(Map<String, ?> metadata) {
        return new DataMessage(List.of(SET_DATA_FRAME, ON_META_DATA, metadata));
    }

    /**
     * @param alloc           the allocator for the payload
     * @param timestamp       milliseconds
     * @param messageStreamId the publish stream id
     * @return the message on {@link ChunkStreamIds#DATA}
     * @throws IllegalArgumentException when a value cannot be written as AMF0
     */
    public RtmpMessage toMessage(ByteBufAllocator alloc, long timestamp, int messageStreamId) {
        return new RtmpMessage(ChunkStreamIds.DATA, RtmpMessageType.DATA_AMF0.id(), timestamp, messageStreamId,
                AmfPayloads.encode(alloc, values));
    }

    /**
     * @param message a type-18 message (not released)
     * @return the decoded values
     * @throws RtmpProtocolException when the body is not AMF0 or empty
     */
    public static DataMessage fromMessage(RtmpMessage message) throws RtmpProtocolException {
        List<Object> values = AmfPayloads.decode(message, RtmpMessageType.DATA_AMF0);
        if (values.isEmpty()) {
            throw new RtmpProtocolException("data message body is empty (expected at least one AMF0 value)");
        }
        return new DataMessage(values);
    }
}
