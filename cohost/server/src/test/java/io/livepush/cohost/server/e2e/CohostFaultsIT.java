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
import io.livepush.natives.libc.GlibcMalloc;
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
    /**
     * Cycles 5 -> 20, C heap in use (mallinfo2): measured -14.4 MB here (it drifts both ways); the
     * leaks fixed in the rtc package added ~0.7 MB per guest cycle (a leaked peer connection and a
     * pinned 640x360 frame pool), ~10 MB over these 15 cycles.
     */
    private static final long C_HEAP_GROWTH_LIMIT = 8_000_000L;
    /**
     * Cycles 5 -> 20, RSS outside the Java heap: measured +16 MB and (once, before the Java heap's
     * committed size was subtracted) +43 MB. Not yet explained: not C heap in use, not direct
     * buffers, not threads. The bound only catches gross native leaks (e.g. unreleased frames).
     */
    private static final long RSS_GROWTH_LIMIT = 60_000_000L;

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

    /**
     * Memory after warm-up, measured here (one JVM: mixer, host and guest sides, 640x360 legs):
     * before the fixes, RSS grew ~3 MB per cycle — closed legs were kept reachable by webrtc-java's
     * data-channel observers (with their frame pools and the mixer's feeds) and every closed peer
     * connection stayed on the C heap. Now threads, Java heap and C heap in use are flat between
     * cycle 5 and 20; RSS still moves by tens of MB between runs (see {@link #RSS_GROWTH_LIMIT}).
     */
    @Test
    void twentyJoinLeaveCyclesKeepThreadsAndMemoryFlat() throws Exception {
        RtcTestSupport.assumeWebrtc();
        GlibcMalloc malloc = GlibcMalloc.load();
        try (RtmpIngestServer ingest = RtmpIngestServer.start(RtmpIngestConfig.builder().port(0).build());
                CohostRig rig = new CohostRig(pushingTo("rtmp://127.0.0.1:" + ingest.port() + "/live/cycles"),
                        Duration.ofSeconds(60))) {
            Mixer mixer = rig.server.mixer();
            CohostRig.Inbox guestInbox = new CohostRig.Inbox();
            try (CohostSession host = rig.connect("host", CohostToken.Role.HOST, new CohostRig.Inbox());
                    CohostSession guest = rig.connect("guest", CohostToken.Role.GUEST, guestInbox)) {
                host.join(CohostRig.pattern(0, 640, 360), CohostRig.tone(440)).get(20, TimeUnit.SECONDS);
                long[] at5 = null;
                for (int cycle = 1; cycle <= 20; cycle++) {
                    host.invite("guest");
                    guestInbox.next().accept().get(10, TimeUnit.SECONDS);
                    guest.join(CohostRig.pattern(90, 640, 360), CohostRig.tone(1000)).get(20, TimeUnit.SECONDS);
                    await(() -> mixer.picturesFrom("guest") > 5, 10_000, "guest's pictures in cycle");
                    guest.leave().get(10, TimeUnit.SECONDS);
                    await(() -> mixer.participants().equals(List.of("host")), 10_000, "guest leaving in cycle");
                    if (cycle == 5 || cycle == 20) {
                        await(() -> mixer.legCount() == 1, 5_000, "the guest's leg closing in cycle");
                        Thread.sleep(500);
                        for (int i = 0; i < 3; i++) {
                            System.gc();
                            Thread.sleep(100);
                        }
                        long[] now = {ManagementFactory.getThreadMXBean().getThreadCount(),
                            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), rssKb() * 1024,
                            malloc.mallinfo2().uordblks,
                            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted()};
                        System.out.printf(Locale.ROOT, "after cycle %d: %d threads, heap %.1f MB, RSS %.1f MB,"
                                + " C heap in use %.1f MB, Java heap committed %.1f MB, legs %d%n", cycle, now[0],
                                now[1] / 1e6, now[2] / 1e6, now[3] / 1e6, now[4] / 1e6, mixer.legCount());
                        if (cycle == 5) {
                            at5 = now;
                        } else {
                            // the Java heap's committed size is the JVM's to grow (up to -Xmx); the rest is native
                            long nativeGrowth = (now[2] - now[4]) - (at5[2] - at5[4]);
                            System.out.printf(Locale.ROOT, "cycles 5 -> 20: RSS %+.1f MB (outside the Java heap %+.1f MB),"
                                    + " C heap in use %+.1f MB%n", (now[2] - at5[2]) / 1e6, nativeGrowth / 1e6,
                                    (now[3] - at5[3]) / 1e6);
                            assertTrue(now[0] <= at5[0] + 2, "threads " + at5[0] + " -> " + now[0]);
                            assertTrue(now[1] < at5[1] + 40_000_000L, "heap " + at5[1] + " -> " + now[1]);
                            assertTrue(now[3] - at5[3] < C_HEAP_GROWTH_LIMIT, "C heap in use " + at5[3] + " -> " + now[3]);
                            assertTrue(nativeGrowth < RSS_GROWTH_LIMIT, "RSS outside the Java heap grew by " + nativeGrowth
                                    + " bytes (RSS " + at5[2] + " -> " + now[2] + ")");
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
