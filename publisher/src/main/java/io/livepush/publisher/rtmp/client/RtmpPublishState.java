package io.livepush.publisher.rtmp.client;

/**
 * The phases of an RTMP publish connection, in order (Adobe RTMP 1.0, §5.2 handshake, §7.2.1.1 connect,
 * §7.2.1.3 createStream, §7.2.2.6 publish). {@link #CLOSED} and {@link #FAILED} are final.
 */
public enum RtmpPublishState {
    /** Opening the TCP (and for RTMPS, TLS) connection. */
    CONNECTING,
    /** Exchanging C0-C2 / S0-S2. */
    HANDSHAKING,
    /** Set Chunk Size and {@code connect} sent; waiting for its {@code _result}. */
    CONNECTING_APP,
    /** {@code releaseStream}, {@code FCPublish}, {@code createStream} sent; waiting for the stream id. */
    CREATING_STREAM,
    /**
     * Prepared ({@link RtmpClient#prepare}): the stream exists but {@code publish} is held until
     * {@link PreparedRtmpPublish#publish()}; {@code releaseStream} and {@code FCPublish} go out with it.
     */
    STREAM_CREATED,
    /** {@code publish} sent; waiting for {@code onStatus NetStream.Publish.Start}. */
    PUBLISHING_REQUESTED,
    /** The server accepted the stream: media may be sent. */
    PUBLISHING,
    /** {@code FCUnpublish} and {@code deleteStream} sent; the connection is closing. */
    CLOSING,
    /** Closed on request. */
    CLOSED,
    /** Ended by an error (see the listener's {@code onError}). */
    FAILED;

    /** @return whether no further transition can happen */
    public boolean isTerminal() {
        return this == CLOSED || this == FAILED;
    }
}
