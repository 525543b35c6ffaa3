package io.livepush.examples.desktop;

import io.livepush.capture.SourceErrorListener;
import io.livepush.capture.VideoFormat;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoSource;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A video source that passes every frame on untouched and, at a modest rate, hands a small RGB copy
 * of one to the preview. The copy is made on the thread that reads (the stream's capture thread when
 * live): a thumbnail costs well under a millisecond and never waits for the screen, so the encoder
 * is not held up; the frame itself is never retained, so the source's pool is not drained.
 *
 * <p>Owns the wrapped source: {@link #close()} closes it.
 */
public final class PreviewTap implements VideoSource {
    /** Width of the preview pictures. */
    public static final int PREVIEW_WIDTH = 480;

    private final VideoSource source;
    private final Consumer<PreviewImage> sink;
    private final long intervalNanos;
    private long lastNanos;
    private boolean first = true;

    /**
     * @param source the source to read (owned from now on)
     * @param sink takes each preview picture; called on the reading thread, must not block
     * @param picturesPerSecond how many previews a second, 1..30
     */
    public PreviewTap(VideoSource source, Consumer<PreviewImage> sink, int picturesPerSecond) {
        this.source = Objects.requireNonNull(source, "source");
        this.sink = Objects.requireNonNull(sink, "sink");
        if (picturesPerSecond < 1 || picturesPerSecond > 30) {
            throw new IllegalArgumentException("preview rate " + picturesPerSecond + " per second is not allowed"
                    + " (expected 1..30)");
        }
        this.intervalNanos = 1_000_000_000L / picturesPerSecond;
    }

    @Override
    public VideoFormat format() {
        return source.format();
    }

    @Override
    public VideoFrame read() throws IOException, InterruptedException {
        VideoFrame f = source.read();
        if (f != null) {
            long now = System.nanoTime();
            if (first || now - lastNanos >= intervalNanos) {
                first = false;
                lastNanos = now;
                sink.accept(I420Thumbnail.of(f, PREVIEW_WIDTH));
            }
        }
        return f;
    }

    @Override
    public void setErrorListener(SourceErrorListener listener) {
        source.setErrorListener(listener);
    }

    @Override
    public void close() {
        source.close();
    }

    @Override
    public String toString() {
        return source.toString();
    }
}
