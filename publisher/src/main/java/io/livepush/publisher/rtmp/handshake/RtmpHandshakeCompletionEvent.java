package io.livepush.publisher.rtmp.handshake;

/**
 * User event fired by {@link RtmpClientHandshakeHandler} and {@link RtmpServerHandshakeHandler} when the RTMP
 * handshake (Adobe RTMP 1.0, §5.2) has finished; the handler then removes itself, and the bytes after the
 * handshake flow on to the chunk decoder. A failed handshake is reported through {@code exceptionCaught}
 * instead, followed by the channel closing.
 */
public final class RtmpHandshakeCompletionEvent {

    /** The one instance: the handshake carries nothing the later layers need. */
    public static final RtmpHandshakeCompletionEvent SUCCESS = new RtmpHandshakeCompletionEvent();

    private RtmpHandshakeCompletionEvent() {
    }

    @Override
    public String toString() {
        return "RtmpHandshakeCompletionEvent(SUCCESS)";
    }
}
