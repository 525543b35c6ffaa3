package io.livepush.cohost.server.signaling;

import io.livepush.cohost.protocol.CohostErrorCode;
import io.livepush.cohost.protocol.SessionMessage;
import io.livepush.cohost.protocol.SignalCodec;
import io.livepush.cohost.protocol.SignalMessage;
import io.livepush.cohost.token.CohostToken;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.concurrent.ScheduledFuture;

/**
 * One participant's signaling socket. Sending is safe from any thread (Netty queues the write onto
 * the channel's event loop); the fields below are owned by the registry thread.
 */
final class SignalingConnection {
    private final Channel channel;
    private final long serial;

    /** Set by a valid hello; null before. Registry thread only. */
    CohostToken token;
    /** The invitation this guest joined with, or null. Registry thread only. */
    String joinedInvitationId;
    /** True from joined until left. Registry thread only. */
    boolean participant;
    /** True once the offer went to the mixer. Registry thread only. */
    boolean legOpened;
    /** True once the socket is closed and cleaned up. Registry thread only. */
    boolean gone;
    /** Closes the socket when no hello came in time. Registry thread only. */
    ScheduledFuture<?> helloTimer;

    SignalingConnection(Channel channel, long serial) {
        this.channel = channel;
        this.serial = serial;
    }

    void send(SignalMessage m) {
        if (channel.isActive()) {
            channel.writeAndFlush(new TextWebSocketFrame(SignalCodec.encode(m)));
        }
    }

    void refuse(CohostErrorCode code, String message, SignalMessage request) {
        send(new SessionMessage.Error(code, message, request == null ? null : SignalCodec.reference(request)));
    }

    /** Sends the error, then a WebSocket close (1008 policy violation) naming the code, then closes. */
    void refuseAndClose(CohostErrorCode code, String message, SignalMessage request) {
        refuse(code, message, request);
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION, code.name()))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }

    void close() {
        channel.close();
    }

    boolean isOpen() {
        return channel.isActive();
    }

    String userId() {
        return token == null ? null : token.userId();
    }

    @Override
    public String toString() {
        return "connection#" + serial + (token == null ? "" : "(" + token.userId() + "@" + token.roomId() + ")");
    }
}
