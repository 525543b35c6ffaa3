package io.livepush.publisher.rtmp.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.publisher.rtmp.message.CommandMessage;
import io.livepush.publisher.rtmp.server.RtmpIngestConfig;
import io.livepush.publisher.rtmp.server.RtmpIngestServer;
import io.livepush.publisher.url.RtmpUrl;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The full stream key never appears in a log line, an exception message or a status description, on success and
 * on each failure path. Log lines are captured from System.err, where slf4j-simple (the test binding) writes;
 * debug level is requested for the RTMP loggers (it takes effect when this class runs before they are created).
 */
class StreamKeySecrecyTest {

    static {
        System.setProperty("org.slf4j.simpleLogger.log.io.livepush.publisher.rtmp", "debug");
    }

    private static final String KEY = "sk_live_0123456789abcdef?token=s3cr3t";
    private static final String SECRET_PART = "0123456789abcdef";

    @Test
    void streamKeyIsRedactedInLogsExceptionsAndStatuses() throws Exception {
        List<String> messages = new ArrayList<>();
        RecordingListener listener = new RecordingListener();
        String logs;
        try (StdErrCapture err = new StdErrCapture()) {
            try (RtmpIngestServer server = RtmpIngestServer.start(RtmpIngestConfig.builder().build());
                 RtmpIngestServer refusing = RtmpIngestServer.start(RtmpIngestConfig.builder()
                         .badNameKeys(Set.of(KEY)).build());
                 RtmpIngestServer silent = RtmpIngestServer.start(RtmpIngestConfig.builder()
                         .answerCommands(false).build())) {
                RtmpPublishSession session = RtmpClient.publish(url(server), RtmpClientConfig.defaults(), listener)
                        .get(5, TimeUnit.SECONDS);
                session.sendVideo(0, Unpooled.wrappedBuffer(new byte[] {0x17, 0, 0, 0, 0}));
                messages.add(url(server).toString());
                session.close();

                messages.add(failure(RtmpClient.publish(url(refusing), RtmpClientConfig.defaults(), listener)));
                messages.add(failure(RtmpClient.publish(url(silent),
                        RtmpClientConfig.builder().commandTimeout(Duration.ofMillis(200)).build(), listener)));
            }
            PublishHarness h = new PublishHarness(RtmpClientConfig.defaults());
            h.handshakeDone();
            h.releaseAll();
            h.reply(0, CommandMessage.of("_error", 1, null, PublishHarness.info("error",
                    "NetConnection.Connect.Rejected", "invalid key " + PublishHarness.KEY)));
            messages.add(failure(h.result));
            h.releaseAll();
            assertTrue(listener.closed.await(5, TimeUnit.SECONDS));
            Thread.sleep(200);
            logs = err.text();
        }
        for (Throwable t : listener.errors) {
            messages.add(String.valueOf(t.getMessage()));
        }
        for (RtmpStatus s : listener.statuses) {
            messages.add(s.toString());
        }
        assertTrue(logs.contains("sk_l****"), "the capture sees the RTMP log lines:\n" + logs);
        assertFalse(logs.contains(SECRET_PART), "a log line holds the key:\n" + logs);
        assertFalse(logs.contains("s3cr3t"), "a log line holds the key's token:\n" + logs);
        assertTrue(messages.size() >= 6, "messages checked: " + messages);
        assertTrue(messages.get(1).contains("refused publish of rtmp://127.0.0.1:"), messages.get(1));
        for (String m : messages) {
            assertFalse(m.contains(SECRET_PART) || m.contains("s3cr3t"), m);
        }
    }

    private static RtmpUrl url(RtmpIngestServer server) {
        return RtmpUrl.parse("rtmp://127.0.0.1:" + server.port() + "/live/" + KEY);
    }

    private static String failure(java.util.concurrent.CompletableFuture<RtmpPublishSession> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
        return e.getCause().getMessage();
    }
}
