package io.livepush.examples.desktop;

import io.livepush.publisher.stream.LiveStreamStats;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.swing.SwingUtilities;

/** Test view: records each call as {@code "method: words"}, checking it comes on the event dispatch thread. */
final class RecordingStreamView implements StreamView {
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    private void add(String e) {
        events.add(SwingUtilities.isEventDispatchThread() ? e : "NOT ON THE EDT: " + e);
    }

    /** Waits for the first event the predicate accepts, skipping others; fails after the timeout. */
    String await(Predicate<String> p, long seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e == null) {
                continue;
            }
            if (e.startsWith("NOT ON THE EDT")) {
                throw new AssertionError(e);
            }
            if (p.test(e)) {
                return e;
            }
            seen.append("\n  ").append(e);
        }
        throw new AssertionError("no " + what + " within " + seconds + " s; seen:" + seen);
    }

    @Override
    public void busy(String what) {
        add("busy: " + what);
    }

    @Override
    public void idle() {
        add("idle");
    }

    @Override
    public void previewing(String description) {
        add("previewing: " + description);
    }

    @Override
    public void live(String redactedUrl) {
        add("live: " + redactedUrl);
    }

    @Override
    public void stats(LiveStreamStats stats) {
        add("stats: " + stats.framesSent());
    }

    @Override
    public void notice(String words) {
        add("notice: " + words);
    }

    @Override
    public void stopped() {
        add("stopped");
    }

    @Override
    public void error(String words) {
        add("error: " + words);
    }
}
