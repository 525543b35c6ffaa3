package io.livepush.examples.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.testing.Interop;
import io.livepush.publisher.rtmp.server.RtmpIngestConfig;
import io.livepush.publisher.rtmp.server.RtmpIngestServer;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The presenter without a window, against the SDK's in-JVM RTMP ingest: going live, stats, events,
 * bad calls that leave the stream running, refusals and unreachable servers in words, and the
 * preview coming back after each stream. The view is told everything on the event dispatch thread.
 */
class StreamControllerTest {
    private static final String KEY = "ctrl-test-51e0c9a7b3";
    private static final StreamSettings SMALL = new StreamSettings(320, 180, 15, 300);

    private final RecordingStreamView view = new RecordingStreamView();
    private final AtomicInteger previews = new AtomicInteger();
    private StreamController controller;
    private RtmpIngestServer ingest;

    @BeforeEach
    void start() throws Exception {
        ingest = RtmpIngestServer.start(RtmpIngestConfig.builder().port(0).badNameKeys(Set.of("taken-key-0123456"))
                .build());
        controller = new StreamController(view, p -> previews.incrementAndGet());
    }

    @AfterEach
    void stop() {
        controller.close();
        ingest.close();
    }

    @Test
    void goesLiveShowingOnlyTheRedactedUrlSendsEventsAndComesBackToThePreviewAfterStop() throws Exception {
        controller.showPreview(VideoChoice.testPattern(), SMALL);
        view.await(e -> e.startsWith("previewing: Test pattern"), 5, "preview");
        controller.goLive(VideoChoice.testPattern(), AudioChoice.tone(), SMALL, target(KEY));
        String busy = view.await(e -> e.startsWith("busy: Connecting"), 5, "progress");
        assertFalse(busy.contains(KEY), busy);
        assertEquals("live: rtmp://127.0.0.1:" + ingest.port() + "/live/ctrl****",
                view.await(e -> e.startsWith("live:"), 10, "live"));
        assertEquals(StreamController.State.LIVE, controller.state());
        view.await(e -> e.startsWith("stats:"), 3, "stats");

        assertTrue(controller.sendEvent("coupon:7").startsWith("Event sent (8 bytes)"));
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> controller.sendEvent("x".repeat(300)));
        assertTrue(tooLong.getMessage().contains("300 bytes"), tooLong.getMessage());
        controller.goLive(VideoChoice.testPattern(), AudioChoice.none(), SMALL, target(KEY));
        assertEquals("error: Already live: press Stop first.", view.await(e -> e.startsWith("error:"), 3, "refusal"));
        controller.showPreview(VideoChoice.testPattern(), StreamSettings.defaults());
        view.await(e -> e.startsWith("notice: The new source"), 3, "kept for next time");

        String s1 = view.await(e -> e.startsWith("stats:"), 3, "stats after the bad calls");
        String s2 = view.await(e -> e.startsWith("stats:"), 3, "more stats");
        assertTrue(Long.parseLong(s2.substring(7)) > Long.parseLong(s1.substring(7)), s1 + " then " + s2);
        assertEquals(StreamController.State.LIVE, controller.state());
        int before = previews.get();
        assertTrue(before > 0, "the preview is fed while live");

        controller.stop();
        view.await("stopped"::equals, 5, "stopped");
        view.await(e -> e.startsWith("previewing: Test pattern") && e.contains("1280x720"), 5, "the preview back, with the new choice");
        assertEquals(StreamController.State.PREVIEW, controller.state());
        assertTrue(ingest.publishingRedacted().isEmpty(), "the ingest saw the stream end");
    }

    @Test
    void aKeyTheServerRefusesIsExplainedAndThePreviewComesBack() throws Exception {
        controller.goLive(VideoChoice.testPattern(), AudioChoice.none(), SMALL, target("taken-key-0123456"));
        assertEquals("error: The server says this stream key is already live (an earlier session may still be open)."
                + " Wait a few seconds and go live again.", view.await(e -> e.startsWith("error:"), 10, "refusal"));
        view.await(e -> e.startsWith("previewing:"), 5, "preview");
        assertEquals(StreamController.State.PREVIEW, controller.state());
    }

    @Test
    void aServerThatIsNotThereIsExplained() throws Exception {
        int closedPort = Interop.freePort();
        controller.goLive(VideoChoice.testPattern(), AudioChoice.none(), SMALL,
                IngestTarget.of("rtmp://127.0.0.1:" + closedPort + "/live", KEY.toCharArray()));
        String error = view.await(e -> e.startsWith("error:"), 10, "refusal");
        assertTrue(error.contains("Nothing answered at the server address"), error);
    }

    @Test
    void aLostConnectionIsReportedInWordsWhileTheStreamKeepsTryingAndStopStillWorks() throws Exception {
        controller.goLive(VideoChoice.testPattern(), AudioChoice.none(), SMALL, target(KEY));
        view.await(e -> e.startsWith("live:"), 10, "live");
        ingest.close();
        String notice = view.await(e -> e.startsWith("notice: Connection lost"), 10, "reconnect notice");
        assertTrue(notice.contains("Reconnecting in") && notice.contains("attempt 1"), notice);
        assertFalse(notice.contains("Exception"), notice);
        assertEquals(StreamController.State.LIVE, controller.state());
        controller.stop();
        view.await("stopped"::equals, 5, "stopped");
    }

    @Test
    void eventsWhileNotLiveAreRefusedInWords() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> controller.sendEvent("hello"));
        assertEquals("Events can only be sent while live (press Go Live first).", e.getMessage());
    }

    private IngestTarget target(String key) {
        return IngestTarget.of("rtmp://127.0.0.1:" + ingest.port() + "/live", key.toCharArray());
    }
}
