package io.livepush.publisher.rtmp.client;

import io.netty.buffer.ByteBuf;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A stream being published over RTMP, handed out by {@link RtmpClient#publish} once the server answered
 * {@code NetStream.Publish.Start}.
 *
 * <p>Threading: every method may be called from any thread. Sends are handed to the connection's event loop in
 * call order (per calling thread) and flushed once per batch. Once the session is no longer
 * {@link RtmpPublishState#PUBLISHING}, sends release their buffer and do nothing; why it ended is reported to the
 * {@link RtmpClientListener} and by {@link #closeFuture()}.
 *
 * <p>{@link #close()} sends {@code FCUnpublish} and {@code deleteStream}, then closes the socket; it waits at most
 * the configured close timeout (2 s by default) and is idempotent.
 */
public interface RtmpPublishSession extends AutoCloseable {

    /**
     * Sends {@code @setDataFrame("onMetaData", metadata)} as an AMF0 data message (type 18) on the publish stream,
     * timestamp 0. A plain map is sent as an ECMA array.
     *
     * @param metadata e.g. width, height, framerate, videocodecid, audiocodecid, encoder
     * @throws IllegalArgumentException when a value cannot be written as AMF0
     */
    void sendMetaData(Map<String, Object> metadata);

    /**
     * Sends a video message (type 9).
     *
     * @param timestampMs   the DTS in milliseconds, &gt;= 0 (wraps modulo 2<sup>32</sup>)
     * @param flvVideoBody  an FLV video tag body; ownership moves here: it is released once written or dropped
     * @throws IllegalArgumentException when the timestamp is negative or the body longer than 16 MiB - 1 (the body
     *                                  is released then too)
     */
    void sendVideo(long timestampMs, ByteBuf flvVideoBody);

    /**
     * Sends an audio message (type 8).
     *
     * @param timestampMs  the DTS in milliseconds, &gt;= 0
     * @param flvAudioBody an FLV audio tag body; ownership moves here
     * @throws IllegalArgumentException when the timestamp is negative or the body too long (the body is released)
     */
    void sendAudio(long timestampMs, ByteBuf flvAudioBody);

    /** @return whether the connection's outgoing buffer is below its high water mark (Netty writability) */
    boolean isWritable();

    /**
     * A way to wait for room without polling: the returned future is complete at once when the session is
     * {@linkplain #isWritable() writable}, and otherwise completes when the outgoing buffer has drained to its low
     * water mark or the connection is gone (check {@link #closeFuture()} then). It completes on the connection's
     * event loop: block on it, or attach only quick, non-blocking actions (or use the {@code *Async} variants).
     *
     * @return a future for the next moment the session takes sends again
     */
    default CompletableFuture<Void> whenWritable() {
        return CompletableFuture.completedFuture(null);
    }

    /** @return payload bytes handed to send* and not yet written to the socket */
    long pendingWriteBytes();

    /** @return bytes written to the socket so far (RTMP bytes, before TLS), handshake included */
    long bytesSent();

    /**
     * @return the round-trip time last measured from the server's Acknowledgements (Adobe RTMP 1.0, §5.4.3): the
     *     time from flushing a byte to the acknowledgement covering it, in milliseconds; -1 before the first one
     *     (servers acknowledge once per window, so this updates every few seconds at best)
     */
    default long rttMillis() {
        return -1;
    }

    /**
     * Enhanced RTMP: completes when the server sent {@code onStatus NetConnection.Connect.ReconnectRequest}, with
     * the new {@code tcUrl} it named, or an empty string when it named none. The connection stays up; the caller
     * is expected to keep sending until the next keyframe and reconnect there.
     *
     * @return completes with the new {@code tcUrl}, or {@code ""} when the server named none; never completes on
     *     a connection that gets no such request (the default for sessions without Enhanced RTMP)
     */
    default CompletableFuture<String> reconnectRequest() {
        return new CompletableFuture<>();
    }

    /** @return the current phase */
    RtmpPublishState state();

    /** @return the server's address as {@code host:port} */
    String remoteAddress();

    /** @return a future completed when the connection is gone, for any reason (on the listener thread) */
    CompletableFuture<Void> closeFuture();

    /**
     * Unpublishes and closes; bounded by the close timeout; idempotent. Called on the connection's event loop it
     * starts the close and returns at once (waiting there would block the close itself).
     */
    @Override
    void close();
}
