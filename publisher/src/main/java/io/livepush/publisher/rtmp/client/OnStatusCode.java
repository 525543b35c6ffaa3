package io.livepush.publisher.rtmp.client;

/**
 * The {@code code} strings of NetConnection/NetStream status events a publisher meets (Adobe RTMP 1.0, §7.2.1.1
 * and §7.2.2; the names are those of Flash's NetStatusEvent, used by FMS, Wowza, nginx-rtmp and CDNs).
 * {@link #UNKNOWN} stands for any other code; {@link RtmpStatus#rawCode()} keeps the string.
 */
public enum OnStatusCode {
    /** The connect command succeeded. */
    CONNECT_SUCCESS("NetConnection.Connect.Success"),
    /** The server refused the connection (bad app, authentication). */
    CONNECT_REJECTED("NetConnection.Connect.Rejected"),
    /** The connection could not be made. */
    CONNECT_FAILED("NetConnection.Connect.Failed"),
    /** The server closed the connection. */
    CONNECT_CLOSED("NetConnection.Connect.Closed"),
    /** Enhanced RTMP: the server asks the client to reconnect (optionally to a new tcUrl). */
    CONNECT_RECONNECT_REQUEST("NetConnection.Connect.ReconnectRequest"),
    /** Publishing started. */
    PUBLISH_START("NetStream.Publish.Start"),
    /** The stream name is already being published (often a stale session) or not allowed. */
    BAD_NAME("NetStream.Publish.BadName"),
    /** Publishing is not allowed (e.g. a wrong stream key). */
    PUBLISH_DENIED("NetStream.Publish.Denied"),
    /** The publish stream went idle. */
    PUBLISH_IDLE("NetStream.Publish.Idle"),
    /** Unpublishing succeeded. */
    UNPUBLISH_SUCCESS("NetStream.Unpublish.Success"),
    /** A generic stream failure. */
    STREAM_FAILED("NetStream.Failed"),
    /** Any other code. */
    UNKNOWN("");

    private final String code;

    OnStatusCode(String code) {
        this.code = code;
    }

    /** @return the code string, e.g. {@code "NetStream.Publish.Start"}; empty for {@link #UNKNOWN} */
    public String code() {
        return code;
    }

    /**
     * @param code a code string from an info object, may be null
     * @return the matching constant, or {@link #UNKNOWN}
     */
    public static OnStatusCode of(String code) {
        for (OnStatusCode c : values()) {
            if (c != UNKNOWN && c.code.equals(code)) {
                return c;
            }
        }
        return UNKNOWN;
    }

    /** @return whether this code means the server refused the publish or the connection */
    public boolean isRejection() {
        return this == CONNECT_REJECTED || this == CONNECT_FAILED || this == BAD_NAME || this == PUBLISH_DENIED
                || this == STREAM_FAILED;
    }
}
