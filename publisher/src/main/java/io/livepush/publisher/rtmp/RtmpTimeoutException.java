package io.livepush.publisher.rtmp;

import io.livepush.publisher.ProtocolException;

import java.time.Duration;

/**
 * An RTMP step did not finish before its deadline: the TCP connect, the handshake (§5.2), or a command waiting for
 * its {@code _result}/{@code onStatus} (§7.2).
 */
public class RtmpTimeoutException extends ProtocolException {

    private static final long serialVersionUID = 1L;

    /** What was waited for, e.g. {@code "connect"} or {@code "handshake"}. */
    private final String step;
    private final transient Duration timeout;

    /**
     * @param step    what was waited for, e.g. {@code "connect"} or {@code "handshake"}
     * @param timeout the deadline that passed
     */
    public RtmpTimeoutException(String step, Duration timeout) {
        super("RTMP " + step + " got no answer within " + timeout.toMillis() + " ms");
        this.step = step;
        this.timeout = timeout;
    }

    /** @return what was waited for, e.g. {@code "connect"} */
    public String step() {
        return step;
    }

    /** @return the deadline that passed */
    public Duration timeout() {
        return timeout;
    }
}
