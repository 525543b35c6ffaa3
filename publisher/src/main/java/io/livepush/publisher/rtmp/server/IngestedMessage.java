package io.livepush.publisher.rtmp.server;

import io.livepush.publisher.rtmp.message.RtmpMessageType;

/**
 * One audio (8), video (9) or AMF0 data (18) message an {@link RtmpIngestServer} received on a publish stream,
 * with when it arrived (taken on the event loop as the message was reassembled), for latency measurements.
 *
 * @param streamKeyRedacted  the publish name, redacted ({@link io.livepush.publisher.url.StreamKeys#redact})
 * @param typeId             the message type id (Adobe RTMP 1.0, §7.1)
 * @param timestampMs        the message timestamp, ms
 * @param payload            a copy of the payload (the FLV tag body, or the AMF0 data)
 * @param arrivalNanos       {@link System#nanoTime()} at arrival
 * @param arrivalEpochMicros wall-clock time at arrival, microseconds since the epoch
 */
public record IngestedMessage(String streamKeyRedacted, int typeId, long timestampMs, byte[] payload,
                              long arrivalNanos, long arrivalEpochMicros) {

    /** @return the message type, or null for a type id outside the spec */
    public RtmpMessageType type() {
        return RtmpMessageType.of(typeId);
    }

    @Override
    public String toString() {
        return "IngestedMessage[" + streamKeyRedacted + ", type=" + typeId + ", ts=" + timestampMs
                + ", " + payload.length + " bytes]";
    }
}
