package io.livepush.cohost.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.testing.Ffmpeg;
import io.livepush.capture.testing.NginxRtmp;
import io.livepush.capture.testing.PeerProcess;
import io.livepush.capture.testing.RecordingFiles;
import io.livepush.cohost.CohostException;
import io.livepush.cohost.client.CohostClient;
import io.livepush.cohost.client.CohostSession;
import io.livepush.cohost.client.Invitation;
import io.livepush.cohost.protocol.CohostErrorCode;
import io.livepush.cohost.rtc.RtcTestSupport;
import io.livepush.cohost.server.mixer.Mixer;
import io.livepush.cohost.server.mixer.MixerConfig;
import io.livepush.cohost.token.CohostAuthException;
import io.livepush.cohost.token.CohostToken;
import io.livepush.cohost.token.TokenSigner;
import io.livepush.publisher.rtmp.server.RtmpIngestConfig;
import io.livepush.publisher.rtmp.server.RtmpIngestServer;
import io.livepush.publisher.stream.LiveStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refused joins, a guest process killed mid-show, and join/leave cycles, against the running mix. */
class CohostFaultsIT {
    private static void await(BooleanSupplier condition, long timeoutMs, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + timeoutMs + " ms");
            }
            Thread.sleep(20);
        }
    }

    private static CohostErrorCode codeOf(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(CohostException.class, e.getCause(), e.toString()).code();
    }

    private static MixerConfig pushingTo(String url) {
        return MixerConfig.builder(url).build();
    }

    @Test
    void forgedTokenExpiredInvitationReplayedAcceptanceAndUninvitedJoinAreRefusedAndNeverReachTheMix()
            throws Exception {
        RtcTestSupport.assumeWebrtc();
        try (RtmpIngestServer ingest = RtmpIngestServer.start(RtmpIngestConfig.builder().port(0).build());
                CohostRig rig = new CohostRig(pushingTo("rtmp://127.0.0.1:" + ingest.port() + "/live/mix"),
                        Duration.ofMillis(1500))) {
            Mixer mixer = rig.server.mixer();
            try (CohostSession host = rig.connect("host", CohostToken.Role.HOST, new CohostRig.Inbox())) {
                host.join(CohostRig.pattern(0, 640, 360), CohostRig.tone(440)).get(20, TimeUnit.SECONDS);
                await(() -> mixer.picturesFrom("host") > 0, 10_000, "host's first picture");
                List<String> before = mixer.participants();
                int legsBefore = mixer.legCount();

                String forged = new TokenSigner("another-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8))
                        .sign(new CohostToken("mallory", CohostToken.Role.HOST, CohostRig.ROOM, Instant.now().plusSeconds(60)));
                ExecutionException e = assertThrows(ExecutionException.class, () -> CohostClient.connect(
                        rig.server.localUri(), forged, new CohostRig.Inbox(), rig.clients).get(10, TimeUnit.SECONDS));
                assertEquals(CohostAuthException.AuthFailure.FORGED,
                        assertInstanceOf(CohostAuthException.class, e.getCause()).reason());

                CohostRig.Inbox lateInbox = new CohostRig.Inbox();
                CohostRig.Inbox twiceInbox = new CohostRig.Inbox();
                try (CohostSession late = rig.connect("late", CohostToken.Role.GUEST, lateInbox);
                        CohostSession twice = rig.connect("twice", CohostToken.Role.GUEST, twiceInbox);
                        CohostSession uninvited = rig.connect("uninvited", CohostToken.Role.GUEST, new CohostRig.Inbox())) {
                    host.invite("late");
                    Invitation expired = lateInbox.next();
                    Thread.sleep(2000);
                    assertEquals(CohostErrorCode.INVITATION_EXPIRED, codeOf(expired.accept()));
                    assertEquals(CohostErrorCode.NOT_INVITED, codeOf(late.join(CohostRig.pattern(90, 640, 360), null)));

                    host.invite("twice");
                    Invitation once = twiceInbox.next();
                    once.accept().get(10, TimeUnit.SECONDS);
                    assertEquals(CohostErrorCode.INVITATION_USED, codeOf(once.accept()));

                    assertEquals(CohostErrorCode.NOT_INVITED,
                            codeOf(uninvited.join(CohostRig.pattern(90, 640, 360), CohostRig.tone(1000))));
                    Thread.sleep(1000);
                    assertEquals(before, mixer.participants(), "refused users never reach the mix");
                    assertEquals(legsBefore, mixer.legCount());
                    assertEquals(List.of("host"), mixer.regions().stream().map(r -> r.userId()).toList());
                }
            }
        }
    }

    @Test
    void aGuestWhoseProcessIsKilledDropsOutWhileTheMixGoesOn(@TempDir Path dir) throws Exception {
        RtcTestSupport.assumeWebrtc();
        Ffmpeg ffmpeg = Ffmpeg.require();
        try (NginxRtmp nginx = NginxRtmp.start(dir.resolve("nginx"), null);
                CohostRig rig = new CohostRig(pushingTo(nginx.url("killed")), Duration.ofSeconds(60))) {
            Mixer mixer = rig.server.mixer();
            rig.server.mixer().startOutput().get(10, TimeUnit.SECONDS);
            try (CohostSession host = rig.connect("host", CohostToken.Role.HOST, new CohostRig.Inbox())) {
                host.join(CohostRig.pattern(0, 640, 360), CohostRig.tone(440)).get(20, TimeUnit.SECONDS);
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                Path log = dir.resolve("guest.log");
                try (PeerProcess guest = PeerProcess.start(List.of(java, "-Xmx256m", "-cp",
                        System.getProperty("java.class.path"), ParticipantMain.class.getName(),
                        rig.server.localUri().toString(), rig.token("guest", CohostToken.Role.GUEST), "guest", "90", "1000",
                        "640x360"), log)) {
                    await(() -> guest.output().contains("CONNECTED") || !guest.isAlive(), 30_000, "guest connected");
                    host.invite("guest");
                    await(() -> guest.output().contains("JOINED") || !guest.isAlive(), 30_000, "guest joined");
                    assertTrue(guest.isAlive(), guest.output());
                    await(() -> mixer.picturesFrom("guest") > 10, 10_000, "guest's pictures in the mix");
                    assertEquals(List.of("host", "guest"), mixer.participants());

                    ProcessHandle.of(guest.pid()).orElseThrow().destroyForcibly();
                    long killed = System.nanoTime();
                    await(() -> mixer.participants().equals(List.of("host")), 15_000, "the killed guest leaving the mix");
                    System.out.printf(Locale.ROOT, "killed guest left the mix after %d ms%n",
                            (System.nanoTime() - killed) / 1_000_000);
                }
                LiveStream out = mixer.output();
                long sent = out.stats().framesSent();
                Thread.sleep(2000);
                assertTrue(out.stats().framesSent() >= sent + 50, "the mix goes on after the guest died");
                assertTrue(!out.done().isDone());
                assertEquals(1, mixer.legCount());
                mixer.stopOutput();
            }
            RecordingFiles.awaitSettled(nginx.recording("killed"));
            assertEquals("", ffmpeg.decodeErrors(nginx.recording("killed")), "the mix decodes across the guest's death");
        }
    }

    @Test
    void twentyJoinLeaveCyclesKeepThreadsAndMemoryFlat() throws Exception {
        RtcTestSupport.assumeWebrtc();
        try (RtmpIngestServer ingest = RtmpIngestServer.start(RtmpIngestConfig.builder().port(0).build());
                CohostRig rig = new CohostRig(pushingTo("rtmp://127.0.0.1:" + ingest.port() + "/live/cycles"),
                        Duration.ofSeconds(60))) {
            Mixer mixer = rig.server.mixer();
            CohostRig.Inbox guestInbox = new CohostRig.Inbox();
            try (CohostSession host = rig.connect("host", CohostToken.Role.HOST, new CohostRig.Inbox());
                    CohostSession guest = rig.connect("guest", CohostToken.Role.GUEST, guestInbox)) {
                host.join(CohostRig.pattern(0, 640, 360), CohostRig.tone(440)).get(20, TimeUnit.SECONDS);
                long threadsAt5 = 0;
                long heapAt5 = 0;
                long rssAt5 = 0;
                for (int cycle = 1; cycle <= 20; cycle++) {
                    host.invite("guest");
                    guestInbox.next().accept().get(10, TimeUnit.SECONDS);
                    guest.join(CohostRig.pattern(90, 640, 360), CohostRig.tone(1000)).get(20, TimeUnit.SECONDS);
                    await(() -> mixer.picturesFrom("guest") > 5, 10_000, "guest's pictures in cycle");
                    guest.leave().get(10, TimeUnit.SECONDS);
                    await(() -> mixer.participants().equals(List.of("host")), 10_000, "guest leaving in cycle");
                    if (cycle == 5 || cycle == 20) {
                        Thread.sleep(500);
                        System.gc();
                        Thread.sleep(200);
                        long threads = ManagementFactory.getThreadMXBean().getThreadCount();
                        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                        long rss = rssKb();
                        System.out.printf(Locale.ROOT, "after cycle %d: %d threads, heap %.1f MB, RSS %.1f MB, legs %d%n",
                                cycle, threads, heap / 1e6, rss / 1e3, mixer.legCount());
                        if (cycle == 5) {
                            threadsAt5 = threads;
                            heapAt5 = heap;
                            rssAt5 = rss;
                        } else {
                            assertTrue(threads <= threadsAt5 + 2, "threads " + threadsAt5 + " -> " + threads);
                            assertTrue(heap < heapAt5 + 40_000_000L, "heap " + heapAt5 + " -> " + heap);
                            assertTrue(rss < rssAt5 + 150_000, "RSS kB " + rssAt5 + " -> " + rss);
                        }
                    }
                }
                assertEquals(1, mixer.legCount());
                assertTrue(!mixer.output().done().isDone(), "the mix pushed through all cycles");
            }
        }
    }

    private static long rssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }
}
