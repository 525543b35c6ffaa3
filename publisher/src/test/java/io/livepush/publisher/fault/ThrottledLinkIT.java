package io.livepush.publisher.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.testing.Ffmpeg;
import io.livepush.capture.testing.Interop;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2.5 Mbit/s stream over a link throttled to 1 Mbit/s (a network namespace whose loopback has a
 * token bucket filter, PEERS.md), then the throttle lifted: the video bitrate comes down within 3 s,
 * the send queue stays under the drop threshold, no audio frame is lost, and the bitrate climbs back
 * once the link is free. nginx and the pushing JVM ({@link ThrottledPushMain}) both run inside the
 * namespace; this test drives {@code tc} from outside and reads the figures the child prints.
 */
class ThrottledLinkIT {
    private static final double PUSH_SECONDS = 24;
    private static final double LIFT_AT_SECONDS = 11;

    @TempDir
    Path dir;

    /** One STAT line of the child. */
    record Stat(long ms, int videoBps, long queueMs, double kbps, long dropped, long audioDropped) {
        static Stat parse(String line) {
            String[] f = line.split(" ");
            return new Stat(Long.parseLong(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3]), Double.parseDouble(f[4]),
                    Long.parseLong(f[5]), Long.parseLong(f[6]));
        }
    }

    @Test
    void bitrateFollowsAOneMegabitLinkDownAndBackWithoutLosingAudio() throws Exception {
        String ip = Interop.requireExecutable("ip", "iproute2");
        Interop.requireExecutable("tc", "iproute2");
        Ffmpeg ffmpeg = Ffmpeg.require();
        String ns = "livepush-it-" + ProcessHandle.current().pid();
        Interop.assumePeer(run(ip, "netns", "add", ns) == 0, "network namespaces (ip netns add needs root)");
        Process child = null;
        try {
            assertEquals(0, run(ip, "netns", "exec", ns, "ip", "link", "set", "lo", "up", "mtu", "1500"));
            assertEquals(0, run(ip, "netns", "exec", ns, "tc", "qdisc", "add", "dev", "lo", "root", "tbf", "rate", "1mbit",
                    "burst", "32kbit", "latency", "400ms"));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            child = new ProcessBuilder(ip, "netns", "exec", ns, java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    ThrottledPushMain.class.getName(), dir.resolve("nginx").toString(), Double.toString(PUSH_SECONDS))
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            StringBuilder log = new StringBuilder();
            Process c = child;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
                    String l;
                    while ((l = r.readLine()) != null) {
                        lines.add(l);
                    }
                } catch (IOException ignored) {
                    // the child ended
                }
            }, "child-stdout");
            reader.setDaemon(true);
            reader.start();

            List<Stat> stats = new ArrayList<>();
            String recording = null;
            boolean lifted = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos((long) PUSH_SECONDS + 60);
            while (System.nanoTime() < deadline) {
                String l = lines.poll(1, TimeUnit.SECONDS);
                if (l == null) {
                    if (!child.isAlive() && lines.isEmpty()) {
                        break;
                    }
                    continue;
                }
                if (l.startsWith("STAT ")) {
                    Stat s = Stat.parse(l);
                    stats.add(s);
                    if (!lifted && s.ms() >= LIFT_AT_SECONDS * 1000) {
                        assertEquals(0, run(ip, "netns", "exec", ns, "tc", "qdisc", "del", "dev", "lo", "root"));
                        lifted = true;
                    }
                } else if (l.startsWith("RECORDING ")) {
                    recording = l.substring("RECORDING ".length());
                } else if (!l.startsWith("[") && !l.isBlank()) {
                    log.append(l).append('\n');
                }
                if (l.equals("DONE")) {
                    break;
                }
            }
            assertNotNull(recording, "the child reported no recording: " + log);
            System.out.println("t(s)  video kbps  queue ms  link kbps  dropped");
            for (int i = 0; i < stats.size(); i += 4) {
                Stat s = stats.get(i);
                System.out.printf("%5.1f  %9d  %8d  %9.0f  %7d%n", s.ms() / 1000.0, s.videoBps() / 1000, s.queueMs(), s.kbps(),
                        s.dropped());
            }
            Stat firstLower = stats.stream().filter(s -> s.videoBps() < 2_500_000).findFirst().orElseThrow(
                    () -> new AssertionError("the bitrate never came down: " + stats));
            assertTrue(firstLower.ms() <= 3000, "bitrate first lowered at " + firstLower.ms() + " ms");
            int lowest = stats.stream().filter(s -> s.ms() <= LIFT_AT_SECONDS * 1000).mapToInt(Stat::videoBps).min().orElseThrow();
            assertTrue(lowest <= 1_000_000, "lowest bitrate under a 1 Mbit/s link: " + lowest);
            // "Adapted" = the first moment after the first lowering at which the backlog of the 2.5 Mbit/s start
            // has drained (it cannot be avoided: the estimator needs a second of history) and stays drained for a
            // second: one low sample is not enough, as a large write handed to the socket can empty the queue for
            // a moment while the backlog is still draining. It must come soon, and from then until the throttle
            // is lifted the queue never passes the 900 ms drop threshold.
            Stat adapted = null;
            for (int i = 0; i < stats.size() && adapted == null; i++) {
                Stat s = stats.get(i);
                if (s.ms() > firstLower.ms() && drainedForASecond(stats, i)) {
                    adapted = s;
                }
            }
            if (adapted == null) {
                throw new AssertionError("the queue never drained: " + stats);
            }
            final Stat drained = adapted;
            assertTrue(adapted.ms() <= 5000, "backlog of the start drained at " + adapted.ms() + " ms");
            long worstQueue = stats.stream().filter(s -> s.ms() >= drained.ms() && s.ms() <= LIFT_AT_SECONDS * 1000)
                    .mapToLong(Stat::queueMs).max().orElseThrow();
            assertTrue(worstQueue < 900, "queue under the 900 ms threshold once adapted (from " + adapted.ms()
                    + " ms), worst " + worstQueue + " ms");
            int end = stats.get(stats.size() - 1).videoBps();
            assertTrue(end >= lowest + 2 * 250_000, "bitrate after the throttle was lifted: " + end + " (lowest " + lowest + ")");
            assertEquals(0, stats.get(stats.size() - 1).audioDropped(), "audio dropped");

            FlvSummary summary = FlvSummary.read(Path.of(recording));
            double seconds = summary.lastTimestampMs() / 1000.0;
            System.out.printf("recording: %.1f s, %d audio frames (%.2f/s), largest audio gap %d ms%n", seconds,
                    summary.audioFrames(), summary.audioFrames() / seconds, summary.maxAudioGapMs());
            assertTrue(summary.maxAudioGapMs() <= 30, "largest step between audio frames " + summary.maxAudioGapMs() + " ms");
            assertEquals(seconds * 48_000 / 1024, summary.audioFrames(), seconds * 48_000 / 1024 * 0.02, "audio frames");
            assertEquals("", ffmpeg.decodeErrors(Path.of(recording)), "ffmpeg decode errors");
        } finally {
            if (child != null && child.isAlive()) {
                child.destroy();
                if (!child.waitFor(10, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            }
            run(ip, "netns", "del", ns);
        }
    }

    /** @return whether the queue is under 200 ms at sample {@code from} and in every sample of the next second */
    private static boolean drainedForASecond(List<Stat> stats, int from) {
        long until = stats.get(from).ms() + 1000;
        for (int i = from; i < stats.size() && stats.get(i).ms() <= until; i++) {
            if (stats.get(i).queueMs() >= 200) {
                return false;
            }
        }
        return stats.get(stats.size() - 1).ms() >= until;
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
