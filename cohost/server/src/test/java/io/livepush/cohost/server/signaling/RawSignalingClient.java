package io.livepush.cohost.server.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.livepush.cohost.protocol.CohostErrorCode;
import io.livepush.cohost.protocol.SessionMessage;
import io.livepush.cohost.protocol.SignalCodec;
import io.livepush.cohost.protocol.SignalMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bare WebSocket peer on the JDK's own client (independent of the Netty code under test) that
 * sends any text, including broken messages, and collects what the server answers.
 */
final class RawSignalingClient implements AutoCloseable {
    private final BlockingQueue<SignalMessage> inbox = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closeStatus = new CompletableFuture<>();
    private final WebSocket socket;

    RawSignalingClient(URI uri) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try {
                        inbox.add(SignalCodec.decode(text.toString()));
                    } catch (Exception e) {
                        throw new AssertionError("server sent an undecodable message: " + text, e);
                    }
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closeStatus.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closeStatus.complete(-1);
            }
        }).get(5, TimeUnit.SECONDS);
    }

    RawSignalingClient sendText(String json) {
        socket.sendText(json, true).join();
        return this;
    }

    RawSignalingClient send(SignalMessage m) {
        return sendText(SignalCodec.encode(m));
    }

    /** @return the next message, failing after 5 s */
    SignalMessage next() throws InterruptedException {
        SignalMessage m = inbox.poll(5, TimeUnit.SECONDS);
        assertNotNull(m, "no message from the server within 5 s");
        return m;
    }

    @SuppressWarnings("unchecked")
    <T extends SignalMessage> T next(Class<T> type) throws InterruptedException {
        SignalMessage m = next();
        assertEquals(type, m.getClass(), "got " + m);
        return (T) m;
    }

    SessionMessage.Error nextError(CohostErrorCode code) throws InterruptedException {
        SessionMessage.Error e = next(SessionMessage.Error.class);
        assertEquals(code, e.code(), e.message());
        return e;
    }

    /** @return a message that arrives within the time, or null */
    SignalMessage poll(long ms) throws InterruptedException {
        return inbox.poll(ms, TimeUnit.MILLISECONDS);
    }

    /** Drops the TCP connection without a WebSocket close. */
    void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
