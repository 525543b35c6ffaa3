package io.livepush.publisher.rtmp.client;

import io.livepush.publisher.ProtocolException;

/**
 * The server refused the connection or the publish (Adobe RTMP 1.0, §7.2.1.1 {@code _error} to connect,
 * §7.2.2.6 {@code onStatus} to publish): e.g. {@link OnStatusCode#BAD_NAME} (the name is in use, often a stale
 * session: retry after a delay), {@link OnStatusCode#PUBLISH_DENIED} (wrong key),
 * {@link OnStatusCode#CONNECT_REJECTED}. The message never contains the stream key in full.
 */
public class RtmpPublishRejectedException extends ProtocolException {

    private static final long serialVersionUID = 1L;

    private final transient RtmpStatus status;

    /**
     * @param target a description of what was published, with the key redacted (e.g. the redacted URL)
     * @param step   the command that was refused, e.g. {@code "publish"}
     * @param status the server's status, description already redacted
     */
    public RtmpPublishRejectedException(String target, String step, RtmpStatus status) {
        super("RTMP server refused " + step + " of " + target + ": "
                + (status.rawCode().isEmpty() ? "no status code" : status.rawCode())
                + (status.description().isEmpty() ? "" : " (" + status.description() + ")"));
        this.status = status;
    }

    /** @return the status the server answered with */
    public RtmpStatus status() {
        return status;
    }

    /** @return the status code, e.g. {@link OnStatusCode#BAD_NAME} */
    public OnStatusCode code() {
        return status.code();
    }
}
