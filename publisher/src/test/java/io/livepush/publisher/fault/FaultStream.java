package io.livepush.publisher.fault;

import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFormat;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoSource;
import io.livepush.capture.source.FrameRate;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.source.ToneSource;
import io.livepush.encoder.VideoEncoderConfig;
import io.livepush.publisher.stream.LiveStream;
import io.livepush.publisher.stream.LiveStreamConfig;
import io.livepush.publisher.stream.LiveStreamListener;
import io.livepush.publisher.stream.LiveStreamStats;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test helper: a real-time {@link LiveStream} of the test pattern and a tone (optionally with a
 * noisy band so the encoder really spends its bitrate), recording every event with the time it
 * came, for the fault tests.
 */
final class FaultStream implements LiveStreamListener {
    /** One event: what, when ({@link System#nanoTime()}), and its detail. */
    record Event(String name, long nanos, String detail, Throwable cause) {
    }

    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<LiveStreamStats> stats = new CopyOnWriteArrayList<>();
    final LiveStream stream;

    FaultStream(LiveStreamConfig config, boolean noisy) {
        MediaClock clock = new MediaClock();
        VideoSource video = TestPatternSource.builder().size(config.video().width(), config.video().height())
                .frameRate(FrameRate.of(config.video().fps())).clock(clock).realtime(true).build();
        if (noisy) {
            video = new NoisyBand(video);
        }
        ToneSource audio = ToneSource.builder().format(config.audio().audioFormat()).clock(clock).realtime(true).build();
        stream = LiveStream.create(config, video, audio, clock, this);
    }

    static VideoEncoderConfig video(int width, int height, int bps) {
        return VideoEncoderConfig.builder().size(width, height).fps(30).bitrateBps(bps).gopSeconds(2).build();
    }

    private void add(String name, String detail, Throwable cause) {
        events.add(new Event(name, System.nanoTime(), detail, cause));
    }

    /** @return the first event named {@code name} after {@code afterNanos}, or null */
    Event first(String name, long afterNanos) {
        for (Event e : events) {
            if (e.name().equals(name) && e.nanos() >= afterNanos) {
                return e;
            }
        }
        return null;
    }

    /** Waits up to {@code timeout} for an event named {@code name} after {@code afterNanos}. */
    Event await(String name, long afterNanos, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Event e = first(name, afterNanos);
            if (e != null) {
                return e;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no " + name + " within " + timeout.toMillis() + " ms; events: " + events);
    }

    @Override
    public void onPublishing() {
        add("publishing", "", null);
    }

    @Override
    public void onReconnecting(String destination, int attempt, Duration delay, Throwable cause) {
        add("reconnecting", destination + " #" + attempt + " in " + delay.toMillis() + " ms", cause);
    }

    @Override
    public void onReconnected(String destination) {
        add("reconnected", destination, null);
    }

    @Override
    public void onGaveUp(String destination, Throwable cause) {
        add("gaveUp", destination, cause);
    }

    @Override
    public void onStats(LiveStreamStats s) {
        stats.add(s);
    }

    @Override
    public void onFailed(Throwable cause) {
        add("failed", cause.toString(), cause);
    }

    @Override
    public void onClosed() {
        add("closed", "", null);
    }

    /**
     * Overwrites the lower third of each frame's luma with fresh random 4x4 blocks: detail that
     * changes every frame, so the encoder spends the bitrate it is given (per-pixel noise would be
     * too much: no encoder could then keep a low target, and the test would measure the content).
     */
    static final class NoisyBand implements VideoSource {
        private final VideoSource inner;
        private final SplittableRandom random = new SplittableRandom(7);

        NoisyBand(VideoSource inner) {
            this.inner = inner;
        }

        @Override
        public VideoFormat format() {
            return inner.format();
        }

        @Override
        public VideoFrame read() throws java.io.IOException, InterruptedException {
            VideoFrame f = inner.read();
            if (f != null) {
                ByteBuffer y = f.plane(0);
                int stride = f.stride(0);
                int top = f.height() * 2 / 3 / 4 * 4;
                int[] blocks = new int[f.width() / 4];
                for (int row = top; row + 4 <= f.height(); row += 4) {
                    for (int b = 0; b < blocks.length; b++) {
                        blocks[b] = (random.nextInt(256)) * 0x01010101;
                    }
                    for (int line = row; line < row + 4; line++) {
                        for (int b = 0; b < blocks.length; b++) {
                            y.putInt(line * stride + b * 4, blocks[b]);
                        }
                    }
                }
            }
            return f;
        }

        @Override
        public void setErrorListener(io.livepush.capture.SourceErrorListener listener) {
            inner.setErrorListener(listener);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
